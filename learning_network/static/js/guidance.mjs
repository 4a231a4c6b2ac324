// Guidance pages: print shows the date it was printed, not the date it was served.
const printed = document.querySelectorAll(".ln-print-only");
window.addEventListener("beforeprint", () => {
  const today = new Date().toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
  });
  printed.forEach((el) => {
    el.textContent = ` · printed ${today}`;
  });
});

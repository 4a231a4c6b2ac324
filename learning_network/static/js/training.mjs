// Training: the certificate's "Print this certificate" button (shown only with JavaScript).
for (const button of document.querySelectorAll("[data-print-page]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

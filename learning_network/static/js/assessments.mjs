// Self-assessment: save the rating and comment as a draft while the assessor types, so
// nothing is lost if they leave the page. Without JavaScript, "Save draft and stay" does
// the same. Evidence is only added when the assessor presses a button.
const form = document.querySelector("[data-autosave]");
const status = document.querySelector("[data-autosave-status]");
const DELAY_MS = 2000;
const DRAFT_FIELDS = ["csrfmiddlewaretoken", "rating", "comment"];

if (form && status) {
  let timer = null;
  let last = "";

  const draft = () => {
    const data = new FormData();
    for (const [name, value] of new FormData(form)) {
      if (DRAFT_FIELDS.includes(name)) data.append(name, value);
    }
    data.append("save_draft", "");
    return data;
  };

  const save = async () => {
    const data = draft();
    const snapshot = JSON.stringify([...data.entries()]);
    if (snapshot === last) return;
    try {
      const response = await fetch(form.action || window.location.href, {
        method: "POST",
        body: data,
        headers: { "X-Autosave": "1" },
        credentials: "same-origin",
      });
      if (response.ok) {
        last = snapshot;
        const time = new Date().toLocaleTimeString("en-GB", {
          hour: "2-digit",
          minute: "2-digit",
        });
        status.textContent = `Draft saved at ${time}.`;
      } else {
        status.textContent = "Your draft could not be saved. Use Save draft and stay.";
      }
    } catch {
      status.textContent = "Your draft could not be saved. Use Save draft and stay.";
    }
  };

  const schedule = (event) => {
    if (!DRAFT_FIELDS.includes(event.target.name)) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(save, DELAY_MS);
  };
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
}

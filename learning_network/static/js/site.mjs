import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();

// Disclosures folded on phones so the content after them starts on the first screen
// (the search filters) are open from GOV.UK's tablet width up.
const tablet = window.matchMedia("(min-width: 40.0625em)");
if (tablet.matches) {
  document.querySelectorAll("details[data-ln-open-from-tablet]").forEach((details) => {
    details.open = true;
  });
}

// Loaded at the top of <body>: lets GOV.UK Frontend's styles know JavaScript runs
// (an inline script would break the Content Security Policy).
document.body.className +=
  " js-enabled" +
  ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");

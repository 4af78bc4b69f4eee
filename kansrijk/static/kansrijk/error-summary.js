// NL Design System form pattern: after a failed submit, move focus to the error summary,
// so a screen reader reads what to fix first. Without JavaScript the summary is still the
// first thing in the form, and each error links to its field.
(function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();

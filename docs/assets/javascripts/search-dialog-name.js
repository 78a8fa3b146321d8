/* Material's search overlay has role="dialog" but no accessible name (axe rule
   aria-dialog-name, WCAG 4.1.2): screen readers announce an unnamed dialog. Name it. */
document.addEventListener("DOMContentLoaded", () => {
  for (const dialog of document.querySelectorAll('.md-search[role="dialog"]'))
    if (!dialog.hasAttribute("aria-label") && !dialog.hasAttribute("aria-labelledby"))
      dialog.setAttribute("aria-label", "Search");
});

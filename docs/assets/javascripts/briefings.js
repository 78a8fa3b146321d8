/* The site's own script, loaded on every page. Behaviour lives here, never in markup: the
   pages' Content-Security-Policy (summit_briefings/publish/csp.py) blocks inline handlers. */

/* Material's search overlay has role="dialog" but no accessible name (axe rule
   aria-dialog-name, WCAG 4.1.2): screen readers announce an unnamed dialog. Name it. */
document.addEventListener("DOMContentLoaded", () => {
  for (const dialog of document.querySelectorAll('.md-search[role="dialog"]'))
    if (!dialog.hasAttribute("aria-label") && !dialog.hasAttribute("aria-labelledby"))
      dialog.setAttribute("aria-label", "Search");
});

/* The print button of a briefing, a trade page or a meeting pack: the browser's print, whose
   layout is the page's print stylesheet. */
document.addEventListener("click", event => {
  if (event.target instanceof Element && event.target.closest("button.print-briefing"))
    window.print();
});

/* A page that prints on more than one sheet (a brief) repeats its running line at the head of
   every sheet: the print stylesheet's @page margin box shows --running-line, a CSS string made
   here from the line's text. The class tells the stylesheet not to print the line twice. */
document.addEventListener("DOMContentLoaded", () => {
  const line = document.querySelector(".print-running");
  if (!line) return;
  const text = line.textContent.replace(/\s+/g, " ").trim().replace(/["\\]/g, "\\$&");
  document.documentElement.style.setProperty("--running-line", `"${text}"`);
  document.documentElement.classList.add("running-in-margin");
});

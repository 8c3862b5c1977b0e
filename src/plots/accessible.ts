/**
 * Every figure passes through here on its way out of Plot.
 *
 * Plot labels its mark groups with aria-label, which ARIA does not allow on
 * a plain <g> or <rect>; screen readers get the figure's own label and description
 * instead. Make the chart one image with a name and a description.
 *
 * Plot also puts a <style> element (its two base rules) inside every SVG. The
 * site states those rules once in global.css and drops the element: a live figure
 * redrawn every few frames re-inserted a stylesheet each time, and Chromium answers
 * a stylesheet change by restyling the whole page (measured on the playground race:
 * 1,221 ms of style recalculation per run with the element, 128 ms without).
 */
export function asAccessibleImage<T extends Element>(plot: T): T {
  const svg = plot.tagName.toLowerCase() === "svg" ? plot : plot.querySelector("svg");
  if (svg) {
    svg.setAttribute("role", "img");
    for (const group of svg.querySelectorAll("[aria-label]")) {
      group.setAttribute("data-mark", group.getAttribute("aria-label") ?? "");
      group.removeAttribute("aria-label");
    }
    for (const style of svg.querySelectorAll(":scope > style")) style.remove();
  }
  return plot;
}

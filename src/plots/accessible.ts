/**
 * Plot labels its mark groups with aria-label, which ARIA does not allow on
 * a plain <g> or <rect>; screen readers get the figure's own label and description
 * instead. Make the chart one image with a name and a description.
 */
export function asAccessibleImage<T extends Element>(plot: T): T {
  const svg = plot.tagName.toLowerCase() === "svg" ? plot : plot.querySelector("svg");
  if (svg) {
    svg.setAttribute("role", "img");
    for (const group of svg.querySelectorAll("[aria-label]")) {
      group.setAttribute("data-mark", group.getAttribute("aria-label") ?? "");
      group.removeAttribute("aria-label");
    }
  }
  return plot;
}

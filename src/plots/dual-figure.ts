/**
 * A build-time figure in two layouts, as one image: the wide layout (640 units,
 * figure-frame.ts) for a desktop column and the narrow one (NARROW_WIDTH
 * units, taller for its width) for a phone, each an <svg> with its own viewBox
 * inside an outer <svg> that carries the figure's name and description. The
 * page shows one of them by a container query on the figure's box (global.css:
 * svg.lr-dual); a static figure can change its aspect ratio that way, which a
 * viewBox alone cannot, and without JavaScript. Without the stylesheet the
 * wide one shows (the narrow one is display="none", which CSS overrides).
 */
import * as Plot from "@observablehq/plot";
import { asAccessibleImage } from "./accessible.ts";
import { NARROW_CLASS, SCALED_CLASS } from "./figure-frame.ts";

export const DUAL_CLASS = "lr-dual";
const SVG_NS = "http://www.w3.org/2000/svg";
const NAMING = ["role", "aria-label", "aria-description"] as const;

function svgOf(figure: Element, which: string): SVGSVGElement {
  const svg = figure.tagName.toLowerCase() === "svg" ? figure : figure.querySelector("svg");
  if (!svg) throw new Error(`dualFigure: the ${which} figure has no <svg> (Plot drew a legend or a caption around it?)`);
  return svg as SVGSVGElement;
}

function size(svg: SVGSVGElement, which: string): [number, number] {
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height"));
  if (!(width > 0 && height > 0)) throw new Error(`dualFigure: the ${which} figure needs a width and a height in pixels, got ${svg.getAttribute("width")} × ${svg.getAttribute("height")}`);
  return [width, height];
}

/** Join the wide and the narrow drawing of one figure into one image (the wide one's name and description). */
export function dualFigure(wideFigure: Element, narrowFigure: Element): SVGSVGElement {
  const wide = svgOf(wideFigure, "wide");
  const narrow = svgOf(narrowFigure, "narrow");
  const [w, h] = size(wide, "wide");
  const [nw, nh] = size(narrow, "narrow");
  const outer = wide.ownerDocument.createElementNS(SVG_NS, "svg") as SVGSVGElement;
  outer.setAttribute("xmlns", SVG_NS);
  outer.setAttribute("class", DUAL_CLASS);
  for (const name of NAMING) {
    const value = wide.getAttribute(name);
    if (value !== null) outer.setAttribute(name, value);
  }
  outer.setAttribute("width", String(w));
  outer.setAttribute("height", String(h));
  // The page's container query swaps the ratio at NARROW_BREAK px (global.css).
  outer.setAttribute("style", `--wide:${w}/${h};--narrow:${nw}/${nh}`);
  for (const [svg, layout] of [[wide, "lr-wide"], [narrow, "lr-narrow"]] as const) {
    for (const name of NAMING) svg.removeAttribute(name);
    svg.removeAttribute("xmlns");
    svg.classList.add(layout);
    svg.setAttribute("width", "100%");
    svg.setAttribute("height", "100%");
    outer.append(svg);
  }
  narrow.setAttribute("display", "none");
  return outer;
}

interface Area {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The plot area of a figure's Plot options (its frame inside the margins). */
function areaOf(options: Plot.PlotOptions): Area {
  const { width = 640, height = 400, marginLeft = 0, marginRight = 0, marginTop = 0, marginBottom = 0 } = options;
  return { left: marginLeft, top: marginTop, width: width - marginLeft - marginRight, height: height - marginTop - marginBottom };
}

/** A short name for these lines, the same for the same drawing (two identical figures may share it harmlessly). */
function nameOf(groups: readonly Element[]): string {
  let hash = 0x811c9dc5;
  for (const text of groups.map((g) => g.outerHTML)) {
    for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return `lr-lines-${hash.toString(36)}`;
}

/**
 * The narrow layout draws the wide layout's lines instead of its own copy: each line mark of the narrow drawing
 * becomes an <svg> over its plot area whose viewBox is the wide drawing's plot area, holding a <use> of the wide
 * mark. Both layouts share the data's domain, so the map between their plot areas is a scale on each axis; the
 * strokes keep their width (vector-effect: non-scaling-stroke). The page then carries each line once. Returns
 * whether it did (the two drawings must have the same line marks).
 */
export function shareLines(wide: SVGSVGElement, narrow: SVGSVGElement, from: Area, to: Area): boolean {
  const selector = ':scope > g[data-mark="line"]';
  const source = [...wide.querySelectorAll(selector)];
  const target = [...narrow.querySelectorAll(selector)];
  if (source.length === 0 || source.length !== target.length) return false;
  const name = nameOf(source);
  source.forEach((group, i) => {
    group.setAttribute("id", `${name}-${i}`);
    for (const path of group.querySelectorAll("path")) path.setAttribute("vector-effect", "non-scaling-stroke");
    const doc = narrow.ownerDocument;
    const frame = doc.createElementNS(SVG_NS, "svg");
    for (const [key, value] of Object.entries({ x: to.left, y: to.top, width: to.width, height: to.height })) frame.setAttribute(key, String(value));
    // The page sizes figures' <svg> elements by CSS (height: auto): this one's size is its geometry, not a figure's.
    frame.setAttribute("style", `width:${to.width}px;height:${to.height}px`);
    frame.setAttribute("viewBox", `${from.left} ${from.top} ${from.width} ${from.height}`);
    frame.setAttribute("preserveAspectRatio", "none");
    frame.setAttribute("overflow", "visible");
    frame.setAttribute("data-mark", "line (shared)");
    frame.setAttribute("aria-hidden", "true");
    const use = doc.createElementNS(SVG_NS, "use");
    use.setAttribute("href", `#${name}-${i}`);
    frame.append(use);
    target[i]?.replaceWith(frame);
  });
  return true;
}

/**
 * A build-time figure in both layouts, from the Plot options of each (the wide one made for DUAL_WIDE_FONT_BUDGET,
 * the narrow one with figure-frame's `narrow`): drawn, named, counter-scaled, the lines shared, joined as one image.
 */
export function dualPlot(wideOptions: Plot.PlotOptions, narrowOptions: Plot.PlotOptions): SVGSVGElement {
  const draw = (options: Plot.PlotOptions, scaled: string, which: string) => {
    const svg = svgOf(asAccessibleImage(Plot.plot(options)), which);
    svg.classList.add(scaled);
    return svg;
  };
  const wide = draw(wideOptions, SCALED_CLASS, "wide");
  const narrow = draw(narrowOptions, NARROW_CLASS, "narrow");
  shareLines(wide, narrow, areaOf(wideOptions), areaOf(narrowOptions));
  return dualFigure(wide, narrow);
}

/**
 * Exporting a run: metrics as CSV or JSON, a figure as SVG or PNG. The
 * formatting is pure (tested in Node); `download` and `svgToPng` are the DOM
 * glue.
 */

export type Cell = string | number | boolean | null | undefined;

function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with a header row; missing or non-finite numbers are empty cells. */
export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [columns.map(csvCell).join(","), ...rows.map((row) => columns.map((_, i) => csvCell(row[i])).join(","))].join("\r\n") + "\r\n";
}

/** JSON with non-finite numbers written as null (JSON cannot hold NaN). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2);
}

/** A file name from a title: "Cosine vs step, seed 1" → "cosine-vs-step-seed-1". */
export function fileStem(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80) || "lr-atlas";
}

export function download(name: string, type: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The SVG as a standalone file: namespaces, and CSS variables resolved to colours. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  const style = getComputedStyle(svg);
  const resolve = (value: string) => value.replace(/var\((--[a-z0-9-]+)\)/g, (_m, name: string) => style.getPropertyValue(name).trim() || "currentColor");
  for (const el of [copy, ...copy.querySelectorAll("*")]) {
    for (const attr of ["stroke", "fill", "color"]) {
      const v = el.getAttribute(attr);
      if (v?.includes("var(")) el.setAttribute(attr, resolve(v));
    }
    const inline = el.getAttribute("style");
    if (inline?.includes("var(")) el.setAttribute("style", resolve(inline));
  }
  copy.setAttribute("color", style.color);
  return new XMLSerializer().serializeToString(copy);
}

/** Rasterise an SVG at `scale`× on the page's background colour. */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const source = standaloneSvg(svg);
  const { width, height } = svg.getBoundingClientRect();
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext("2d");
  if (!context) throw new Error("this browser cannot draw to a canvas");
  context.fillStyle = getComputedStyle(document.body).backgroundColor || "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png"));
}

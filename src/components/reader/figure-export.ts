/**
 * A figure's downloads: the figure as one standalone SVG (its title, legend, chart, caption and
 * source line in one file, with colours the page gave through CSS variables written out, so that it
 * opens in any viewer the same as on the page), as a PNG at twice its size, and its rows as CSV.
 */
import {csvLine} from "../../lib/reader/sql-values.js";

const SVG_NS = "http://www.w3.org/2000/svg";

/** The rows as CSV: a header, then one line per row; missing values as empty fields. */
export function figureCsv(rows: readonly object[], columns?: readonly string[]): string {
  const names = columns ?? Object.keys(rows[0] ?? {});
  return [csvLine(names), ...rows.map((row) => csvLine(names.map((n) => (row as Record<string, unknown>)[n])))].join("\n") + "\n";
}

/** The figure's chart: its largest <svg> (a legend's swatches are small ones). */
function chartSvg(figure: Element): SVGSVGElement | null {
  let best: SVGSVGElement | null = null;
  let area = -1;
  for (const svg of figure.querySelectorAll<SVGSVGElement>(".figure-body svg")) {
    if (svg.parentElement?.closest(".figure-body svg")) continue;
    const a = Number(svg.getAttribute("width") ?? 0) * Number(svg.getAttribute("height") ?? 0);
    if (a > area) [best, area] = [svg, a];
  }
  return best;
}

/**
 * A colour given as CSS, var(--name, fallback), as the page resolves it for this element, else
 * the fallback; other values as they are.
 */
function resolveColour(element: Element, attribute: "fill" | "stroke", value: string, window: Window | null): string {
  const match = /var\((--[\w-]+)\s*(?:,\s*([^)]+))?\)/.exec(value);
  if (!match) return value;
  const style = window?.getComputedStyle?.(element);
  // Where the page defines the variable, the computed colour is what the reader sees.
  if (style?.getPropertyValue(match[1]!).trim()) {
    const computed = style[attribute];
    if (computed && !/var\(/.test(computed)) return srgb(computed, element.ownerDocument);
  }
  return match[2]?.trim() ?? "#888";
}

/** Colours given as CSS variables written out, and currentColor fixed, so the SVG keeps them off the page. */
function inlineColours(original: Element, clone: Element, window: Window | null): void {
  const from = [original, ...original.querySelectorAll("*")];
  const to = [clone, ...clone.querySelectorAll("*")];
  from.forEach((element, i) => {
    const target = to[i];
    if (!target) return;
    for (const attribute of ["fill", "stroke"] as const) {
      const value = element.getAttribute(attribute);
      if (value) target.setAttribute(attribute, resolveColour(element, attribute, value, window));
    }
  });
  const color = window?.getComputedStyle?.(original).color;
  if (color) clone.setAttribute("color", srgb(color, original.ownerDocument));
}

const srgbCache = new Map<string, string>();

/**
 * A computed colour as #rrggbb when the browser gives it in a newer syntax (a dark theme's
 * color-mix() computes to color(srgb …), its link blue is oklch(…)) that SVG viewers and image
 * editors do not read: painted on a 1×1 canvas and read back. rgb(), hex and names stay as they are.
 */
function srgb(colour: string, document: Document): string {
  if (/^(#|rgba?\(|[a-z]+$)/i.test(colour.trim())) return colour;
  let hex = srgbCache.get(colour);
  if (hex === undefined) {
    hex = colour;
    try {
      const context = document.createElement("canvas").getContext("2d", {willReadFrequently: true});
      if (context) {
        context.fillStyle = colour;
        context.fillRect(0, 0, 1, 1);
        const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
        if (a) hex = "#" + [r, g, b].map((v) => v!.toString(16).padStart(2, "0")).join("");
      }
    } catch {
      // No canvas (a DOM without one): the colour as computed.
    }
    srgbCache.set(colour, hex);
  }
  return hex;
}

/** A computed colour that shows (not empty, not transparent, not an unresolved variable), else undefined. */
function opaque(colour: string | undefined): string | undefined {
  const c = colour?.trim();
  if (!c || c === "transparent" || /^rgba\([^)]*,\s*0\)$/.test(c) || /var\(/.test(c)) return undefined;
  return c;
}

function wrap(text: string, width: number, charWidth = 6.2): string[] {
  const max = Math.max(20, Math.floor(width / charWidth));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The figure as one standalone SVG document (text): title, legend swatches, chart, caption and
 * source line. Throws when the figure holds no chart.
 */
export function figureSvg(figure: Element, {document = globalThis.document}: {document?: Document} = {}): string {
  const chart = chartSvg(figure);
  if (!chart) throw new Error("the figure has no chart to save");
  const window = document.defaultView;
  const width = Number(chart.getAttribute("width")) || 640;
  const height = Number(chart.getAttribute("height")) || 400;
  const el = (name: string, attributes: Record<string, string | number> = {}, text?: string) => {
    const node = document.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  // The serializer declares the SVG namespace itself (an xmlns attribute set here would repeat it).
  // The file keeps the scheme the reader sees (light or dark): the page's background, text and muted
  // colours as computed, else the light defaults.
  const pageStyle = window?.getComputedStyle?.(document.documentElement);
  const computed = (colour: string | undefined) => {
    const c = opaque(colour);
    return c === undefined ? undefined : srgb(c, document);
  };
  const background = computed(pageStyle?.backgroundColor) ?? "white";
  const foreground = computed(window?.getComputedStyle?.(figure).color) ?? "black";
  const notesFill = computed(pageStyle?.getPropertyValue("--theme-foreground-muted")) ?? "#555";
  const root = el("svg", {"font-family": "system-ui, sans-serif", "font-size": 12, fill: foreground});
  const parts: Element[] = [];
  let y = 0;
  const textLines = (text: string, attributes: Record<string, string | number>) => {
    for (const line of wrap(text, width)) {
      y += 16;
      parts.push(el("text", {x: 0, y, ...attributes}, line));
    }
  };
  textLines(figure.querySelector(".figure-title")?.textContent?.trim() ?? "", {"font-weight": "bold", "font-size": 13});
  // Legend swatches (Plot draws them in HTML beside the chart).
  const swatches = [...figure.querySelectorAll(".figure-body [class$='-swatch']")];
  if (swatches.length) {
    y += 8;
    let x = 0;
    for (const swatch of swatches) {
      const label = swatch.textContent?.trim() ?? "";
      // Plot sets a swatch's colour on its small <svg>, or on the shape inside it.
      const shape = [swatch.querySelector("svg"), swatch.querySelector("rect, circle, path")].find((e) => e?.getAttribute("fill"));
      const fill = shape ? resolveColour(shape, "fill", shape.getAttribute("fill")!, window) : "currentColor";
      if (x + 20 + label.length * 6.2 > width && x > 0) [x, y] = [0, y + 16];
      parts.push(el("rect", {x, y: y + 2, width: 12, height: 12, fill}));
      parts.push(el("text", {x: x + 16, y: y + 12}, label));
      x += 16 + label.length * 6.2 + 14;
    }
    y += 16;
  }
  y += 8;
  const clone = chart.cloneNode(true) as SVGSVGElement;
  inlineColours(chart, clone, window);
  clone.setAttribute("x", "0");
  clone.setAttribute("y", String(y));
  parts.push(clone);
  y += height + 4;
  const notes = [figure.querySelector(".figure-body figcaption"), figure.querySelector(":scope > .figure-caption"), figure.querySelector(":scope > .figure-source")];
  for (const note of notes) {
    const text = note?.textContent?.replace(/\s+/g, " ").trim();
    if (text) textLines(text, {"font-size": 11, fill: notesFill});
  }
  y += 8;
  root.setAttribute("width", String(width));
  root.setAttribute("height", String(Math.ceil(y)));
  root.setAttribute("viewBox", `0 0 ${width} ${Math.ceil(y)}`);
  root.append(el("rect", {width: "100%", height: "100%", fill: background}), ...parts);
  const serializer = new (window?.XMLSerializer ?? XMLSerializer)();
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializer.serializeToString(root)}\n`;
}

/** Rasterises SVG text at twice its size (for sharp slides and print) as a PNG blob. */
export async function svgToPng(svg: string, document: Document, scale = 2): Promise<Blob> {
  const window = document.defaultView!;
  const url = URL.createObjectURL(new Blob([svg], {type: "image/svg+xml"}));
  try {
    const image = new window.Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(image.naturalWidth * scale);
    canvas.height = Math.ceil(image.naturalHeight * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2D canvas");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the PNG could not be made"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

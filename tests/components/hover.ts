/**
 * What a reader sees on hovering a chart's mark: Plot's tip (the `tip` mark option), read under
 * jsdom. The pointer is put at the centre of the mark's element, in the SVG's coordinates (jsdom
 * lays nothing out, so a client coordinate is an SVG one); jsdom has no getBBox, which the tip
 * uses only to size its box, so a stand-in gives every element a small box.
 */

/** The sum of the translate() transforms from element up to its SVG. */
function offset(element: Element): [number, number] {
  let [x, y] = [0, 0];
  for (let e: Element | null = element; e && e.tagName !== "svg"; e = e.parentElement) {
    const t = e.getAttribute("transform")?.match(/translate\(\s*([-\d.e]+)[ ,]\s*([-\d.e]+)\s*\)/);
    if (t) [x, y] = [x + Number(t[1]), y + Number(t[2])];
  }
  return [x, y];
}

/** The centre of a rect, a circle, or a symbol path placed by translate(), in its SVG's coordinates. */
function centre(mark: Element): [number, number] {
  const [ox, oy] = offset(mark);
  const n = (name: string) => Number(mark.getAttribute(name) ?? 0);
  if (mark.tagName === "rect") return [ox + n("x") + n("width") / 2, oy + n("y") + n("height") / 2];
  if (mark.tagName === "circle") return [ox + n("cx"), oy + n("cy")];
  return [ox, oy]; // a dot drawn as a path stands at its translate()
}

/** The text of the tip shown when the pointer rests on `mark` ("" when none shows). */
export async function tipOf(mark: Element): Promise<string> {
  const svg = mark.closest("svg")!;
  const doc = svg.ownerDocument;
  const view = doc.defaultView as unknown as {SVGElement: {prototype: {getBBox?: () => object}}; MouseEvent: typeof MouseEvent};
  view.SVGElement.prototype.getBBox ??= () => ({x: 0, y: 0, width: 10, height: 10});
  if (!svg.isConnected) doc.body.append(svg.closest("figure") ?? svg);
  const [clientX, clientY] = centre(mark);
  svg.dispatchEvent(new view.MouseEvent("pointermove", {clientX, clientY, bubbles: true}));
  await Promise.resolve();
  // A tip wraps long text into lines (tspans), dropping the space at each break.
  const lineText = (t: Element) => [...t.children].filter((c) => c.tagName === "tspan").map((l) => (l.textContent ?? "").replace(/\u200b/g, "")).join(" ");
  const text = [...svg.querySelectorAll("g[aria-label=tip] text")].map(lineText).join(" | ");
  svg.dispatchEvent(new view.MouseEvent("pointerleave", {bubbles: true}));
  return text;
}

/** The tips of every element that `selector` finds in `root`, in document order. */
export async function tipsOf(root: ParentNode, selector: string): Promise<string[]> {
  const tips: string[] = [];
  for (const mark of root.querySelectorAll(selector)) tips.push(await tipOf(mark));
  return tips;
}

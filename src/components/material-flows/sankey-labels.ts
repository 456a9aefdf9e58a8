/**
 * Text measure and placement for the Sankey's labels. The diagram is laid out before it is in a
 * page (and under jsdom in tests), so widths are estimated from character classes, on the wide
 * side: the fonts readers have (system-ui, DejaVu Sans) run wider than Helvetica.
 */

/** Width of a character in ems, by class; generous so that a real font rarely exceeds it. */
function charWidth(c: string): number {
  if (" .,:;'|!ilIjft()[]".includes(c)) return 0.36;
  if ("mwMW%@".includes(c)) return 0.96;
  if (/[0-9]/.test(c)) return 0.62;
  if (/[A-Z]/.test(c)) return 0.7;
  if (/[a-z]/.test(c)) return 0.58;
  return 1; // symbols and pictographs (↺, ✓, ✗, ±, −)
}

/** Estimated width in px of one line of text at fontSize px (bold text runs about 8 % wider). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const c of text) ems += charWidth(c);
  return ems * fontSize * (bold ? 1.08 : 1);
}

/**
 * Wraps text into lines no wider than maxWidth px, breaking at spaces; a word wider than a line,
 * or text beyond maxLines, ends in an ellipsis (the full text stays in the mark's title).
 */
export function wrap(text: string, maxWidth: number, fontSize: number, maxLines = 3): string[] {
  const fit = (s: string) => textWidth(s, fontSize) <= maxWidth;
  const clip = (s: string) => {
    let t = s;
    while (t.length > 1 && !fit(t + "…")) t = t.slice(0, -1);
    return t.trimEnd() + "…";
  };
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (fit(next)) line = next;
    else {
      if (line) lines.push(line);
      line = fit(word) ? word : clip(word);
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = clip(`${kept[maxLines - 1]} ${lines[maxLines]}`);
    return kept;
  }
  return lines;
}

export interface StackItem {
  /** Where the item's centre would like to be. */
  y: number;
  /** Its height. */
  h: number;
}

/**
 * Places items along one axis without overlap: each as near its wish as the others allow, at
 * least `gap` apart, inside [top, bottom] if they fit there (else from top down, overflowing
 * below). Returns the centres, in the items' order, and how much more room they would need.
 * The sweep down then up is the collision pass d3-sankey uses for nodes, here for labels.
 */
export function stack(items: readonly StackItem[], top: number, bottom: number, gap: number): {y: number[]; overflow: number} {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.y - items[b]!.y || a - b);
  const y0 = new Array<number>(items.length);
  // push down from the top
  let edge = top;
  for (const i of order) {
    const it = items[i]!;
    y0[i] = Math.max(it.y - it.h / 2, edge);
    edge = y0[i]! + it.h + gap;
  }
  // push back up from the bottom
  edge = bottom;
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    const it = items[i]!;
    y0[i] = Math.min(y0[i]!, edge - it.h);
    edge = y0[i]! - gap;
  }
  // and down again from the top, so that nothing leaves the top when the column is full
  edge = top;
  for (const i of order) {
    const it = items[i]!;
    y0[i] = Math.max(y0[i]!, edge);
    edge = y0[i]! + it.h + gap;
  }
  const total = order.reduce((s, i) => s + items[i]!.h, 0) + gap * Math.max(order.length - 1, 0);
  return {y: items.map((it, i) => y0[i]! + it.h / 2), overflow: Math.max(0, total - (bottom - top))};
}

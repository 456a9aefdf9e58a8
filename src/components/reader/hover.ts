/**
 * Mark options for what a reader learns by pointing at a mark: Plot's tip shows `text` at once on
 * hover or touch (an SVG <title> shows late, and never on a touch screen), and each mark carries the
 * same text as its accessible name, for screen readers. Spread into a mark's options:
 * `Plot.barX(rows, {x, y, ...hover((d) => ...)})`.
 */
export function hover<T>(text: (d: T) => string): {tip: true; title: (d: T) => string; ariaLabel: (d: T) => string} {
  return {tip: true, title: text, ariaLabel: text};
}

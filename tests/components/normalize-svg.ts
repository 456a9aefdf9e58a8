/** Makes rendered SVG comparable across runs: Plot's generated ids and float noise removed. */
export function normalizeSvg(markup: string): string {
  return markup
    .replace(/plot-[0-9a-f]{6}(-\w+)?/g, "plot-id$1")
    .replace(/(\d+\.\d{3})\d+/g, "$1")
    .replace(/></g, ">\n<");
}

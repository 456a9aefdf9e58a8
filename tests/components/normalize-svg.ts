/**
 * Makes rendered SVG comparable across runs: Plot's generated ids and float noise removed. Marker
 * ids count up across every plot of a process, so they are renumbered in order of appearance.
 */
export function normalizeSvg(markup: string): string {
  const markers = new Map<string, number>();
  return markup
    .replace(/plot-[0-9a-f]{6}(-\w+)?/g, "plot-id$1")
    .replace(/plot-marker-\d+/g, (id) => `plot-marker-${markers.get(id) ?? markers.set(id, markers.size + 1).get(id)}`)
    .replace(/(\d+\.\d{3})\d+/g, "$1")
    .replace(/></g, ">\n<");
}

/**
 * The categorical colours of the mapping page's maps, chosen to read against both the light page
 * (#ffffff) and the dark one (#161616, Framework's near-midnight theme): every colour has a
 * contrast ratio of at least 3:1 (WCAG 2.1, 1.4.11, non-text contrast) against either background.
 */

/** The light and the dark page background the palettes are checked against. */
export const BACKGROUNDS = {light: "#ffffff", dark: "#161616"} as const;

/** Figure 3: Busch et al.'s resource types, then ICMM sites (grey). */
export const LITHIUM_TYPE_COLORS = ["#1f77b4", "#c0392b", "#8e44ad", "#8c564b", "#c7479e", "#0f8a96", "#878a00", "#7f7f7f"] as const;
/** Figure 4a: nickel as the primary, secondary or another commodity. */
export const NICKEL_ROLE_COLORS = ["#2f855a", "#b7791f", "#718096"] as const;
/** Figure 4b: smelter, refinery, both, plant. */
export const PROCESSING_COLORS = ["#c05621", "#2b6cb0", "#805ad5", "#718096"] as const;
/** Figure S7: coal, copper, gold, iron ore, lithium or nickel, other. */
export const COMMODITY_GROUP_COLORS = ["#718096", "#c05621", "#b7791f", "#c53030", "#2f855a", "#3182ce"] as const;
/** Figure S8: lithium or nickel site, other site. */
export const FLAG_COLORS = ["#c05621", "#718096"] as const;
/** Figure S23: a country's refining bar, and the rest of the world. */
export const REFINING_COLORS = ["#2b6cb0", "#718096"] as const;

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new RangeError(`relativeLuminance: ${JSON.stringify(hex)} is not #rrggbb`);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(m[1]!.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

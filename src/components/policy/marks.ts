/** A count of records as stored: sums of split weights carry float noise, three decimals are exact enough. */
export const roundCount = (n: number) => Math.round(n * 1000) / 1000;
/** A count as shown: whole numbers as they are, split weights to one decimal. */
export const formatCount = (n: number) => (Number.isInteger(roundCount(n)) ? String(roundCount(n)) : n.toFixed(1));

/**
 * Margins of a bar chart with long labels on its left: on a narrow screen the labels give up room
 * to the bars, cut with an ellipsis (the full name stays in each bar's tooltip).
 */
export function labelMargins(width: number, left: number, right: number): {left: number; right: number; fit: (label: string) => string} {
  const l = Math.min(left, Math.round(width * 0.42));
  const chars = Math.max(4, Math.floor((l - 10) / 6) - 1);
  return {left: l, right: Math.min(right, Math.round(width * 0.12)), fit: (label) => (label.length * 6 > l - 10 ? `${label.slice(0, chars)}…` : label)};
}

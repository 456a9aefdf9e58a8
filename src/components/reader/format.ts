/** Number formats shared by the pages: missing values read as missing, never as 0. */

/** Thousands of tonnes with a thin separator, e.g. 1,040 or 55.3. */
export function formatKt(tonnes: number | null | undefined, {digits}: {digits?: number} = {}): string {
  if (tonnes === null || tonnes === undefined || !Number.isFinite(tonnes)) return "missing";
  const kt = tonnes / 1000;
  const d = digits ?? (kt < 100 ? 1 : 0);
  return kt.toLocaleString("en-GB", {minimumFractionDigits: d, maximumFractionDigits: d});
}

/** A share in [0, 1] as a percentage, e.g. 51.7 %. */
export function formatPercent(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "missing";
  return `${(share * 100).toLocaleString("en-GB", {minimumFractionDigits: digits, maximumFractionDigits: digits})} %`;
}

/** An integer-like index such as the HHI, e.g. 3,529. */
export function formatIndex(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "missing";
  return Math.round(value).toLocaleString("en-GB");
}

/** Whole tonnes with thousands separators, e.g. 106,880. */
export function formatTonnes(tonnes: number | null | undefined): string {
  if (tonnes === null || tonnes === undefined || !Number.isFinite(tonnes)) return "missing";
  return Math.round(tonnes).toLocaleString("en-GB");
}

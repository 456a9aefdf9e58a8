/**
 * Governance-weighted concentration and the EU supply-risk indicator (paper, Table 2,
 * "Anticipation": supply risk), following the European Commission (2017) "Methodology for
 * establishing the EU list of critical raw materials: guidelines" (Luxembourg: Publications
 * Office, doi:10.2873/769526) and its background report, Blengini et al. (2017) "Assessment of
 * the methodology for establishing the EU list of critical raw materials" (JRC, EUR 28654 EN,
 * doi:10.2760/73303).
 *
 * Scales. Shares are in percent, as in `hhi` (concentration.ts), so HHI_WGI runs from 0 to
 * 100,000 (a single supplier with the worst governance, 10,000 x 10). The Commission's supply
 * risk uses the same sum with shares as fractions (0 to 10); `supplyRisk` therefore divides
 * HHI_WGI by 10,000, so that its result is on the Commission's scale, where SR >= 1 marks a
 * critical raw material (together with economic importance >= 2.8). The same convention, percent
 * HHI divided by 10,000 inside SR, is used by the open-source CritMAT implementation
 * (meyerdata/CritMAT, critmat/calculations/supply_risk_eu.py).
 */
import {shares, type Supply} from "./concentration.js";
import {missing, missingInputs, numberOf, present, type MaybeNumber, type Result} from "./result.js";

/** Bounds of the World Bank Worldwide Governance Indicators estimates (standard normal units). */
export const WGI_MIN = -2.5;
export const WGI_MAX = 2.5;

/**
 * A supplier (a producing country) with its governance score.
 * - `wgi`: the average of the six WGI estimates (voice and accountability, political stability,
 *   government effectiveness, regulatory quality, rule of law, control of corruption), in
 *   [-2.5, 2.5], higher = better governed; null when the country has no score.
 * - `tradeFactor`: the Commission's trade parameter t_i (default 1): above 1 for export
 *   restrictions (taxes, quotas, bans), below 1 (0.8) for partners with an EU trade agreement.
 */
export interface GovernedSupply extends Supply {
  wgi: number | null;
  tradeFactor?: number;
}

/**
 * The average of the six WGI estimates of a country (EC 2017 uses this average). Missing when any
 * of the six is missing (the average of five is a different indicator). Throws RangeError unless
 * exactly six values are given, or when a value lies outside [-2.5, 2.5].
 */
export function wgiAverage(estimates: readonly (number | null | undefined)[]): Result<number> {
  if (estimates.length !== 6) throw new RangeError(`wgiAverage: expected the six WGI estimates, got ${estimates.length} values`);
  const absent = estimates.flatMap((e, i) => (e === null || e === undefined ? [i + 1] : []));
  if (absent.length > 0) return missing(`wgiAverage: estimate(s) ${absent.join(", ")} of 6 missing`);
  let sum = 0;
  for (const e of estimates as number[]) {
    checkWgi(e, "wgiAverage: estimate");
    sum += e;
  }
  return present(sum / 6);
}

function checkWgi(wgi: number, what: string): void {
  if (!Number.isFinite(wgi) || wgi < WGI_MIN || wgi > WGI_MAX) {
    throw new RangeError(`${what} ${wgi} lies outside the WGI range [${WGI_MIN}, ${WGI_MAX}]`);
  }
}

/**
 * The WGI rescaled to a governance risk on 0-10 where higher = poorer governance, as in EC (2017):
 * risk = (2.5 - wgi) * 2, so wgi = 2.5 (best) gives 0 and wgi = -2.5 (worst) gives 10.
 * Throws RangeError when wgi lies outside [-2.5, 2.5] (clamp explicitly if your source exceeds it).
 */
export function wgiRisk(wgi: number): number {
  checkWgi(wgi, "wgiRisk: wgi");
  return (WGI_MAX - wgi) * 2;
}

/**
 * Governance-weighted HHI: HHI_WGI = sum_i (S_i)^2 * WGI_i * t_i, with S_i supplier i's share of
 * the total in percent (as in `hhi`), WGI_i = `wgiRisk(wgi_i)` on 0-10 (higher = poorer
 * governance) and t_i the trade factor (default 1). Range 0 to 100,000; divide by 10,000 for
 * the Commission's 0-10 scale. Source: EC (2017) guidelines (HHI_WGI,t); Blengini et al. (2017).
 *
 * Suppliers left out of the list count as many small ones (see concentration.ts), so the value
 * is a lower bound when `total` exceeds the listed sum. Missing when a supplier with a positive
 * quantity has no WGI (its reason names them); a supplier with quantity 0 needs none.
 * Throws RangeError on an invalid quantity or total (see `shares`), a WGI outside [-2.5, 2.5],
 * or a trade factor that is not finite and > 0.
 */
export function hhiWgi(supplies: readonly GovernedSupply[], total?: number): Result<number> {
  const byName = new Map<string, GovernedSupply>();
  for (const s of supplies) {
    if (byName.has(s.supplier)) throw new RangeError(`hhiWgi: supplier "${s.supplier}" is listed twice`);
    byName.set(s.supplier, s);
    const t = s.tradeFactor ?? 1;
    if (!Number.isFinite(t) || t <= 0) throw new RangeError(`hhiWgi: supplier "${s.supplier}" has invalid trade factor ${t}; it must be finite and > 0`);
  }
  const withoutWgi: string[] = [];
  let sum = 0;
  for (const {supplier, share} of shares(supplies, total)) {
    const s = byName.get(supplier) as GovernedSupply;
    if (share === 0) continue;
    if (s.wgi === null || s.wgi === undefined) {
      withoutWgi.push(supplier);
      continue;
    }
    sum += (100 * share) ** 2 * wgiRisk(s.wgi) * (s.tradeFactor ?? 1);
  }
  if (withoutWgi.length > 0) return missing(`hhiWgi: no WGI for ${withoutWgi.map((s) => `"${s}"`).join(", ")}`);
  return present(sum);
}

/**
 * Inputs of the Commission's supply risk, each a number, a Result, or null when missing.
 * - `hhiWgiGlobal`: (HHI_WGI,t)_GS over global supply (production), percent scale as `hhiWgi`.
 * - `hhiWgiEuSourcing`: (HHI_WGI,t)_EU over EU sourcing (domestic production + imports).
 * - `importReliance`: IR in [0, 1], (imports - exports) / (domestic production + imports - exports).
 * - `eolRir`: end-of-life recycling input rate in [0, 1].
 * - `substitutionIndex`: SI_SR in [0, 1], 1 = no substitute.
 */
export interface SupplyRiskInputs {
  hhiWgiGlobal: MaybeNumber;
  hhiWgiEuSourcing: MaybeNumber;
  importReliance: MaybeNumber;
  eolRir: MaybeNumber;
  substitutionIndex: MaybeNumber;
}

/**
 * EU supply risk, EC (2017) guidelines and Blengini et al. (2017):
 *   SR = [(HHI_WGI,t)_GS * IR/2 + (HHI_WGI,t)_EUsourcing * (1 - IR/2)] * (1 - EOL_RIR) * SI_SR,
 * with the HHI_WGI terms divided by 10,000 (percent shares to fractions), so SR is on the
 * Commission's scale (threshold 1; dimensionless). Missing when any input is missing, naming it;
 * an absent EU-sourcing HHI is not replaced by the global one (pass the global value explicitly
 * to do so, and say so). Throws RangeError when an HHI_WGI is outside [0, 100,000] or a rate
 * outside [0, 1].
 */
export function supplyRisk(inputs: SupplyRiskInputs): Result<number> {
  const absent = missingInputs("supplyRisk", {...inputs});
  if (absent) return absent;
  const gs = numberOf(inputs.hhiWgiGlobal);
  const eu = numberOf(inputs.hhiWgiEuSourcing);
  const ir = numberOf(inputs.importReliance);
  const eol = numberOf(inputs.eolRir);
  const si = numberOf(inputs.substitutionIndex);
  for (const [name, v] of [["hhiWgiGlobal", gs], ["hhiWgiEuSourcing", eu]] as const) {
    if (!Number.isFinite(v) || v < 0 || v > 100_000) throw new RangeError(`supplyRisk: ${name} is ${v}; HHI_WGI must lie in [0, 100000]`);
  }
  for (const [name, v] of [["importReliance", ir], ["eolRir", eol], ["substitutionIndex", si]] as const) {
    if (!Number.isFinite(v) || v < 0 || v > 1) throw new RangeError(`supplyRisk: ${name} is ${v}; it must lie in [0, 1]`);
  }
  return present(((gs / 10_000) * (ir / 2) + (eu / 10_000) * (1 - ir / 2)) * (1 - eol) * si);
}

import {SourceError} from "./source-error.js";
import {isObject, lineOfPath, readJsonSource, type Json, type JsonObject} from "./json-source.js";

/**
 * The demand part of the IEA Critical Minerals Data Explorer (Global Critical Minerals Outlook
 * 2025, CC BY 4.0), as data/sources/supply/iea_critical_minerals_data_explorer_2025.json holds it:
 * for each mineral, demand by clean-energy technology, their total, other uses and total demand, in
 * thousand tonnes (kt) of contained metal, for 2024 (the IEA's value for the year, the same in every
 * scenario) and for 2030, 2035, 2040, 2045 and 2050 in each of three scenarios: STEPS (Stated
 * Policies), APS (Announced Pledges) and NZE (Net Zero Emissions by 2050).
 *
 * Read here for lithium and nickel only (the minerals of the site's material-flow systems); the
 * other minerals of the file are left as they are, not read. Layout read (any other layout throws
 * SourceError naming the JSON path and its line):
 *   totalDemand.<Lithium|Nickel>.sectors.<Sector>.<series>
 *   totalDemand.<Lithium|Nickel>.<totalClean|otherUses|totalDemand|cleanShare>.<series>
 * where a series is {"2024": v, "STEPS": {"2030": v, ..., "2050": v}, "APS": {...}, "NZE": {...}},
 * keys in that order, and v is a finite number >= 0 or null (missing, kept missing). cleanShare is a
 * fraction in [0, 1]; everything else is kt.
 *
 * Checks (each failure throws SourceError naming the path of the stated value):
 *  - the sectors add up to totalClean within SECTOR_TOLERANCE (the file gives the sectors to six
 *    significant figures, so their sum misses the total by up to 0.0075 kt in these two minerals);
 *  - totalClean + otherUses = totalDemand, and cleanShare = totalClean / totalDemand, to 1e-9
 *    relative (they hold exactly in the file);
 *  - a year with a missing value is not checked (never summed as if the value were 0).
 * cleanShare is only checked: it is a ratio of two published values, not a tonnage, and the table
 * iea_demand does not repeat it.
 */

/** The minerals whose demand is read: the JSON key and the site's name (as in iea_supply). */
export const IEA_DEMAND_MINERALS = [
  {key: "Lithium", mineral: "lithium", unit: "kt Li"},
  {key: "Nickel", mineral: "nickel", unit: "kt Ni"}
] as const;

export type IeaDemandMineral = (typeof IEA_DEMAND_MINERALS)[number]["mineral"];

/** The IEA's scenarios, in the file's order: Stated Policies, Announced Pledges, Net Zero Emissions by 2050. */
export const IEA_SCENARIOS = ["STEPS", "APS", "NZE"] as const;
export type IeaScenario = (typeof IEA_SCENARIOS)[number];

/** What the table calls the 2024 value, which the file gives once for all scenarios. */
export const REPORTED = "reported";

/** The year of the IEA's own value for the recent past; every scenario starts from it. */
export const IEA_DEMAND_BASE_YEAR = 2024;
/** The years of each scenario. */
export const IEA_SCENARIO_YEARS = [2030, 2035, 2040, 2045, 2050] as const;

/** Names of the parts of a mineral's demand that are not technology sectors, as the table calls them. */
export const TOTAL_CLEAN = "Total clean technologies";
export const OTHER_USES = "Other uses";
export const TOTAL_DEMAND = "Total demand";

/**
 * Every sector name the file uses for lithium and nickel (the IEA's clean-energy technologies). A
 * name not listed stops the build, so that a new edition's sector is added here on purpose.
 */
export const IEA_DEMAND_SECTORS = ["Solar PV", "Wind", "Other low emissions power generation", "Electric vehicles", "Grid battery storage", "Hydrogen technologies"] as const;

/** Relative tolerance of the sectors' sum against totalClean: half a unit in the sixth significant figure of each value. */
export const SECTOR_TOLERANCE = 5e-6;

/** What a row of demand is: one technology, the total of the technologies, the other uses, or total demand. */
export type DemandPart = "clean technology" | "clean technologies, total" | "other uses" | "total demand";

/** One value of the demand part. */
export interface IeaDemandValue {
  mineral: IeaDemandMineral;
  unit: string;
  /** STEPS, APS, NZE, or REPORTED for 2024. */
  scenario: IeaScenario | typeof REPORTED;
  /** The IEA's sector name, or TOTAL_CLEAN, OTHER_USES, TOTAL_DEMAND. */
  sector: string;
  part: DemandPart;
  /** Position of the sector in the mineral's block, 1 = first (sectors in the file's order, then the totals). */
  listed: number;
  year: number;
  /** kt; null when the file gives none (kept missing, never 0). */
  value: number | null;
  /** JSON path of the value, e.g. totalDemand.Lithium.sectors.Electric vehicles.STEPS.2030. */
  path: string;
  /** Line of the series' key (the sector, or totalClean ...) in the file. */
  line: number;
}

/** The check of one mineral, scenario and year: the sectors against their total, and the totals with each other. */
export interface IeaDemandCheck {
  mineral: IeaDemandMineral;
  scenario: IeaScenario | typeof REPORTED;
  year: number;
  /** Sum of the sectors, kt; null when a value is missing. */
  sectorsSum: number | null;
  /** The stated totalClean, kt. */
  totalClean: number | null;
  /** The stated cleanShare, a fraction. */
  cleanShare: number | null;
  status: "adds up" | "not checked: a value is missing";
}

export interface IeaDemand {
  values: IeaDemandValue[];
  checks: IeaDemandCheck[];
}


const SERIES_KEYS = [String(IEA_DEMAND_BASE_YEAR), ...IEA_SCENARIOS];
const MINERAL_KEYS = ["sectors", "totalClean", "otherUses", "totalDemand", "cleanShare"];

/**
 * Reads the demand of lithium and nickel from the Data Explorer JSON (layout and checks in the
 * module comment). Values come in the order mineral (IEA_DEMAND_MINERALS), then the sectors in the
 * file's order, TOTAL_CLEAN, OTHER_USES, TOTAL_DEMAND, then 2024 and each scenario's years. Throws
 * SourceError (file, line of the JSON path, path, value) on text that is not JSON, a missing or
 * unknown key, years or scenarios other than the module comment's, in another order, a value that
 * is not a finite number >= 0 or null, a share above 1, an unknown sector, or totals that disagree.
 */
export function parseIeaDemand(text: string, file: string): IeaDemand {
  const {json, fail} = readJsonSource(text, file);
  const child = (parent: JsonObject, keys: string[], what: string): JsonObject => {
    const value = parent[keys.at(-1)!];
    if (!isObject(value)) return fail(keys, value === undefined ? null : value, `${what} is required and must be an object`);
    return value;
  };
  const exactKeys = (object: JsonObject, keys: string[], expected: readonly string[], what: string) => {
    const found = Object.keys(object);
    for (const k of found) if (!expected.includes(k)) fail([...keys, k], k, `unknown ${what}; expected ${expected.join(", ")}`);
    for (const k of expected) if (!found.includes(k)) fail([...keys, k], null, `the ${what} ${k} is required`);
    if (found.join() !== expected.join()) fail(keys, found.join(", "), `the ${what}s must be ${expected.join(", ")}, in this order`);
  };
  const number = (object: JsonObject, keys: string[], share: boolean): number | null => {
    const v = object[keys.at(-1)!];
    if (v === null) return null;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) return fail(keys, v ?? null, "must be a number >= 0, or null when missing");
    if (share && v > 1) return fail(keys, v, "a share must lie between 0 and 1");
    return v;
  };
  /** One series: its 2024 value and each scenario's years, as [scenario, year, value, path]. */
  const series = (object: JsonObject, keys: string[], share = false) => {
    exactKeys(object, keys, SERIES_KEYS, "key");
    const out: {scenario: IeaScenario | typeof REPORTED; year: number; value: number | null; path: string; keys: string[]}[] = [];
    const base = [...keys, String(IEA_DEMAND_BASE_YEAR)];
    out.push({scenario: REPORTED, year: IEA_DEMAND_BASE_YEAR, value: number(object, base, share), path: base.join("."), keys: base});
    for (const scenario of IEA_SCENARIOS) {
      const s = child(object, [...keys, scenario], `scenario ${scenario}`);
      exactKeys(s, [...keys, scenario], IEA_SCENARIO_YEARS.map(String), "year");
      for (const year of IEA_SCENARIO_YEARS) {
        const path = [...keys, scenario, String(year)];
        out.push({scenario, year, value: number(s, path, share), path: path.join("."), keys: path});
      }
    }
    return out;
  };

  const root = isObject(json) ? json : fail([], null, "the file must hold a JSON object");
  const demand = child(root, ["totalDemand"], "the demand part (totalDemand)");
  const values: IeaDemandValue[] = [];
  const checks: IeaDemandCheck[] = [];
  for (const {key, mineral, unit} of IEA_DEMAND_MINERALS) {
    const base = ["totalDemand", key];
    const m = child(demand, base, `mineral ${key}`);
    exactKeys(m, base, MINERAL_KEYS, "key");
    const sectors = child(m, [...base, "sectors"], "the sectors");
    const names = Object.keys(sectors);
    if (!names.length) fail([...base, "sectors"], null, "a mineral needs at least one sector");
    const parts: {sector: string; part: DemandPart; keys: string[]}[] = [];
    for (const name of names) {
      const keys = [...base, "sectors", name];
      if (!(IEA_DEMAND_SECTORS as readonly string[]).includes(name)) fail(keys, name, "not a sector this parser knows: add it to IEA_DEMAND_SECTORS in lib/sources/iea-demand.ts");
      parts.push({sector: name, part: "clean technology", keys});
    }
    parts.push({sector: TOTAL_CLEAN, part: "clean technologies, total", keys: [...base, "totalClean"]});
    parts.push({sector: OTHER_USES, part: "other uses", keys: [...base, "otherUses"]});
    parts.push({sector: TOTAL_DEMAND, part: "total demand", keys: [...base, "totalDemand"]});
    const read = parts.map((p, i) => {
      const parent = p.part === "clean technology" ? sectors : m;
      const object = child(parent, p.keys, p.part === "clean technology" ? `sector ${p.sector}` : `the series ${p.keys.at(-1)}`);
      const line = lineOfPath(text, p.keys);
      const s = series(object, p.keys);
      for (const v of s) values.push({mineral, unit, scenario: v.scenario, sector: p.sector, part: p.part, listed: i + 1, year: v.year, value: v.value, path: v.path, line});
      return {...p, series: s};
    });
    const shares = series(child(m, [...base, "cleanShare"], "the series cleanShare"), [...base, "cleanShare"], true);
    const technologies = read.filter((p) => p.part === "clean technology");
    const of = (part: DemandPart) => read.find((p) => p.part === part)!.series;
    const [clean, other, total] = [of("clean technologies, total"), of("other uses"), of("total demand")];
    shares.forEach((share, k) => {
      const {scenario, year} = share;
      const sectorValues = technologies.map((t) => t.series[k]!.value);
      const all = [...sectorValues, clean[k]!.value, other[k]!.value, total[k]!.value, share.value];
      if (all.some((v) => v === null)) {
        checks.push({mineral, scenario, year, sectorsSum: null, totalClean: clean[k]!.value, cleanShare: share.value, status: "not checked: a value is missing"});
        return;
      }
      const c = clean[k]!.value!;
      const o = other[k]!.value!;
      const t = total[k]!.value!;
      const sum = (sectorValues as number[]).reduce((a, b) => a + b, 0);
      const tolerance = SECTOR_TOLERANCE * (sum + c);
      if (Math.abs(sum - c) > tolerance) {
        fail(clean[k]!.keys, c, `the sectors add up to ${sum} kt against a stated total of ${c} kt (difference ${sum - c} kt, more than the ${tolerance.toPrecision(3)} kt that rounding to six significant figures explains)`);
      }
      if (Math.abs(c + o - t) > 1e-9 * Math.max(1, t)) fail(total[k]!.keys, t, `totalClean + otherUses is ${c + o}, not the stated total demand`);
      if (t > 0 && Math.abs(c / t - share.value!) > 1e-9) fail(share.keys, share.value, `cleanShare must be totalClean / totalDemand = ${c / t}`);
      checks.push({mineral, scenario, year, sectorsSum: Math.round(sum * 1e9) / 1e9, totalClean: c, cleanShare: share.value, status: "adds up"});
    });
  }
  return {values, checks};
}

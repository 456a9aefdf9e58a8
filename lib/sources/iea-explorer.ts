import {isObject, lineOfPath, readJsonSource, type Json} from "./json-source.js";
import {SourceError} from "./source-error.js";

/**
 * The IEA Critical Minerals Data Explorer (Global Critical Minerals Outlook 2025, CC BY 4.0), as
 * the JSON of data/sources/supply/iea_critical_minerals_data_explorer_2025.json holds its sheet
 * "2 Total supply for key minerals": for six minerals, mining and refining by country in 2024 and
 * in the IEA's base case for 2030, 2035 and 2040, in thousand tonnes (kt) of contained metal, with
 * the top 5-7 countries named, "Rest of world", the block total and the top-3 share.
 *
 * Layout read here (any other layout throws SourceError naming the JSON path):
 *   supply.<Mineral>.<mining|refining>.countries.<Country>.<2024|2030|2035|2040>: number | null
 *   supply.<Mineral>.<mining|refining>.total.<year>: number
 *   supply.<Mineral>.<mining|refining>.top3Share.<year>: number (a fraction)
 *
 * Known defects, handled here and documented in data/sources/PROVENANCE.md (section 7):
 *  - The magnet rare-earth block holds two lines of the sheet's notes as if they were countries,
 *    every value null. A key that names no country, whose values are all null and which reads as
 *    a sentence (it ends with "."), is kept out of the records as a note; any other unknown name
 *    throws.
 *  - In four blocks (nickel mining and refining, graphite mining and refining) the named countries
 *    and "Rest of world" add up to more than the stated total: see `checkBlock`.
 *
 * The JSON keeps the workbook's names: "Rare Earth Elements" is the workbook's "Magnet rare earth
 * elements" (the converter renamed it), and "Graphite" is natural graphite at the mining tier and
 * battery-grade graphite (natural and synthetic) at the refining tier.
 */

/** The minerals of the supply sheet: the JSON key, our name, and what the tonnage counts. */
export const IEA_MINERALS = [
  {key: "Copper", mineral: "copper", unit: "kt Cu"},
  {key: "Cobalt", mineral: "cobalt", unit: "kt Co"},
  {key: "Lithium", mineral: "lithium", unit: "kt Li"},
  {key: "Nickel", mineral: "nickel", unit: "kt Ni"},
  {key: "Graphite", mineral: "graphite", unit: "kt graphite"},
  {key: "Rare Earth Elements", mineral: "magnet rare earths", unit: "kt magnet REE"}
] as const;

export type IeaMineral = (typeof IEA_MINERALS)[number]["mineral"];
export const IEA_TIERS = ["mining", "refining"] as const;
export type IeaTier = (typeof IEA_TIERS)[number];
/** The years of the supply sheet: 2024 (the IEA's estimate of the year) and its base case for 2030-2040. */
export const IEA_YEARS = [2024, 2030, 2035, 2040] as const;
/** The year the IEA reports; the later years are its projections. */
export const IEA_BASE_YEAR = 2024;
export const REST_OF_WORLD = "Rest of world";

/**
 * Every country name the file uses, mapped on purpose to its ISO 3166-1 alpha-3 code (names the
 * site's crosswalk does not hold in this spelling: "Democratic Republic of Congo", "Russia").
 */
export const IEA_COUNTRIES: Readonly<Record<string, string>> = {
  Argentina: "ARG",
  Australia: "AUS",
  Brazil: "BRA",
  Canada: "CAN",
  Chile: "CHL",
  China: "CHN",
  "Democratic Republic of Congo": "COD",
  Finland: "FIN",
  Germany: "DEU",
  India: "IND",
  Indonesia: "IDN",
  Japan: "JPN",
  Madagascar: "MDG",
  Malaysia: "MYS",
  Mozambique: "MOZ",
  Myanmar: "MMR",
  "New Caledonia": "NCL",
  Peru: "PER",
  Philippines: "PHL",
  Russia: "RUS",
  Sweden: "SWE",
  Tanzania: "TZA",
  "United States": "USA",
  Zimbabwe: "ZWE"
};

/** One value of a block: a named country or "Rest of world", in one year. */
export interface IeaValue {
  country: string;
  iso3: string | null;
  kind: "country" | "rest of world";
  /** kt; null when the file gives none (kept missing, never 0). */
  value: number | null;
  /** Position of the country in its block, 1 = first (the workbook's order). */
  listed: number;
  /** JSON path of the value, e.g. supply.Nickel.mining.countries.Australia.2024. */
  path: string;
  /** Line of the country's key in the file. */
  line: number;
}

/** One mineral, tier and year: its values, the stated total and top-3 share. */
export interface IeaBlock {
  mineral: IeaMineral;
  /** The JSON key of the mineral, e.g. "Rare Earth Elements". */
  key: string;
  unit: string;
  tier: IeaTier;
  year: number;
  values: IeaValue[];
  /** The stated total, kt. */
  total: number;
  /** The stated share of the three largest countries, a fraction. */
  top3Share: number;
  /** JSON path of the block, e.g. supply.Nickel.mining. */
  path: string;
  line: number;
}

/** A note of the sheet that the file holds as if it were a country (every value null). */
export interface IeaNote {
  path: string;
  line: number;
  text: string;
}

export interface IeaSupply {
  blocks: IeaBlock[];
  notes: IeaNote[];
}

/**
 * Reads the supply part of the Data Explorer JSON into blocks of one mineral, tier and year.
 * Throws SourceError (file, line, JSON path, value) when the text is not JSON, a mineral, tier,
 * year, total or top-3 share is missing, a year is not one of 2024, 2030, 2035 and 2040, a value
 * is not a finite number >= 0 or null, or a country name is not in IEA_COUNTRIES (unless it is a
 * note, see the module comment). Blocks come in the order IEA_MINERALS x IEA_TIERS x IEA_YEARS.
 */
export function parseIeaSupply(text: string, file: string): IeaSupply {
  const {json, fail} = readJsonSource(text, file);
  const child = (parent: Json | undefined, keys: string[], what: string): {[key: string]: Json} => {
    const value = isObject(parent) ? parent[keys.at(-1)!] : undefined;
    if (!isObject(value)) return fail(keys, value === undefined ? null : value, `${what} is required and must be an object`);
    return value;
  };
  const root = isObject(json) ? json : fail([], null, "the file must hold a JSON object");
  const supply = child(root, ["supply"], "the supply part");
  const known = new Set<string>(IEA_MINERALS.map((m) => m.key));
  for (const key of Object.keys(supply)) if (!known.has(key)) fail(["supply", key], key, `unknown mineral; expected one of ${[...known].join(", ")}`);
  const blocks: IeaBlock[] = [];
  const notes: IeaNote[] = [];
  for (const {key, mineral, unit} of IEA_MINERALS) {
    const m = child(supply, ["supply", key], `mineral ${key}`);
    for (const k of Object.keys(m)) if (!(IEA_TIERS as readonly string[]).includes(k)) fail(["supply", key, k], k, "unknown tier; expected mining or refining");
    for (const tier of IEA_TIERS) {
      const base = ["supply", key, tier];
      const t = child(m, base, `the ${tier} tier`);
      const countries = child(t, [...base, "countries"], "the countries");
      const total = child(t, [...base, "total"], "the total");
      const top3 = child(t, [...base, "top3Share"], "the top-3 share");
      const yearsOf = (object: {[key: string]: Json}, keys: string[]) => {
        const years = Object.keys(object);
        if (years.join() !== IEA_YEARS.join()) fail(keys, years.join(", "), `the years must be ${IEA_YEARS.join(", ")}, in this order`);
      };
      const number = (object: {[key: string]: Json}, keys: string[], nullable: boolean): number | null => {
        const v = object[keys.at(-1)!];
        if (v === null && nullable) return null;
        if (typeof v !== "number" || !Number.isFinite(v) || v < 0) return fail(keys, v ?? null, nullable ? "must be a number >= 0, or null when missing" : "must be a number >= 0");
        return v;
      };
      yearsOf(total, [...base, "total"]);
      yearsOf(top3, [...base, "top3Share"]);
      const named: [string, {[key: string]: Json}][] = [];
      for (const [name, values] of Object.entries(countries)) {
        const keys = [...base, "countries", name];
        if (!isObject(values)) fail(keys, values, "must be an object of values by year");
        const v = values as {[key: string]: Json};
        if (name !== REST_OF_WORLD && !(name in IEA_COUNTRIES)) {
          const allNull = Object.values(v).every((x) => x === null);
          if (allNull && /\.\s*$/.test(name)) {
            notes.push({path: keys.join("."), line: lineOfPath(text, keys), text: name});
            continue;
          }
          fail(keys, name, "not a country this parser knows: add the name with its ISO3 code to IEA_COUNTRIES in lib/sources/iea-explorer.ts");
        }
        yearsOf(v, keys);
        named.push([name, v]);
      }
      if (!named.some(([name]) => name === REST_OF_WORLD)) fail([...base, "countries", REST_OF_WORLD], null, "every block needs its Rest of world");
      for (const year of IEA_YEARS) {
        const y = String(year);
        const values: IeaValue[] = named.map(([name, v], i) => {
          const keys = [...base, "countries", name, y];
          return {
            country: name,
            iso3: name === REST_OF_WORLD ? null : IEA_COUNTRIES[name]!,
            kind: name === REST_OF_WORLD ? "rest of world" : "country",
            value: number(v, keys, true),
            listed: i + 1,
            path: keys.join("."),
            line: lineOfPath(text, keys.slice(0, -1))
          };
        });
        const share = number(top3, [...base, "top3Share", y], false)!;
        if (share > 1) fail([...base, "top3Share", y], share, "a share must lie between 0 and 1");
        blocks.push({
          mineral,
          key,
          unit,
          tier,
          year,
          values,
          total: number(total, [...base, "total", y], false)!,
          top3Share: share,
          path: base.join("."),
          line: lineOfPath(text, base)
        });
      }
    }
  }
  return {blocks, notes};
}

/** How far the rows may be from the total and still add up: 0.001 kt (1 t), or a millionth of the total if larger. */
export function tolerance(total: number): number {
  return Math.max(0.001, 1e-6 * total);
}

/** Sums of the file's values rounded to 1e-9 kt (1 g), so that float noise does not reach the tables. */
const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/** What the check of one block found (sums rounded to 1e-9 kt); the sums are null when a value is missing. */
export interface BlockCheck {
  /** The sum of the named countries and "Rest of world", kt. */
  rowsSum: number | null;
  /** rowsSum - total, kt. */
  difference: number | null;
  /** The named country whose tonnage "Rest of world" also holds; null when the rows add up. */
  countedTwice: string | null;
  /** The stated "Rest of world", kt. */
  restOfWorld: number | null;
  /** The stated total less every named country, kt: what "Rest of world" holds beyond the named countries. */
  restOfWorldNet: number | null;
  /** The three largest shares of the countries inside the IEA's own sums, against the stated total. */
  top3Recomputed: number | null;
  status: "adds up" | "one country counted twice" | "not checked: a value is missing";
  /** The countries without a value, when any. */
  missing: string[];
}

/**
 * Checks that a block's rows add up to its stated total within `tolerance`, and its stated top-3
 * share. When they exceed the total, the difference is explained only if it equals the value of
 * exactly one named country c (then "Rest of world" = total - the other named countries, so
 * "Rest of world" already holds c) and the stated top-3 share is that of the countries other than
 * c: c's tonnage is then counted twice by anyone who adds up the rows. The source is kept as it
 * is: the stated total stands, c keeps its row, and what "Rest of world" holds beyond the named
 * countries is total - all named countries (`restOfWorldNet`).
 *
 * A block with a missing value cannot be checked: its status says so, its sums are null (never
 * computed as if the value were 0). Throws SourceError naming the block's path when the rows fall
 * short of the total or exceed it by an amount no single country explains, or when the stated
 * top-3 share differs from the recomputed one by more than 1e-6.
 */
export function checkBlock(block: IeaBlock, file: string): BlockCheck {
  const where = `${block.path} (${block.year})`;
  const fail = (column: string, value: unknown, rule: string): never => {
    throw new SourceError(file, block.line, column, value, `${where}: ${rule}`);
  };
  const missingValues = block.values.filter((v) => v.value === null).map((v) => v.country);
  if (missingValues.length) {
    return {rowsSum: null, difference: null, countedTwice: null, restOfWorld: block.values.find((v) => v.kind === "rest of world")!.value, restOfWorldNet: null, top3Recomputed: null, status: "not checked: a value is missing", missing: missingValues};
  }
  const value = (v: IeaValue) => v.value as number;
  const rest = block.values.find((v) => v.kind === "rest of world")!;
  const named = block.values.filter((v) => v.kind === "country");
  const rowsSum = block.values.reduce((s, v) => s + value(v), 0);
  const difference = rowsSum - block.total;
  const tol = tolerance(block.total);
  const namedSum = named.reduce((s, v) => s + value(v), 0);
  const top3Of = (list: readonly IeaValue[]) =>
    list
      .map(value)
      .sort((a, b) => b - a)
      .slice(0, 3)
      .reduce((s, x) => s + x, 0) / block.total;
  let countedTwice: string | null = null;
  let inside = named;
  if (Math.abs(difference) > tol) {
    const candidates = named.filter((v) => value(v) > 0 && Math.abs(value(v) - difference) <= tol && Math.abs(top3Of(named.filter((w) => w !== v)) - block.top3Share) <= 1e-6);
    if (difference < 0 || candidates.length !== 1) {
      fail(
        `${block.path}.total.${block.year}`,
        block.total,
        `the rows add up to ${round9(rowsSum)} kt against a stated total of ${block.total} kt (difference ${round9(difference)} kt), ` +
          (difference < 0 ? "short of the total" : candidates.length ? `explained by several countries (${candidates.map((c) => c.country).join(", ")})` : "and no single named country's value explains the difference")
      );
    }
    countedTwice = candidates[0]!.country;
    inside = named.filter((v) => v !== candidates[0]);
  }
  const top3Recomputed = top3Of(inside);
  if (Math.abs(top3Recomputed - block.top3Share) > 1e-6) {
    fail(`${block.path}.top3Share.${block.year}`, block.top3Share, `the stated top-3 share differs from the one of the rows, ${top3Recomputed}`);
  }
  return {
    rowsSum: round9(rowsSum),
    difference: round9(difference),
    countedTwice,
    restOfWorld: value(rest),
    restOfWorldNet: round9(block.total - namedSum),
    top3Recomputed,
    status: countedTwice === null ? "adds up" : "one country counted twice",
    missing: []
  };
}

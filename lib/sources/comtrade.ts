import {z} from "zod";
import type {Crosswalk} from "./crosswalk.js";
import {parseCsv} from "./csv.js";
import {SourceError} from "./source-error.js";
import {number, oneOf, text, tonnage, validateRecords, year} from "./validate.js";

/**
 * UN Comtrade annual extracts (Comtrade+ API, get/C/A/HS) for lithium and nickel products, as the
 * collector saved them: the standard 47 fields with empty name columns, plus commodity_name,
 * hs_code and query_year. Codes of reporters and partners are UN M49 numbers and are mapped here.
 */

/** The HS codes each extract holds, with the label the site shows. */
export const HS_PRODUCTS = {
  "253090": {commodity: "lithium", label: "Mineral substances n.e.s. (HS 253090; proxy for spodumene concentrate)"},
  "282520": {commodity: "lithium", label: "Lithium oxide and hydroxide (HS 282520)"},
  "283691": {commodity: "lithium", label: "Lithium carbonates (HS 283691)"},
  "7501": {commodity: "nickel", label: "Nickel mattes, oxide sinters and other intermediates of nickel metallurgy (HS 7501)"},
  "7502": {commodity: "nickel", label: "Unwrought nickel (HS 7502)"}
} as const;

export type HsCode = keyof typeof HS_PRODUCTS;
export type TradeCommodity = (typeof HS_PRODUCTS)[HsCode]["commodity"];

/**
 * M49 codes whose ISO3 code is not the ISO numeric code: Comtrade's 0 is the World, and 842 is its
 * "USA" (which, unlike ISO 840, includes Puerto Rico and the U.S. Virgin Islands). Every other code
 * is looked up in the crosswalk's iso_numeric column.
 */
export const M49_SPECIAL: Record<number, {iso3: string | null; name: string}> = {
  0: {iso3: null, name: "World"},
  842: {iso3: "USA", name: "United States"}
};

/** Where a Comtrade M49 code stands: an ISO3 code (null for the World) and a name. */
export interface M49Area {
  m49: number;
  iso3: string | null;
  name: string;
}

/**
 * Maps an M49 code to ISO3: the special codes above, else the crosswalk entry whose iso_numeric is
 * the code (zero-padded to three digits). An unknown or ambiguous code throws SourceError.
 */
export function m49ToIso3(code: number, crosswalk: Crosswalk, file: string, line: number, column: string): M49Area {
  const special = M49_SPECIAL[code];
  if (special) return {m49: code, ...special};
  const numeric = String(code).padStart(3, "0");
  const found = new Map<string, string>();
  for (const names of crosswalk.values()) {
    for (const place of names.values()) {
      if (place.isoNumeric === numeric && place.iso3 && place.kind === "country") found.set(place.iso3, place.isoName ?? place.iso3);
    }
  }
  if (found.size === 0) throw new SourceError(file, line, column, String(code), "unknown country code: no M49 special code and no crosswalk entry with this iso_numeric");
  if (found.size > 1) throw new SourceError(file, line, column, String(code), `ambiguous country code: the crosswalk gives ${[...found.keys()].join(", ")}`);
  const [iso3, name] = [...found.entries()][0]!;
  return {m49: code, iso3, name};
}

const flag = () => oneOf(["True", "False"]).transform((s) => s === "True");
const integer = (what: string, min = -Infinity) => number({min, what}).refine((n) => n === null || Number.isInteger(n), `${what} is a whole number`);
const hsCodes = Object.keys(HS_PRODUCTS) as [HsCode, ...HsCode[]];

const comtradeSchema = z.object({
  typeCode: oneOf(["C"]),
  freqCode: oneOf(["A"]),
  refYear: year(),
  period: year(),
  query_year: year(),
  refPeriodId: text().pipe(z.string().regex(/^\d{4}0101$/, "an annual period id, YYYY0101")),
  reporterCode: integer("an M49 country code", 1),
  partnerCode: integer("an M49 country code (0 for the World)", 0),
  partner2Code: integer("an M49 country code", 0),
  flowCode: oneOf(["M", "X"]),
  classificationCode: text().pipe(z.string().regex(/^H\d$/, "an HS edition code such as H5")),
  cmdCode: oneOf(hsCodes),
  hs_code: oneOf(hsCodes),
  commodity_name: oneOf(["Lithium", "Nickel"]),
  customsCode: text(),
  mosCode: integer("a mode-of-supply code", 0),
  motCode: integer("a mode-of-transport code", 0),
  // Net weight is in kg; the quantity unit is 8 (kg) or -1 (no quantity reported). Any other unit is not this extract's.
  qtyUnitCode: oneOf(["8", "-1"]).transform(Number),
  netWgt: tonnage(true),
  isNetWgtEstimated: flag(),
  primaryValue: number({min: 0, what: "a trade value in USD (not negative)"}),
  cifvalue: number({min: 0, optional: true, what: "a CIF value in USD (not negative)"}),
  fobvalue: number({min: 0, optional: true, what: "a FOB value in USD (not negative)"}),
  isReported: flag(),
  isAggregate: flag()
});

export const COMTRADE_COLUMNS = Object.keys(comtradeSchema.shape);

/** One validated row of a Comtrade extract, before de-duplication. */
export interface ComtradeRecord {
  year: number;
  reporterCode: number;
  partnerCode: number;
  partner2Code: number;
  flow: "import" | "export";
  hsCode: HsCode;
  classification: string;
  customsCode: string;
  mosCode: number;
  motCode: number;
  qtyUnitCode: number;
  netWgt: number | null;
  isNetWgtEstimated: boolean;
  primaryValue: number;
  cifvalue: number | null;
  fobvalue: number | null;
  isReported: boolean;
  isAggregate: boolean;
}

/** Parses one extract into validated rows with their source line; checks that the collector's columns agree with Comtrade's. */
export function parseComtrade(csvText: string, file: string): {line: number; row: ComtradeRecord}[] {
  const table = parseCsv(csvText, file, {required: COMTRADE_COLUMNS});
  return validateRecords(table, comtradeSchema).map(({line, row: r}) => {
    const y = r.refYear as number;
    if (r.period !== y) throw new SourceError(file, line, "period", String(r.period), `must equal refYear ${y}`);
    if (r.query_year !== y) throw new SourceError(file, line, "query_year", String(r.query_year), `must equal refYear ${y}`);
    if (r.refPeriodId !== `${y}0101`) throw new SourceError(file, line, "refPeriodId", r.refPeriodId, `must be ${y}0101`);
    if (r.hs_code !== r.cmdCode) throw new SourceError(file, line, "hs_code", r.hs_code, `must equal cmdCode ${r.cmdCode}`);
    if (HS_PRODUCTS[r.cmdCode].commodity !== r.commodity_name.toLowerCase()) throw new SourceError(file, line, "commodity_name", r.commodity_name, `HS ${r.cmdCode} is ${HS_PRODUCTS[r.cmdCode].commodity}`);
    const row: ComtradeRecord = {
      year: y,
      reporterCode: r.reporterCode as number,
      partnerCode: r.partnerCode as number,
      partner2Code: r.partner2Code as number,
      flow: r.flowCode === "M" ? "import" : "export",
      hsCode: r.cmdCode,
      classification: r.classificationCode,
      customsCode: r.customsCode,
      mosCode: r.mosCode as number,
      motCode: r.motCode as number,
      qtyUnitCode: r.qtyUnitCode,
      netWgt: r.netWgt,
      isNetWgtEstimated: r.isNetWgtEstimated,
      primaryValue: r.primaryValue as number,
      cifvalue: r.cifvalue,
      fobvalue: r.fobvalue,
      isReported: r.isReported,
      isAggregate: r.isAggregate
    };
    return {line, row};
  });
}

/** One reporter x partner x flow x HS code x year of trade, the all-modes total. */
export interface TradeRow {
  year: number;
  commodity: TradeCommodity;
  hs_code: HsCode;
  product: string;
  hs_edition: string;
  reporter_iso3: string;
  reporter_m49: number;
  reporter_name: string;
  partner_iso3: string | null;
  partner_m49: number;
  partner_name: string;
  flow: "import" | "export";
  net_weight_kg: number | null;
  is_weight_estimated: boolean;
  value_usd: number;
  cif_usd: number | null;
  fob_usd: number | null;
  breakdown_rows_dropped: number;
  source_file: string;
  source_line: number;
}

/** Whether a row is the total over every breakdown Comtrade can apply (transport mode, supply mode, customs procedure, second partner). */
export function isTotalRow(r: ComtradeRecord): boolean {
  return r.motCode === 0 && r.mosCode === 0 && r.customsCode === "C00" && r.partner2Code === 0;
}

/**
 * Tidies one extract into one row per reporter x partner x flow x HS code x year.
 *
 * De-duplication rule: Comtrade gives, for some reporters (Australia, Indonesia), the all-modes
 * total (motCode 0) *and* its breakdown by mode of transport (1000, 2100, 9100, 9900). Only the
 * total row is kept, that is the row with motCode 0, mosCode 0, customsCode C00 and partner2Code
 * 0; the breakdown rows are dropped (counted in breakdown_rows_dropped). A group with no total row,
 * or with two, throws: summing breakdown rows instead would be guesswork.
 *
 * Missing values: a net weight that is blank, or reported as 0 kg on a row with no quantity unit
 * (qtyUnitCode -1), is null; a CIF or FOB value that is blank, or 0 while the row's value is
 * positive, is null (Comtrade fills the valuation a flow was not reported in with 0).
 */
export function tidyComtrade(records: {line: number; row: ComtradeRecord}[], file: string, crosswalk: Crosswalk): {rows: TradeRow[]; dropped: number} {
  const groups = new Map<string, {total?: {line: number; row: ComtradeRecord}; breakdown: number}>();
  for (const record of records) {
    const r = record.row;
    const key = [r.year, r.reporterCode, r.partnerCode, r.flow, r.hsCode].join("|");
    const group = groups.get(key) ?? {breakdown: 0};
    if (isTotalRow(r)) {
      if (group.total) throw new SourceError(file, record.line, "motCode", String(r.motCode), `duplicate key: a second all-modes total for ${key} (first on line ${group.total.line})`);
      group.total = record;
    } else {
      group.breakdown += 1;
    }
    groups.set(key, group);
  }
  const rows: TradeRow[] = [];
  let dropped = 0;
  for (const [key, group] of groups) {
    if (!group.total) {
      const first = records.find((d) => [d.row.year, d.row.reporterCode, d.row.partnerCode, d.row.flow, d.row.hsCode].join("|") === key)!;
      throw new SourceError(file, first.line, "motCode", String(first.row.motCode), `no all-modes total row (motCode 0) for ${key}; breakdown rows alone are not summed`);
    }
    dropped += group.breakdown;
    const {line, row: r} = group.total;
    const reporter = m49ToIso3(r.reporterCode, crosswalk, file, line, "reporterCode");
    if (!reporter.iso3) throw new SourceError(file, line, "reporterCode", String(r.reporterCode), "a reporter must be a country");
    const partner = m49ToIso3(r.partnerCode, crosswalk, file, line, "partnerCode");
    const product = HS_PRODUCTS[r.hsCode];
    const noQuantity = r.qtyUnitCode === -1 && r.netWgt === 0;
    rows.push({
      year: r.year,
      commodity: product.commodity,
      hs_code: r.hsCode,
      product: product.label,
      hs_edition: r.classification,
      reporter_iso3: reporter.iso3,
      reporter_m49: reporter.m49,
      reporter_name: reporter.name,
      partner_iso3: partner.iso3,
      partner_m49: partner.m49,
      partner_name: partner.name,
      flow: r.flow,
      net_weight_kg: noQuantity ? null : r.netWgt,
      is_weight_estimated: r.isNetWgtEstimated,
      value_usd: r.primaryValue,
      cif_usd: placeholderZero(r.cifvalue, r.primaryValue),
      fob_usd: placeholderZero(r.fobvalue, r.primaryValue),
      breakdown_rows_dropped: group.breakdown,
      source_file: file,
      source_line: line
    });
  }
  return {rows, dropped};
}

function placeholderZero(value: number | null, primary: number): number | null {
  return value === null || (value === 0 && primary > 0) ? null : value;
}

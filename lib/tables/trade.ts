import {parseComtrade, tidyComtrade, type TradeRow} from "../sources/comtrade.js";
import {CROSSWALK_FILE, parseCrosswalk} from "../sources/crosswalk.js";
import {defineTable} from "./define.js";
import {CROSSWALK_SOURCE} from "./icmm-sites.js";

export const TRADE_FILES = [
  "trade/comtrade_lithium_hs253090_282520_283691_2020_2024.csv",
  "trade/comtrade_nickel_hs7501_7502_2020_2024.csv"
] as const;

const comtradeCitation = (what: string, path: string) =>
  `United Nations, UN Comtrade database (comtradeplus.un.org), annual HS data 2020-2024, ${what}, pulled 2025-12-28 via the ` +
  `Comtrade+ API. Copy from the repository Redliana/cmm-data (API_Scripts/gold_qa_data/${path}, snapshot 99a987b1).`;

/** Lithium and nickel trade from UN Comtrade, one all-modes row per reporter, partner, flow, product and year. */
export const tradeTable = defineTable<TradeRow>({
  name: "trade",
  title: "Lithium and nickel trade, UN Comtrade extracts, 2020-2024",
  description:
    "Annual imports and exports of three lithium products (carbonate, oxide and hydroxide, and the mineral-substances heading " +
    "used as a proxy for spodumene) and two nickel products (mattes and intermediates, unwrought nickel), as reported to UN " +
    "Comtrade by the United States, China, Australia and Indonesia, 2020-2024. The extracts are small: US and Chinese totals " +
    "with the World, US-China trade, and Australian and Indonesian trade with China only; they are not a bilateral matrix. " +
    "Comtrade also breaks some rows down by mode of transport; only the all-modes total is kept, so that values can be summed " +
    "without counting a shipment twice. Reporters and partners carry ISO3 codes mapped from UN M49 codes (the World has none). " +
    "Weights and CIF or FOB values that Comtrade does not report are null.",
  sources: [
    {
      path: TRADE_FILES[0],
      title: "UN Comtrade extract: lithium, HS 253090, 282520 and 283691, 2020-2024",
      citation: comtradeCitation("HS 253090, 282520, 283691", "lithium_trade_data.csv"),
      licence: "UN Comtrade terms of use (free data, attribution to UN Comtrade; the United Nations owns the data)",
      url: "https://comtradeplus.un.org",
      edition: "Comtrade+ API, pulled 2025-12-28"
    },
    {
      path: TRADE_FILES[1],
      title: "UN Comtrade extract: nickel, HS 7501 and 7502, 2020-2024",
      citation: comtradeCitation("HS 7501, 7502", "nickel_trade_data.csv"),
      licence: "UN Comtrade terms of use (free data, attribution to UN Comtrade; the United Nations owns the data)",
      url: "https://comtradeplus.un.org",
      edition: "Comtrade+ API, pulled 2025-12-28"
    },
    CROSSWALK_SOURCE
  ],
  key: ["year", "reporter_m49", "partner_m49", "flow", "hs_code"],
  minRows: 226,
  columns: {
    year: {type: "int32", description: "Reference year"},
    commodity: {type: "utf8", description: "lithium or nickel"},
    hs_code: {type: "utf8", description: "Harmonized System code (6 digits for lithium, 4 for nickel)"},
    product: {type: "utf8", description: "What the HS code covers, as the site labels it"},
    hs_edition: {type: "utf8", description: "HS edition the reporter used (H5 = HS 2017, H6 = HS 2022)"},
    reporter_iso3: {type: "utf8", description: "ISO 3166-1 alpha-3 code of the reporting country"},
    reporter_m49: {type: "int32", description: "UN M49 code of the reporter as Comtrade gives it (842 is Comtrade's USA)"},
    reporter_name: {type: "utf8", description: "Name of the reporting country"},
    partner_iso3: {type: "utf8", description: "ISO 3166-1 alpha-3 code of the partner; null for the World"},
    partner_m49: {type: "int32", description: "UN M49 code of the partner (0 = World)"},
    partner_name: {type: "utf8", description: 'Name of the partner, "World" for the reporter\'s total'},
    flow: {type: "utf8", description: "import or export, as reported by the reporter"},
    net_weight_kg: {type: "float64", description: "Net weight; null when Comtrade reports no quantity", unit: "kg"},
    is_weight_estimated: {type: "bool", description: "Comtrade's flag that the net weight was estimated (isNetWgtEstimated)"},
    value_usd: {type: "float64", description: "Trade value as Comtrade's primary value (CIF for imports, FOB for exports, as reported)", unit: "USD (current)"},
    cif_usd: {type: "float64", description: "Value at cost, insurance and freight; null when not reported", unit: "USD (current)"},
    fob_usd: {type: "float64", description: "Value free on board; null when not reported", unit: "USD (current)"},
    breakdown_rows_dropped: {type: "int32", description: "Number of mode-of-transport breakdown rows of the source left out because this total covers them", unit: "count"},
    source_file: {type: "utf8", description: "Source file under data/sources/"},
    source_line: {type: "int32", description: "Line of the kept (all-modes) row in the source file"}
  },
  build(read) {
    const crosswalk = parseCrosswalk(read(CROSSWALK_FILE), CROSSWALK_FILE);
    const rows = TRADE_FILES.flatMap((file) => tidyComtrade(parseComtrade(read(file), file), file, crosswalk).rows);
    return rows.sort(
      (a, b) =>
        compare(a.commodity, b.commodity) ||
        compare(a.hs_code, b.hs_code) ||
        compare(a.reporter_iso3, b.reporter_iso3) ||
        a.partner_m49 - b.partner_m49 ||
        compare(a.flow, b.flow) ||
        a.year - b.year
    );
  }
});

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

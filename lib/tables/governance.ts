import {CROSSWALK_FILE, parseCrosswalk} from "../sources/crosswalk.js";
import {defineTable} from "./define.js";
import {CROSSWALK_SOURCE} from "./icmm-sites.js";
import {WGI_INDICATORS, parseWgi, type WgiRow} from "../sources/wgi.js";

export const WGI_FILE = "governance/wgi_2024update_1996_2023_long.csv";

const INDICATOR_ORDER = Object.keys(WGI_INDICATORS);

/** The Worldwide Governance Indicators, one row per economy x year x indicator, ".." kept as null. */
export const governanceTable = defineTable<WgiRow>({
  name: "governance",
  title: "Worldwide Governance Indicators, 1996-2023 (2024 update)",
  description:
    "Six governance dimensions for 214 economies, every year the World Bank published them from 1996 to 2023, in the long form " +
    "of one row per economy, year and indicator. Economies carry their ISO 3166-1 alpha-3 code; the few WGI codes that are not " +
    "ISO codes (ZAR, ROM, ADO, TMP, WBG, KSV) are mapped (to COD, ROU, AND, TLS, PSE and XKX, the code commonly used for Kosovo), " +
    "and the former Netherlands Antilles has none. Values the World Bank does not give are null. This is the 2024 vintage: " +
    "the revision restated the whole series, so values differ slightly from earlier editions (Australia's control of corruption " +
    "in 2021 is 1.71 here and 1.74 in the 2022 edition). The EU criticality method rescales the estimate to a 0-10 risk score; " +
    "that rescaling is not applied here.",
  sources: [
    {
      path: WGI_FILE,
      title: "Worldwide Governance Indicators, 2024 update (long format)",
      citation:
        "Kaufmann, D. and Kraay, A. (2024). Worldwide Governance Indicators, 2024 update. World Bank. Copy from the repository " +
        "Victor-Thrive/Income-Inequality-on-renewable-energy-and-SDGs (data/wgi.csv, commit 28cf9a34), re-encoded from cp1252 to UTF-8.",
      licence: "CC BY 4.0",
      url: "https://www.worldbank.org/en/publication/worldwide-governance-indicators",
      edition: "WGI 2024 update"
    },
    CROSSWALK_SOURCE
  ],
  key: ["wgi_code", "year", "indicator"],
  minRows: 32100, // 214 economies x 25 years x 6 indicators
  columns: {
    iso3: {type: "utf8", description: "ISO 3166-1 alpha-3 code of the economy (XKX for Kosovo); null for the former Netherlands Antilles"},
    wgi_code: {type: "utf8", description: "The economy's code as the WGI writes it (ZAR for the DR Congo, ROM for Romania, ...)"},
    country: {type: "utf8", description: "The economy's name as the WGI writes it"},
    year: {type: "int32", description: "Year the indicator refers to (1996, 1998, 2000, then every year to 2023)"},
    indicator: {type: "utf8", description: "Indicator code: va, pv, ge, rq, rl or cc"},
    indicator_name: {type: "utf8", description: "Indicator name, e.g. Control of corruption"},
    estimate: {type: "float64", description: "Governance estimate in standard-normal units (about -2.5 weak to 2.5 strong), rounded to 2 decimals; null where not published", unit: "standard-normal units"},
    stddev: {type: "float64", description: "Standard error of the estimate", unit: "standard-normal units"},
    nsource: {type: "int32", description: "Number of data sources behind the estimate", unit: "count"},
    pctrank: {type: "float64", description: "Percentile rank among all economies (0 lowest, 100 highest)", unit: "percentile"},
    pctrank_lower: {type: "float64", description: "Lower bound of the 90% confidence interval of the percentile rank", unit: "percentile"},
    pctrank_upper: {type: "float64", description: "Upper bound of the 90% confidence interval of the percentile rank", unit: "percentile"}
  },
  build(read) {
    const crosswalk = parseCrosswalk(read(CROSSWALK_FILE), CROSSWALK_FILE);
    const rows = parseWgi(read(WGI_FILE), WGI_FILE, crosswalk).map((r) => r.row);
    return rows.sort(
      (a, b) =>
        compare(a.wgi_code, b.wgi_code) ||
        INDICATOR_ORDER.indexOf(a.indicator) - INDICATOR_ORDER.indexOf(b.indicator) ||
        a.year - b.year
    );
  }
});

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import {defineTable} from "./define.js";
import type {ProductionRow} from "../sources/usgs-mcs.js";
import {MCS_SOURCES, byPlace, readMcs} from "../sources/usgs-mcs-editions.js";

export const productionTable = defineTable<ProductionRow>({
  name: "production",
  title: "Mine and refinery production by country",
  description:
    "Production of lithium, nickel, cobalt, natural graphite, rare earths, copper and manganese by country and year, as each edition of the USGS Mineral Commodity Summaries (2022, 2023, 2024) reports it, one row per edition, place, stage and year. Later editions revise earlier years: choose the edition on purpose. Countries carry ISO 3166-1 codes; \"Other countries\" and world totals are kept as aggregates. Withheld (W) and unavailable (NA) values are missing, with their status.",
  sources: MCS_SOURCES,
  key: ["edition", "commodity", "stage", "country", "year"],
  minRows: 760, // 21 world tables; each file is also checked to end with its World total rows
  columns: {
    edition: {type: "utf8", description: "USGS MCS edition the value is taken from, e.g. MCS2023"},
    commodity: {type: "utf8", description: "Mineral commodity"},
    stage: {type: "utf8", description: "mine or refinery production (refinery only for copper)"},
    country: {type: "utf8", description: "Country or aggregate as named by the USGS, footnote digits removed"},
    iso3: {type: "utf8", description: "ISO 3166-1 alpha-3 code; null for aggregates"},
    kind: {type: "utf8", description: "country, other (the USGS 'Other countries' aggregate) or world (world total)"},
    year: {type: "int32", description: "Year of production"},
    value_t: {type: "float64", unit: "t (see unit)", description: "Production in metric tons; null when withheld, not available or blank"},
    status: {type: "utf8", description: "reported, estimated, withheld (USGS W), not available (NA) or blank"},
    unit: {type: "utf8", description: "What value_t counts, e.g. t Li content"},
    type_text: {type: "utf8", description: "The USGS Type column as published"},
    note: {type: "utf8", description: "USGS production note"},
    source_file: {type: "utf8", description: "Source file under data/sources/"},
    source_line: {type: "int32", description: "Line of the source file"}
  },
  build(read) {
    return readMcs(read).production.sort(
      (a, b) => a.edition.localeCompare(b.edition) || a.commodity.localeCompare(b.commodity) || a.stage.localeCompare(b.stage) || a.year - b.year || byPlace(a, b)
    );
  }
});

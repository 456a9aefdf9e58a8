import {defineTable} from "./define.js";
import type {ReservesRow} from "../sources/usgs-mcs.js";
import {MCS_SOURCES, byPlace, readMcs} from "../sources/usgs-mcs-editions.js";

export const reservesTable = defineTable<ReservesRow>({
  name: "reserves",
  title: "Reserves by country",
  description:
    "Reserves of lithium, nickel, cobalt, natural graphite, rare earths, copper and manganese by country, as reported in the USGS Mineral Commodity Summaries 2023 and 2024 (MCS 2022's tables hold production only, so no reserves for the 2021 reference year are machine-readable). A value such as \">130,000,000\" is a lower bound: it is kept in lower_bound_t and the value stays missing.",
  sources: MCS_SOURCES.filter((s) => s.edition !== "MCS2022"),
  key: ["edition", "commodity", "country"],
  minRows: 219,
  columns: {
    edition: {type: "utf8", description: "USGS MCS edition"},
    commodity: {type: "utf8", description: "Mineral commodity"},
    country: {type: "utf8", description: "Country or aggregate as named by the USGS, footnote digits removed"},
    iso3: {type: "utf8", description: "ISO 3166-1 alpha-3 code; null for aggregates"},
    kind: {type: "utf8", description: "country, other or world"},
    value_t: {type: "float64", unit: "t (see unit)", description: "Reserves in metric tons; null when not a plain number"},
    lower_bound_t: {type: "float64", unit: "t (see unit)", description: "For values published as '>x': x"},
    status: {type: "utf8", description: "reported, lower bound, withheld, not available or blank"},
    unit: {type: "utf8", description: "What the tonnage counts, e.g. t Li content"},
    note: {type: "utf8", description: "USGS reserves note"},
    source_file: {type: "utf8", description: "Source file under data/sources/"},
    source_line: {type: "int32", description: "Line of the source file"}
  },
  build(read) {
    return readMcs(read).reserves.sort((a, b) => a.edition.localeCompare(b.edition) || a.commodity.localeCompare(b.commodity) || byPlace(a, b));
  }
});

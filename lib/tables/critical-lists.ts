import {parseCriticalLists, sortCriticalLists, type CriticalListRow} from "../sources/policy-sources.js";
import {defineTable} from "./define.js";

export const LISTS_FILE = "policies/critical_mineral_lists.csv";

/** Official critical- and strategic-mineral lists, one row per list and mineral, with a name to compare lists by. */
export const criticalListsTable = defineTable<CriticalListRow>({
  name: "critical_lists",
  title: "Critical and strategic mineral lists of the US, EU, Canada, Australia, UK and India",
  description:
    "Eleven official lists of critical, strategic or watch-list minerals (United States 2022; EU 2020, 2023 and the 2024 strategic " +
    "list; Canada 2021; Australia 2022 and December 2023, with its strategic materials; UK 2021 with its watchlist; India 2023), " +
    "typed up from the official texts, one row per list and mineral in the list's own order. Each name is kept as the list writes " +
    "it and also normalised to one lower-case name (\"Aluminum\", \"Bauxite/aluminium\" -> aluminium; \"PGE\", \"Platinum-group " +
    "elements\" -> platinum group metals), with a family to compare at when one list names a group and another its members " +
    "(the US lists single rare earths, the EU heavy and light rare earths). Not included: the UK 2024 list, Japan's and China's " +
    "lists, and Australia's February 2024 addition of nickel.",
  sources: [
    {
      path: LISTS_FILE,
      title: "Critical mineral lists, compiled for this project from official sources",
      citation:
        "MINERS live working paper (2026), critical_mineral_lists.csv, compiled from: Federal Register doc. 2022-04027 (87 FR 10381); " +
        "COM(2020) 474; Regulation (EU) 2024/1252, Annexes I and II; Natural Resources Canada (2021); Australian Department of Industry, " +
        "Science and Resources (2022, 2023); UK Critical Minerals Strategy (2022); Ministry of Mines, India (2023). Each row cites its official URL.",
      licence: "Facts from government acts and publications; compilation MIT (this repository)",
      edition: "compiled 2026-11-27"
    }
  ],
  key: ["list_name", "mineral"],
  minRows: 277,
  columns: {
    jurisdiction: {type: "utf8", description: "Who issued the list"},
    jurisdiction_code: {type: "utf8", description: "ISO 3166-1 alpha-3 code of the country, or EU"},
    list_name: {type: "utf8", description: "Name of the list"},
    list_year: {type: "int32", description: "Year of the list"},
    published: {type: "utf8", description: "Date the list was published, YYYY-MM-DD (or YYYY-MM when only the month is known)"},
    category: {type: "utf8", description: "critical, strategic or watchlist"},
    order_in_source: {type: "int32", description: "Position of the mineral in the list as published"},
    mineral_as_listed: {type: "utf8", description: "The mineral as the list writes it"},
    mineral: {type: "utf8", description: "Normalised lower-case name, the same across lists (aluminium, baryte, caesium, platinum group metals, ...)"},
    mineral_group: {type: "utf8", description: "Family to compare lists at: rare earth elements for single rare earths, platinum group metals for single PGMs, else the mineral"},
    official_source: {type: "utf8", description: "The official act or publication"},
    official_url: {type: "utf8", description: "URL of the official source"},
    transcribed_from: {type: "utf8", description: "The page whose text was actually read, where it differs from the official source; null otherwise"},
    notes: {type: "utf8", description: "Compiler's note on the list; null if none"}
  },
  build(read) {
    return sortCriticalLists(parseCriticalLists(read(LISTS_FILE), LISTS_FILE).map((r) => r.row));
  }
});

import {parseReferenceValues, type ReferenceValue} from "../sources/mfa-reference-values.js";
import {defineTable} from "./define.js";

const FILE = "mfa/reference_values.csv";

export const mfaReferenceValuesTable = defineTable<ReferenceValue>({
  name: "mfa_reference_values",
  title: "Figures from other publications that the material-flow checks are weighed against",
  description:
    "Figures from official publications (USGS Mineral Commodity Summaries) that explain where a check of the material-flow model against the paper fails, each typed as printed with its publication, place and address.",
  sources: [
    {
      path: FILE,
      title: "USGS Mineral Commodity Summaries 2022 and 2023, lithium chapters",
      citation: "U.S. Geological Survey (2022, 2023). Mineral Commodity Summaries 2022; 2023. Lithium. Reston, VA: USGS.",
      licence: "U.S. Government work, public domain"
    }
  ],
  key: ["id"],
  minRows: 3,
  columns: {
    id: {type: "utf8", description: "Stable identifier"},
    system: {type: "utf8", description: "lithium or nickel"},
    quantity: {type: "utf8", description: "What the figure measures"},
    value: {type: "float64", unit: "see unit", description: "The figure as printed, in the unit"},
    unit: {type: "utf8", description: "kt Li, kt Ni or %"},
    year: {type: "int32", description: "Year the figure is for"},
    source: {type: "utf8", description: "Publication"},
    location: {type: "utf8", description: "Where in the publication"},
    url: {type: "utf8", description: "Address of the publication"},
    note: {type: "utf8", description: "How the figure was taken"}
  },
  build(read) {
    return parseReferenceValues(read(FILE), FILE);
  }
});

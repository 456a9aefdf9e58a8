import {parsePaperValues, type PaperValue} from "../sources/paper-values.js";
import {defineTable} from "./define.js";

export const PAPER_VALUES_FILE = "paper/paper_values.csv";

export const paperValuesTable = defineTable<PaperValue>({
  name: "paper_values",
  title: "Figures stated in the working paper",
  description:
    "Every figure the working paper states in its text (flows, shares, counts, tonnages), with the part of the paper it stands in and the paper's own hedge (about, around, up to), so that pages can set the paper's figure beside the site's own.",
  sources: [
    {
      path: PAPER_VALUES_FILE,
      title: "MINERS: Key Summary of Initial Results (discussion report, 1st stakeholder event, London, 29 January 2026)",
      citation: "Domenech, T., Liu, H., Aden, G. et al. (2026). MINERS: Key Summary of Initial Results. Working paper for discussion, University College London. Not for citation.",
      licence: "Figures transcribed as facts; the paper's text is not reproduced",
      edition: "January 2026"
    }
  ],
  key: ["id"],
  minRows: 62,
  columns: {
    id: {type: "utf8", description: "Stable identifier of the figure"},
    section: {type: "utf8", description: "Site section the figure belongs to"},
    location: {type: "utf8", description: "Where in the paper the figure stands"},
    quantity: {type: "utf8", description: "What the figure measures"},
    value: {type: "float64", unit: "see unit", description: "The figure as printed"},
    unit: {type: "utf8", description: "kt Li, kt Ni, % or count"},
    year: {type: "int32", description: "Reference year, where the paper gives one"},
    qualifier: {type: "utf8", description: "The paper's hedge: about, around, over, up to ..."},
    note: {type: "utf8", description: "Inconsistencies noticed in transcription"}
  },
  build(read) {
    return parsePaperValues(read(PAPER_VALUES_FILE), PAPER_VALUES_FILE).sort((a, b) => a.id.localeCompare(b.id));
  }
});

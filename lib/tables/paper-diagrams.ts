import {DIAGRAMS_FILE, parsePaperDiagrams, type PaperDiagramRow} from "../sources/paper-diagrams.js";
import {defineTable} from "./define.js";
import {PAPER_SOURCE} from "./framework-shocks.js";

/**
 * The paper's two diagrams as data: Figure 1 (its methodological approach: three pillars and what
 * each holds) and Figure 2 (the integrated assessment of nickel: four dimensions, three models,
 * five stages of one system boundary). The paper prints them as pictures; these rows hold what its
 * text says they show, in our words, each box linked to the page of the site that takes it up, as
 * lib/sources/paper-diagrams.ts reads them from data/sources/paper/diagrams.csv.
 */
export const paperDiagramsTable = defineTable<PaperDiagramRow>({
  name: "paper_diagrams",
  title: "The working paper's Figures 1 and 2 as data: the boxes of its two diagrams",
  description:
    "The boxes of the working paper's Figure 1 (MINERS methodological approach: its three pillars and what each holds) and Figure 2 " +
    "(the integrated assessment framework for nickel: four dimensions, three models and the five stages of a shared system boundary), " +
    "one row per box, as the paper's text describes them. The paper prints both as images; the rows carry no more than its text says, " +
    "and name the page of this site that takes each box up.",
  sources: [{...PAPER_SOURCE, path: DIAGRAMS_FILE, title: "MINERS: Key Summary of Initial Results, Figures 1 and 2, transcribed from the text around them"}],
  key: ["figure", "node"],
  minRows: 22,
  columns: {
    figure: {type: "int32", description: "The paper's figure: 1 or 2"},
    node: {type: "utf8", description: "Id of the box"},
    kind: {type: "utf8", description: "pillar or component (Figure 1); dimension, model or stage (Figure 2)"},
    label: {type: "utf8", description: "The box's text"},
    parent: {type: "utf8", description: "The pillar a component belongs to (Figure 1); null otherwise"},
    position: {type: "int32", description: "Order of the box among its kind (and parent)"},
    page: {type: "utf8", description: "The page of this site that takes the box up"},
    paper_text: {type: "utf8", description: "What the paper's text says of the box, in our words"}
  },
  build(read) {
    return parsePaperDiagrams(read(DIAGRAMS_FILE), DIAGRAMS_FILE).sort(
      (a, b) => a.figure - b.figure || a.kind.localeCompare(b.kind) || (a.parent ?? "").localeCompare(b.parent ?? "") || a.position - b.position
    );
  }
});

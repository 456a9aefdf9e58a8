import {z} from "zod";
import {parseCsv} from "./csv.js";
import {SourceError} from "./source-error.js";
import {number, oneOf, optionalText, text, validateRecords} from "./validate.js";

/**
 * The boxes of the working paper's two diagrams, Figure 1 (its methodological approach) and
 * Figure 2 (the integrated assessment of nickel), as data/sources/paper/diagrams.csv holds them:
 * one row per box, as the paper's text describes it, with the page of the site that takes it up.
 */

export const DIAGRAMS_FILE = "paper/diagrams.csv";

/** One box of one of the paper's two diagrams. */
export interface PaperDiagramRow {
  figure: number;
  node: string;
  kind: string;
  label: string;
  parent: string | null;
  position: number;
  page: string;
  paper_text: string;
}

const schema = z.object({
  figure: number({min: 1, max: 2, what: "the paper's figure, 1 or 2"}),
  node: text().pipe(z.string().regex(/^[a-z][a-z0-9_-]*$/, "a node id: lower-case letters, digits, - and _")),
  kind: oneOf(["pillar", "component", "dimension", "model", "stage"]),
  label: text(),
  parent: optionalText(),
  position: number({min: 1, max: 20, what: "a position from 1"}),
  page: oneOf(["resilience", "production", "mapping", "material-flows", "policy"]),
  paper_text: text()
});

/** Reads diagrams.csv: every component belongs to a pillar of Figure 1, and only a component has a parent. Rows in file order. */
export function parsePaperDiagrams(content: string, file: string): PaperDiagramRow[] {
  const rows = validateRecords(parseCsv(content, file, {required: Object.keys(schema.shape)}), schema);
  const ids = new Set(rows.filter(({row}) => row.figure === 1 && row.kind === "pillar").map(({row}) => row.node));
  for (const {line, row} of rows) {
    if (row.kind === "component" && (row.parent === null || !ids.has(row.parent))) throw new SourceError(file, line, "parent", row.parent, "a component belongs to a pillar of Figure 1");
    if (row.kind !== "component" && row.parent !== null) throw new SourceError(file, line, "parent", row.parent, "only a component has a parent");
  }
  return rows.map(({row}) => ({...row, figure: row.figure as number, position: row.position as number}));
}

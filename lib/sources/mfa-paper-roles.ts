/**
 * What each paper figure compared with the model is to the model (data/sources/mfa/paper_roles.csv):
 *   input        the figure is in the data the model is built from (a flow's source names it, or a
 *                default assumption is calibrated to a flow that does): agreement holds by
 *                construction and proves nothing;
 *   check        no flow's source names it: the model could disagree, so agreement is evidence;
 *   consistency  a ratio of inputs: it tests the paper's figures against each other, not the model.
 * The roles are typed by hand but checked against the flows, so an input can never be presented
 * as a check: a figure is an input exactly when some flow of its system names it in `source`.
 */

import {z} from "zod";
import {parseCsv} from "./csv.js";
import type {PaperValue} from "./paper-values.js";
import {SourceError} from "./source-error.js";
import {anyText, oneOf, text, validateRecords} from "./validate.js";
import type {MfaFlowRow} from "../material-flows/rows.js";

export const PAPER_ROLES = ["input", "check", "consistency"] as const;
export type PaperRole = (typeof PAPER_ROLES)[number];

export interface PaperRoleRow {
  system: string;
  paper_id: string;
  role: PaperRole;
  /** The flows whose source names the figure, comma-separated; null for checks. */
  used_by: string | null;
  note: string;
  source_file: string;
  source_line: number;
}

const schema = z.object({
  paper_id: text(),
  system: text(),
  role: oneOf(PAPER_ROLES),
  note: anyText()
});

/** The paper figure ids a flow's source names (an id, or an expression of ids). */
export function namedFigures(source: string, paperIds: ReadonlySet<string>): string[] {
  return (source.match(/[a-z][a-z0-9_]*/g) ?? []).filter((t) => paperIds.has(t));
}

/**
 * Reads paper_roles.csv and checks it against the paper's figures and the flows: every row has a
 * paper id, a system and a known role (the zod schema); then every row names a known figure and
 * system once; "input" exactly when a flow of the system names the figure; and every figure a flow
 * names has a row. Throws SourceError naming file, line, column and value.
 */
export function parsePaperRoles(text: string, file: string, {paper, flows}: {paper: readonly PaperValue[]; flows: readonly MfaFlowRow[]}): PaperRoleRow[] {
  const table = parseCsv(text, file, {required: ["paper_id", "system", "role", "note"]});
  const {records} = table;
  const ids = new Set(paper.map((p) => p.id));
  const systems = [...new Set(flows.map((f) => f.system))];
  const usedBy = new Map<string, string[]>();
  for (const f of flows) {
    for (const id of namedFigures(f.source, ids)) {
      const key = `${f.system}:${id}`;
      usedBy.set(key, [...(usedBy.get(key) ?? []), f.id]);
    }
  }
  const seen = new Set<string>();
  const rows = validateRecords(table, schema).map(({line, row: {paper_id: paperId, system, role, note}}) => {
    if (!ids.has(paperId)) throw new SourceError(file, line, "paper_id", paperId, "not an id of paper_values.csv");
    if (!systems.includes(system)) throw new SourceError(file, line, "system", system, `one of ${systems.join(", ")}`);
    const key = `${system}:${paperId}`;
    if (seen.has(key)) throw new SourceError(file, line, "paper_id", paperId, `given twice for ${system}`);
    seen.add(key);
    const users = usedBy.get(key) ?? [];
    if (role === "input" && !users.length) throw new SourceError(file, line, "role", role, `no ${system} flow names ${paperId} in its source, so it is not an input`);
    if (role !== "input" && users.length) throw new SourceError(file, line, "role", role, `the ${system} flows ${users.join(", ")} are built from ${paperId}: it is an input`);
    return {system, paper_id: paperId, role, used_by: users.length ? users.join(", ") : null, note, source_file: file, source_line: line};
  });
  for (const key of usedBy.keys()) {
    if (!seen.has(key)) {
      const [system, id] = key.split(":");
      throw new SourceError(file, records.length + 1, "paper_id", id!, `the ${system} flows ${usedBy.get(key)!.join(", ")} are built from it: give it a row with role input`);
    }
  }
  return rows;
}

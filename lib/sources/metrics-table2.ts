import {z} from "zod";
import {parseCsv} from "./csv.js";
import {position} from "./paper-rows.js";
import {SourceError} from "./source-error.js";
import {oneOf, text, validateRecords} from "./validate.js";

/**
 * Table 2 of the working paper, the metrics proposed to assess resilience grouped by the capacity
 * they measure, as data/sources/paper/metrics_table2.csv transcribes it (see paper/TABLES_1_2.md),
 * with the site's own id for each metric.
 */

export const METRICS_TABLE2_FILE = "paper/metrics_table2.csv";

/** The resilience capacities of Table 2, as printed, in the printed order. */
export const CAPACITIES = [
  "Anticipation (risk exposure)",
  "Absorption (robustness)",
  "Adaptation (flexibility)",
  "Recovery (bounce-back)",
  "System-level resilience"
] as const;

export type Capacity = (typeof CAPACITIES)[number];

/** One metric of the paper's Table 2. */
export interface ResilienceMetricRow {
  row_in_table: number;
  id: string;
  capacity: Capacity;
  metric: string;
  definition: string;
  indicators: string;
  literature: string;
}

const schema = z.object({
  row_in_table: position("a row number"),
  id: text().pipe(z.string().regex(/^[a-z][a-z0-9_]*$/, "ids are lower-case snake_case")),
  capacity: oneOf(CAPACITIES),
  metric: text(),
  definition: text(),
  indicators: text(),
  literature: text()
});

/**
 * Reads metrics_table2.csv: rows numbered 1..n in file order, ids unique, each capacity one of the
 * five printed ones and its rows together, capacities in the printed order.
 */
export function parseMetricsTable2(content: string, file: string): ResilienceMetricRow[] {
  const table = parseCsv(content, file, {required: ["row_in_table", "id", "capacity", "metric", "definition", "indicators", "literature"]});
  const ids = new Map<string, number>();
  let capacityIndex = 0;
  return validateRecords(table, schema).map(({line, row}, i) => {
    if (row.row_in_table !== i + 1) throw new SourceError(file, line, "row_in_table", String(row.row_in_table), `rows are numbered 1..n in order; expected ${i + 1}`);
    if (ids.has(row.id)) throw new SourceError(file, line, "id", row.id, `duplicate id: already on line ${ids.get(row.id)}`);
    ids.set(row.id, line);
    const c = CAPACITIES.indexOf(row.capacity);
    if (c < capacityIndex) throw new SourceError(file, line, "capacity", row.capacity, `capacities follow the printed order (${CAPACITIES.join(", ")}) with their rows together`);
    capacityIndex = c;
    return {...row};
  });
}

import {z} from "zod";
import {parseCsv} from "../sources/csv.js";
import {SourceError} from "../sources/source-error.js";
import {defineTable} from "./define.js";
import {oneOf, text, validateRecords} from "../sources/validate.js";
import {position} from "../sources/paper-rows.js";
import {PAPER_SOURCE} from "./framework-shocks.js";

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

export const resilienceMetricsTable = defineTable<ResilienceMetricRow>({
  name: "resilience_metrics",
  title: "Table 2 of the working paper: metrics proposed to assess resilience",
  description:
    "The paper's Table 2, twelve metrics from the supply-chain resilience and criticality literature grouped by the resilience capacity they measure (anticipation, absorption, adaptation, recovery, system level), each with its definition, example indicators and key literature, worded as printed. The printed table names each capacity once for its group of rows; here every row carries it. The id is the site's own, used to link each metric to its computation on the resilience page.",
  sources: [{...PAPER_SOURCE, path: METRICS_TABLE2_FILE, title: "MINERS: Key Summary of Initial Results, Table 2 (A summary of main proposed metrics to assess resilience)"}],
  key: ["row_in_table"],
  minRows: 12,
  columns: {
    row_in_table: {type: "int32", description: "Position of the row in the printed table (1-12)"},
    id: {type: "utf8", description: "The site's identifier of the metric (not printed in the paper)"},
    capacity: {type: "utf8", description: "Resilience capacity, as printed, e.g. Anticipation (risk exposure)"},
    metric: {type: "utf8", description: "Metric, as printed"},
    definition: {type: "utf8", description: "Definition, as printed"},
    indicators: {type: "utf8", description: "Example of indicators, as printed"},
    literature: {type: "utf8", description: "Key literature source(s), as printed"}
  },
  build(read) {
    return parseMetricsTable2(read(METRICS_TABLE2_FILE), METRICS_TABLE2_FILE).sort((a, b) => a.row_in_table - b.row_in_table);
  }
});

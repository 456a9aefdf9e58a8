import {METRICS_TABLE2_FILE, parseMetricsTable2, type ResilienceMetricRow} from "../sources/metrics-table2.js";
import {defineTable} from "./define.js";
import {PAPER_SOURCE} from "./framework-shocks.js";

/**
 * Table 2 of the working paper as a published table, resilience_metrics: the metrics that
 * lib/sources/metrics-table2.ts reads from data/sources/paper/metrics_table2.csv, in the printed order.
 */
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

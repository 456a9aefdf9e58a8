import {defineFigure, type FigureDefinition} from "./define.js";

/** Mine (and copper refinery) production by country in 2021, MCS 2023: the models' production rows. */
const PRODUCTION_2021 = `SELECT edition, commodity, stage, country, iso3, kind, year, value_t, status, unit
FROM production
WHERE edition = 'MCS2023' AND year = 2021
ORDER BY commodity, stage, kind, country`;

const USGS = "USGS, Mineral Commodity Summaries 2023 data release (doi:10.5066/P9WCYUI6)";

export const RESILIENCE_FIGURES: readonly FigureDefinition[] = [
  defineFigure({
    id: "fig-t1",
    number: "T1",
    section: "resilience",
    kind: "table",
    title: "Main types of shocks and the strategies that mitigate them",
    caption:
      "One row per shock, its strategies listed beside it. The printed cells run several strategies together; the table splits them where a new capitalised phrase begins, one row per shock and strategy.",
    source: "MINERS working paper, Table 1, as printed; table framework_shocks (transcription notes in data/sources/paper/TABLES_1_2.md).",
    sql: `SELECT shock_order, shock, strategy_order, strategy, in_source_list, note
FROM framework_shocks
ORDER BY shock_order, strategy_order`,
    tables: ["framework_shocks"]
  }),
  defineFigure({
    id: "fig-t2",
    number: "T2",
    section: "resilience",
    kind: "table",
    title: "Metrics proposed to assess resilience",
    caption: "The twelve metrics of the paper, grouped by the resilience capacity they measure. The last column, where each is computed on this page, is ours.",
    source: "MINERS working paper, Table 2, as printed; table resilience_metrics.",
    sql: `SELECT row_in_table, id, capacity, metric, definition, indicators, literature
FROM resilience_metrics
ORDER BY row_in_table`,
    tables: ["resilience_metrics"]
  }),
  defineFigure({
    id: "fig-s3",
    number: "S3",
    section: "resilience",
    title: "Recovery path of a supply shock",
    caption:
      "The share of world demand met each month while the outage lasts, and after supply is restored, under the scenario set above. The query gives the production rows the supply network is built from; the network is solved with HiGHS in your browser.",
    source: `${USGS}, 2021 production; table production. Model: lib/resilience/figure-models.ts shockRecovery (HiGHS linear programs of lib/resilience/recovery.ts).`,
    sql: PRODUCTION_2021,
    tables: ["production"],
    model: "lib/resilience/figure-models.ts#shockRecovery"
  }),
  defineFigure({
    id: "fig-s4",
    number: "S4",
    section: "resilience",
    title: "Percolation of the country-mineral network, 2021",
    caption:
      "The mean size of the largest connected component, as a share of the network, against the share of nodes removed: random failures, and targeted removal of the best-connected nodes first. Each producing country is linked to each mineral it mines (or, for copper, refines).",
    source: `${USGS}, 2021 production; table production. Model: lib/resilience/figure-models.ts percolationCurves (Newman-Ziff, lib/resilience/percolation.ts), seeded.`,
    sql: `SELECT commodity, stage, country, iso3, kind, value_t
FROM production
WHERE edition = 'MCS2023' AND year = 2021 AND kind = 'country' AND value_t > 0
ORDER BY commodity, stage, country`,
    tables: ["production"],
    model: "lib/resilience/figure-models.ts#percolationCurves"
  }),
  defineFigure({
    id: "fig-s5",
    number: "S5",
    section: "resilience",
    title: "Ranks of the composite resilience index under perturbed weights",
    caption:
      "For each mineral, the range of ranks it takes when every weight is multiplied by a random factor between 1 − a and 1 + a (1,000 trials, seed 1), the tick its median, the dot its rank under your weights. The query gives the model's inputs: 2021 production and MCS 2023 reserves by country, and the six WGI estimates of 2021 of every economy; the column source names each row's table.",
    source: `${USGS}, tables production and reserves; World Bank, Worldwide Governance Indicators, 2024 update, table governance. Model: lib/resilience/figure-models.ts compositeRanks (lib/resilience/mineral-metrics.ts, lib/resilience/composite.ts).`,
    sql: `SELECT 'production' AS source, edition, commodity, stage, country, iso3, kind, year, value_t,
  NULL::DOUBLE AS lower_bound_t, status, unit, NULL::VARCHAR AS indicator, NULL::DOUBLE AS estimate
FROM production
WHERE edition = 'MCS2023' AND year = 2021
UNION ALL
SELECT 'reserves', edition, commodity, NULL, country, iso3, kind, NULL, value_t,
  lower_bound_t, status, unit, NULL, NULL
FROM reserves
WHERE edition = 'MCS2023'
UNION ALL
SELECT 'governance', NULL, NULL, NULL, country, iso3, NULL, year, NULL,
  NULL, NULL, NULL, indicator, estimate
FROM governance
WHERE year = 2021 AND iso3 IS NOT NULL
ORDER BY source, commodity, stage, kind, country, iso3, indicator`,
    tables: ["production", "reserves", "governance"],
    model: "lib/resilience/figure-models.ts#compositeRanks"
  })
];

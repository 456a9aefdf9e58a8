import {defineFigure, type FigureDefinition} from "./define.js";

/** Mine (and copper refinery) production by country in 2021, MCS 2023: the models' production rows. */
const PRODUCTION_2021 = `SELECT edition, commodity, stage, country, iso3, kind, year, value_t, status, unit
FROM production
WHERE edition = 'MCS2023' AND year = 2021
ORDER BY commodity, stage, kind, country`;

const USGS = "USGS, Mineral Commodity Summaries 2023 data release (doi:10.5066/P9WCYUI6)";

const IEA = "IEA, Critical Minerals Data Explorer 2025 (CC BY 4.0), tables iea_supply and iea_supply_checks";

/** The IEA's supply by country with its block's stated total: the rows of the two-tier models. */
const IEA_SUPPLY = `SELECT 'supply' AS source, s.mineral, s.tier, s.year, s.country, s.iso3, s.kind, s.value_kt, c.total_kt`;

/** The IEA rows and the Comtrade export rows the two-tier network reads (lib/resilience/tier-models.ts). */
const TWO_TIER_SQL = `${IEA_SUPPLY},
  NULL::VARCHAR AS hs_code, NULL::VARCHAR AS partner_iso3, NULL::DOUBLE AS net_weight_kg
FROM iea_supply s JOIN iea_supply_checks c USING (mineral, tier, year)
UNION ALL
SELECT 'trade', commodity, 'mining', year, reporter_name, reporter_iso3, NULL, NULL, NULL,
  hs_code, partner_iso3, net_weight_kg
FROM trade
WHERE flow = 'export' AND partner_iso3 IS NOT NULL AND hs_code = '253090'
ORDER BY source, mineral, tier, year, country, partner_iso3`;

export const RESILIENCE_FIGURES: readonly FigureDefinition[] = [
  defineFigure({
    id: "fig-1",
    number: "1",
    section: "resilience",
    title: "The MINERS methodological approach: three pillars",
    caption:
      "The project's three methodological pillars and what each holds, as the paper's text describes them; each box links to the page of this site that takes it up. The paper prints this figure as a picture; this one is drawn from the table paper_diagrams and holds no more than the text says.",
    source: "The working paper's Figure 1 and the text around it, transcribed as table paper_diagrams (data/sources/paper/diagrams.csv).",
    sql: `SELECT node, kind, label, parent, position, page
FROM paper_diagrams
WHERE figure = 1
ORDER BY kind, parent NULLS FIRST, position, node`,
    tables: ["paper_diagrams"],
    model: "lib/reader/diagrams.ts#approachBoxes"
  }),
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
    id: "fig-s17",
    number: "S17",
    section: "resilience",
    kind: "table",
    title: "Do the IEA's country rows add up to its totals?",
    caption:
      "Each block of the IEA's supply sheet (a mineral, a tier, a year) against its stated total. Where the rows exceed the total, the excess is the value of one named country that Rest of world also holds: the site keeps the stated total and counts as unsplit only what the named countries leave.",
    source: `${IEA}. Check: lib/sources/iea-explorer.ts checkBlock.`,
    sql: `SELECT mineral, tier, year, unit, total_kt, rows_sum_kt, difference_kt, status, counted_twice,
  rest_of_world_kt, rest_of_world_net_kt, top3_share_stated, top3_share_recomputed, choice
FROM iea_supply_checks
ORDER BY mineral, tier, year`,
    tables: ["iea_supply_checks"]
  }),
  defineFigure({
    id: "fig-s18",
    number: "S18",
    section: "resilience",
    title: "Concentration of mining and refining in 2024, six minerals",
    caption:
      "The Herfindahl-Hirschman index of each tier, as a range: from the rest of the world spread over many small suppliers (left end) to the rest as one supplier (right end). The query gives the IEA's 2024 rows with their totals, and the 2023 WGI of the countries named, for the governance-weighted HHI in the table.",
    source: `${IEA}; World Bank, Worldwide Governance Indicators, 2024 update, table governance. Model: lib/resilience/tier-models.ts tierConcentration (lib/resilience/tiers.ts).`,
    sql: `${IEA_SUPPLY},
  NULL::VARCHAR AS indicator, NULL::DOUBLE AS estimate
FROM iea_supply s JOIN iea_supply_checks c USING (mineral, tier, year)
WHERE s.year = 2024
UNION ALL
SELECT 'governance', NULL, NULL, year, country, iso3, NULL, NULL, NULL, indicator, estimate
FROM governance
WHERE year = 2023 AND iso3 IN (SELECT iso3 FROM iea_supply WHERE year = 2024)
ORDER BY source, mineral, tier, country, iso3, indicator`,
    tables: ["iea_supply", "iea_supply_checks", "governance"],
    model: "lib/resilience/tier-models.ts#tierConcentration"
  }),
  defineFigure({
    id: "fig-s19",
    number: "S19",
    section: "resilience",
    title: "Concentration of mining and refining from 2020 to 2040",
    caption:
      "The HHI range of each tier in the IEA's 2024 estimate and its base case for 2030, 2035 and 2040 (bands), with the USGS's mine production of 2020-2023 (grey bars, each year from the latest MCS edition that gives it). The USGS's rare earths (all rare-earth oxides) are not the IEA's magnet rare earths, so they are left out.",
    source: `${IEA}; USGS, Mineral Commodity Summaries 2022-2024 data releases, table production. Model: lib/resilience/tier-models.ts tierTrajectories.`,
    sql: `${IEA_SUPPLY},
  NULL::VARCHAR AS edition
FROM iea_supply s JOIN iea_supply_checks c USING (mineral, tier, year)
UNION ALL
SELECT 'usgs', p.commodity, 'mining', p.year, p.country, p.iso3, p.kind, p.value_t / 1000, NULL, p.edition
FROM production p
WHERE p.stage = 'mine' AND p.commodity IN ('cobalt', 'copper', 'graphite', 'lithium', 'nickel')
  AND p.edition = (SELECT max(q.edition) FROM production q WHERE q.year = p.year AND q.commodity = p.commodity AND q.stage = p.stage)
ORDER BY source, mineral, tier, year, kind, country`,
    tables: ["iea_supply", "iea_supply_checks", "production"],
    model: "lib/resilience/tier-models.ts#tierTrajectories"
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
    id: "fig-s20",
    number: "S20",
    section: "resilience",
    title: "Recovery path of a shock on two tiers",
    caption:
      "The share of world demand for refined metal met each month under the scenario set in the explorer, on the mine-to-refinery network of the IEA's year, with links allocated by the rule chosen (an assumption). The query gives the IEA's rows and the Comtrade exports the rule can use; HiGHS solves the network in your browser.",
    source: `${IEA}; UN Comtrade extracts, table trade. Model: lib/resilience/tier-models.ts twoTierShock (lib/resilience/two-tier.ts, HiGHS linear programs of lib/resilience/recovery.ts).`,
    sql: TWO_TIER_SQL,
    tables: ["iea_supply", "iea_supply_checks", "trade"],
    model: "lib/resilience/tier-models.ts#twoTierShock"
  }),
  defineFigure({
    id: "fig-s21",
    number: "S21",
    section: "resilience",
    title: "Time to survive of two outages, 2024 to 2040",
    caption:
      "The time to survive (HiGHS) of an outage of China's lithium refining and of Indonesia's nickel mining, and of the explorer's own scenario, in each of the IEA's years, under the explorer's share lost, stockpile, spare capacity and allocation rule. An open circle at the top: the buffers cover the loss for as long as it lasts.",
    source: `${IEA}; UN Comtrade extracts, table trade. Model: lib/resilience/tier-models.ts scenarioYears.`,
    sql: TWO_TIER_SQL,
    tables: ["iea_supply", "iea_supply_checks", "trade"],
    model: "lib/resilience/tier-models.ts#scenarioYears"
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
    id: "fig-s22",
    number: "S22",
    section: "resilience",
    title: "Percolation of the mine-to-refinery network of six minerals",
    caption:
      "The mean size of the largest connected component against the share of nodes removed, for the network whose nodes are countries as miners and as refiners and whose links are the mine-to-refinery flows of the six minerals under the explorer's rule and year (2024 while the explorer shows 2021).",
    source: `${IEA}; UN Comtrade extracts, table trade. Model: lib/resilience/tier-models.ts tierPercolation (lib/resilience/percolation.ts), seeded.`,
    sql: TWO_TIER_SQL,
    tables: ["iea_supply", "iea_supply_checks", "trade"],
    model: "lib/resilience/tier-models.ts#tierPercolation"
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

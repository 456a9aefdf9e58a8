import {defineFigure} from "./define.js";

/**
 * One system's processes, then its flows in the order of their source file, as the model reads
 * them (lib/material-flows/figure-rows.ts): row_kind says which, and the columns are those of
 * mfa_processes and mfa_flows by name. `paperIds` adds the paper's figures the chart sets beside
 * the model's. To try another value, edit a flow's row, e.g. replace `value` in the flows' SELECT
 * by `CASE id WHEN '...' THEN 60 ELSE value END`.
 */
const systemRows = (system: "lithium" | "nickel", example: string, paperIds: readonly string[] = [], more = "") => `-- The ${system} system of 2021 as the model reads it: its processes, then its flows.
-- Edit a flow and Run to redraw, e.g. in the flows' SELECT write
--   CASE id WHEN '${example}' THEN value * 1.2 ELSE value END AS value
SELECT 'process' AS row_kind, system, id, label, stage, stage_name, state, boundary, stock, residual, note
FROM mfa_processes
WHERE system = '${system}'
UNION ALL BY NAME
SELECT 'flow' AS row_kind, system, id, from_process, to_process, value, unit, year, method, source,
  uncertainty_class, relative_sd, model, note, source_file, source_line
FROM mfa_flows
WHERE system = '${system}'${
  paperIds.length
    ? `
UNION ALL BY NAME
SELECT 'paper' AS row_kind, '${system}' AS system, id, quantity AS label, value, unit, year, location AS note
FROM paper_values
WHERE id IN (${paperIds.map((id) => `'${id}'`).join(", ")})`
    : ""
}${more}
ORDER BY row_kind DESC, stage, source_line, id, year`;

const SOURCE = "The working paper's figures (table paper_values) and USGS MCS 2023 mine production, compiled as tables mfa_flows and mfa_processes (data/sources/mfa/)";

export const MATERIAL_FLOWS_FIGURES = [
  defineFigure({
    id: "fig-2",
    number: "2",
    section: "material-flows",
    title: "The integrated assessment framework for nickel",
    caption:
      "The paper's frame for assessing the sustainability of nickel: three models over one system boundary of five stages, material flow analysis for the physical flows and stocks, value chain analysis for the money that goes with them, life cycle assessment for the environmental impacts, weighing four dimensions. Drawn from the table paper_diagrams, with no more than the paper's text says; this page builds the MFA band.",
    source: "The working paper's Figure 2 and the text around it, transcribed as table paper_diagrams (data/sources/paper/diagrams.csv).",
    sql: `SELECT node, kind, label, parent, position, page
FROM paper_diagrams
WHERE figure = 2
ORDER BY kind, position, node`,
    tables: ["paper_diagrams"],
    model: "lib/reader/diagrams.ts#assessmentBoxes"
  }),
  defineFigure({
    id: "fig-5",
    number: "5",
    section: "material-flows",
    kind: "sankey",
    title: "Global lithium flows, 2021 (kt Li), reconciled",
    caption:
      "Flows are as wide as their value; the pale band around each adds one standard deviation, and hovering shows the value, its 95 % interval and its source. A tick over a process means it balances; dashed boxes are stock changes and the two ends of the recycling loop, which returns to refining in China. Flows without a value in the data are derived by reconciliation; end of life, collection and recovery follow the assumptions above. The five \"EVs sold\" flows split the paper's 31.2 kt in EVs by each region's share of electric-car sales in 2021: our estimate (class C).",
    source: `${SOURCE}; the paper's Figure 5 discussion; electric-car sales by region from the IEA Global EV Data Explorer 2024 (table iea_ev_sales, CC BY 4.0), our estimate. Reconciled in your browser by lib/material-flows.`,
    sql: systemRows("lithium", "li_mined_aus"),
    tables: ["mfa_processes", "mfa_flows"],
    model: "lib/material-flows/figure-rows.ts#buildSystem",
    paper: ["li_mine_aus_2021", "li_mine_share_aus_2021", "li_mine_share_chl_2021", "li_eol_ev_2021", "li_recycled_share_2021"]
  }),
  defineFigure({
    id: "fig-6",
    number: "6",
    section: "material-flows",
    kind: "sankey",
    title: "Global nickel flows, 2021 (kt Ni), reconciled",
    caption:
      "Drawn as Figure 5. Recycled scrap loops back to first-use fabrication; nickel mined and recycled but not placed in first use is a stock change at fabrication.",
    source: `${SOURCE}; the paper's Figure 4 and Figure 6 discussions. Reconciled in your browser by lib/material-flows.`,
    sql: systemRows("nickel", "ni_mined_idn"),
    tables: ["mfa_processes", "mfa_flows"],
    model: "lib/material-flows/figure-rows.ts#buildSystem",
    paper: ["ni_first_use_2021", "ni_scrap_input_share_2021", "ni_recycled_scrap_2021", "ni_recycled_share_of_waste_2021"]
  }),
  defineFigure({
    id: "fig-s26",
    number: "S26",
    section: "material-flows",
    title: "Nickel's refining stage by country: the paper's NPI and ferronickel of 2021 beside the IEA's refined nickel of 2024 (kt Ni)",
    caption:
      "Above, the paper's NPI and ferronickel output of 2021 by country (the rest of the world is its 1,672 kt total less Indonesia and China); below, all refined nickel in 2024 by the IEA's estimate, the rest of the world being its stated total less the countries it names. Each bar is labelled with its share of its own total. The two differ in year and in scope (one product against all products), so they test the paper's ranking and concentration, not its tonnages.",
    source:
      "The working paper's Figure 4 discussion (table paper_values); International Energy Agency (2025), Critical Minerals Data Explorer, CC BY 4.0 (tables iea_supply and iea_supply_checks).",
    sql: `-- Long form: one row per source and country, with the source's total.
WITH paper AS (
  SELECT max(value) FILTER (WHERE id = 'ni_ferronickel_2021') AS total,
         max(value) FILTER (WHERE id = 'ni_npi_feni_idn_2021') AS idn,
         max(value) FILTER (WHERE id = 'ni_intermediates_chn_2021') AS chn
  FROM paper_values
), iea AS (
  SELECT max(b.value_kt) FILTER (WHERE b.iso3 = 'IDN') AS idn,
         max(b.value_kt) FILTER (WHERE b.iso3 = 'CHN') AS chn,
         max(c.total_kt) AS total
  FROM iea_supply b
  JOIN iea_supply_checks c ON c.mineral = b.mineral AND c.tier = b.tier AND c.year = b.year
  WHERE b.mineral = 'nickel' AND b.tier = 'refining' AND b.year = 2024
)
SELECT * FROM (
  SELECT 'paper' AS source, 2021 AS year, 'NPI and ferronickel' AS scope, 'Indonesia' AS country, 1 AS position, idn AS value_kt, total AS total_kt FROM paper
  UNION ALL SELECT 'paper', 2021, 'NPI and ferronickel', 'China', 2, chn, total FROM paper
  UNION ALL SELECT 'paper', 2021, 'NPI and ferronickel', 'Rest of world', 3, total - idn - chn, total FROM paper
  UNION ALL SELECT 'IEA', 2024, 'all refined nickel', 'Indonesia', 1, idn, total FROM iea
  UNION ALL SELECT 'IEA', 2024, 'all refined nickel', 'China', 2, chn, total FROM iea
  UNION ALL SELECT 'IEA', 2024, 'all refined nickel', 'Rest of world', 3, total - idn - chn, total FROM iea
)
ORDER BY source DESC, position`,
    tables: ["paper_values", "iea_supply", "iea_supply_checks"],
    model: "lib/material-flows/refining-check.ts#refiningShares",
    paper: ["ni_ferronickel_2021", "ni_npi_feni_idn_2021", "ni_intermediates_chn_2021"]
  }),
  defineFigure({
    id: "fig-8",
    number: "8",
    section: "material-flows",
    title: "Main routes of nickel mining and refining",
    caption:
      "From ore type through the main process and intermediate to product and first use. The links are not to scale: no public source splits 2021 output by route, so every link has the same width and is dashed. Where the paper gives a product's 2021 output or a first use's share, the node says so (kt Ni, from the 2021 model's sources); NPI and ferronickel share one figure, 1,672 kt, whatever their route. Hover a link for the routes it carries.",
    source:
      "Compiled as table nickel_routes from Crundwell et al. (2011), Extractive Metallurgy of Nickel, Cobalt and Platinum Group Metals, and IEA (2021), The Role of Critical Minerals in Clean Energy Transitions; tonnages from the working paper (table paper_values).",
    sql: `SELECT r.route, r.ore, r.process, r.intermediate, r.product, r.first_use,
  p.value AS product_kt,
  round(u.value / 100 * f.value, 2) AS first_use_kt,
  r.source, r.note
FROM nickel_routes r
LEFT JOIN paper_values p ON p.id = r.product_paper_id
LEFT JOIN paper_values u ON u.id = r.first_use_paper_id
LEFT JOIN paper_values f ON f.id = 'ni_first_use_2021'
ORDER BY r.route`,
    tables: ["nickel_routes", "paper_values"],
    model: "lib/material-flows/routes.ts#routeGraph",
    paper: ["ni_ferronickel_2021", "ni_metal_2021", "ni_recycled_scrap_2021"]
  }),
  defineFigure({
    id: "fig-s10",
    number: "S10",
    section: "material-flows",
    title: "Lithium in EV batteries: assumed inflow into use and end of life, 2000-2021 (kt Li)",
    caption:
      "The inflow history and the lifetimes are assumptions, not data: the inflow grows at a constant rate up to the paper's 2021 value. The outflow is the dynamic stock model's end of life; the paper's end-of-life figure for 2021 is the red diamond.",
    source: `${SOURCE}. Dynamic stock model lib/mfa/dynamic-stock.ts, run in your browser.`,
    sql: systemRows("lithium", "li_mined_aus", ["li_eol_ev_2021"]),
    tables: ["mfa_processes", "mfa_flows", "paper_values"],
    model: "lib/material-flows/figure-rows.ts#endOfLifeSeries",
    paper: ["li_eol_ev_2021"]
  }),
  defineFigure({
    id: "fig-s27",
    number: "S27",
    section: "material-flows",
    title: "Lithium in EV batteries: the assumed inflow history against the IEA's electric-car sales, 2000-2021 (kt Li)",
    caption:
      "Grey: the inflow into use that Figure S10 assumes, growing at a constant rate to the paper's 31.2 kt of 2021, and its end of life (dashed). Green: the same 2021 inflow spread back over the years by the IEA's count of electric cars sold worldwide (battery-electric and plug-in hybrid), our estimate, holding the lithium per car constant, and its end of life with the same lifetime (dashed). The red diamond is the paper's end of life of 2021.",
    source:
      "IEA Global EV Data Explorer 2024, electric-car sales (table iea_ev_sales, CC BY 4.0); the 2021 lithium system of tables mfa_flows and mfa_processes and the paper's figures (paper_values). Dynamic stock model lib/mfa/dynamic-stock.ts, run in your browser.",
    sql: systemRows(
      "lithium",
      "li_mined_aus",
      ["li_eol_ev_2021"],
      `
UNION ALL BY NAME
-- The IEA's electric-car sales, world, battery-electric and plug-in hybrid, by year to 2021.
SELECT 'iea_cars' AS row_kind, 'lithium' AS system, CAST(year AS INTEGER) AS year, sum(vehicles) AS value, 'cars' AS unit
FROM iea_ev_sales
WHERE region = 'World' AND powertrain IN ('BEV', 'PHEV') AND year <= 2021
GROUP BY year`
    ),
    tables: ["mfa_processes", "mfa_flows", "paper_values", "iea_ev_sales"],
    model: "lib/material-flows/ev-history.ts#evHistoryCheck",
    paper: ["li_ev_2021", "li_eol_ev_2021"]
  }),
  defineFigure({
    id: "fig-s11",
    number: "S11",
    section: "material-flows",
    title: "Nickel in products: assumed inflow into use and end of life, 1950-2021 (kt Ni)",
    caption:
      "The inflow history and the lifetimes are assumptions, not data: the inflow grows at a constant rate up to the paper's 2021 first use, through its end-use shares. The outflow is the dynamic stock model's end of life; the paper's end-of-life waste implied by its recycled scrap and recycling share is the red diamond.",
    source: `${SOURCE}. Dynamic stock model lib/mfa/dynamic-stock.ts, run in your browser.`,
    sql: systemRows("nickel", "ni_mined_idn", ["ni_recycled_scrap_2021", "ni_recycled_share_of_waste_2021"]),
    tables: ["mfa_processes", "mfa_flows", "paper_values"],
    model: "lib/material-flows/figure-rows.ts#endOfLifeSeries",
    paper: ["ni_recycled_scrap_2021", "ni_recycled_share_of_waste_2021"]
  }),
  defineFigure({
    id: "fig-s24",
    number: "S24",
    section: "material-flows",
    title: "End-of-life flows and recycled supply to 2050, by IEA scenario (kt Li, kt Ni)",
    caption:
      "Inflow into use (green) follows the IEA's demand (for lithium, electric vehicles; for nickel, total demand): the dots are the IEA's own values for 2024 and the scenarios' 2030-2050, the lines between them are interpolated linearly, and so are 2022 and 2023 between the paper's 2021 inflow and the IEA's 2024; before 2021 the inflow is the growth assumption of Figures S10 and S11. End of life (grey) is the dynamic stock model's outflow with your lifetime; recycled supply (blue) is it times your collection rate and recovery efficiency, with the 5-95 % band of a seeded Monte Carlo over the lifetime, collection and recovery (lifetime mean lognormal with a 20 % sd, its sd 0.5-1.5 times yours, the two rates triangular within 10 points of yours). The red diamond is the paper's end of life of 2021.",
    source:
      "IEA Critical Minerals Data Explorer 2025, demand by scenario (table iea_demand, CC BY 4.0); the 2021 systems of tables mfa_flows and mfa_processes and the paper's figures (paper_values). Dynamic stock model lib/mfa/dynamic-stock.ts and Monte Carlo run in your browser.",
    sql: scenarioRowsSql(),
    tables: ["iea_demand", "mfa_processes", "mfa_flows", "paper_values"],
    model: "lib/material-flows/scenarios.ts#scenarioSeries",
    paper: ["li_eol_ev_2021", "ni_recycled_scrap_2021", "ni_recycled_share_of_waste_2021"]
  }),
  defineFigure({
    id: "fig-s25",
    number: "S25",
    section: "material-flows",
    title: "Recycled supply as a share of demand to 2050, by IEA scenario",
    caption:
      "The recycled supply of Figure S24 over the IEA's total demand for the mineral in the same year and scenario (all uses), from 2024, the IEA's first year; total demand between the IEA's years is interpolated linearly, as the inflow is. For lithium only EV batteries return metal in the model, so the share is what they alone could supply. The band is the Monte Carlo's 5-95 % over the lifetime, collection and recovery; the IEA's demand is not varied: the three scenarios are its range.",
    source:
      "IEA Critical Minerals Data Explorer 2025, demand by scenario (table iea_demand, CC BY 4.0); the 2021 systems of tables mfa_flows and mfa_processes and the paper's figures (paper_values). Computed in your browser by lib/material-flows/scenarios.ts.",
    sql: scenarioRowsSql(),
    tables: ["iea_demand", "mfa_processes", "mfa_flows", "paper_values"],
    model: "lib/material-flows/scenarios.ts#scenarioSeries",
    paper: ["li_eol_ev_2021", "ni_recycled_scrap_2021", "ni_recycled_share_of_waste_2021"]
  })
];

/**
 * The rows of the scenario figures (S24, S25) as lib/material-flows/scenarios.ts reads them: the
 * IEA's demand that the in-use stocks follow and total demand (row_kind 'demand', the IEA's own years
 * only), then both systems' processes, flows and the paper's end-of-life figures as Figures S10 and
 * S11 read them. A function declaration, so that the figures above can use it.
 */
function scenarioRowsSql(): string {
  return `-- The IEA's demand by scenario (only its own years: 2024 'reported', then 2030-2050), and both
-- 2021 systems as the model reads them. The model interpolates between the IEA's years itself.
-- Try another path, e.g. NZE lithium for EVs at 1,200 kt in 2050:
--   CASE WHEN mineral = 'lithium' AND scenario = 'NZE' AND year = 2050 AND sector = 'Electric vehicles' THEN 1200 ELSE value_kt END
SELECT 'demand' AS row_kind, mineral AS system, sector AS id, scenario, year, value_kt AS value, unit, basis AS note
FROM iea_demand
WHERE (mineral = 'lithium' AND sector IN ('Electric vehicles', 'Total demand'))
   OR (mineral = 'nickel' AND sector = 'Total demand')
UNION ALL BY NAME
SELECT 'process' AS row_kind, system, id, label, stage, stage_name, state, boundary, stock, residual, note
FROM mfa_processes
WHERE system IN ('lithium', 'nickel')
UNION ALL BY NAME
SELECT 'flow' AS row_kind, system, id, from_process, to_process, value, unit, year, method, source,
  uncertainty_class, relative_sd, model, note, source_file, source_line
FROM mfa_flows
WHERE system IN ('lithium', 'nickel')
UNION ALL BY NAME
SELECT 'paper' AS row_kind, CASE WHEN starts_with(id, 'li_') THEN 'lithium' ELSE 'nickel' END AS system,
  id, quantity AS label, value, unit, year, location AS note
FROM paper_values
WHERE id IN ('li_eol_ev_2021', 'ni_recycled_scrap_2021', 'ni_recycled_share_of_waste_2021')
ORDER BY row_kind DESC, system, stage NULLS FIRST, source_line NULLS FIRST, id, scenario NULLS FIRST, year NULLS FIRST`;
}

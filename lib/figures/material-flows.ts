import {defineFigure} from "./define.js";

/**
 * One system's processes, then its flows in the order of their source file, as the model reads
 * them (lib/material-flows/figure-rows.ts): row_kind says which, and the columns are those of
 * mfa_processes and mfa_flows by name. `paperIds` adds the paper's figures the chart sets beside
 * the model's. To try another value, edit a flow's row, e.g. replace `value` in the flows' SELECT
 * by `CASE id WHEN '...' THEN 60 ELSE value END`.
 */
const systemRows = (system: "lithium" | "nickel", example: string, paperIds: readonly string[] = []) => `-- The ${system} system of 2021 as the model reads it: its processes, then its flows.
-- Edit a flow and Run to redraw, e.g. in the flows' SELECT write
--   CASE id WHEN '${example}' THEN value * 1.2 ELSE value END AS value
SELECT 'process' AS row_kind, system, id, label, stage, stage_name, state, boundary, stock, note
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
}
ORDER BY row_kind DESC, stage, source_line, id`;

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
      "Flows are as wide as their value; the pale band around each adds one standard deviation, and hovering shows the value, its 95 % interval and its source. A tick over a process means it balances; dashed boxes are stock changes and the two ends of the recycling loop, which returns to refining in China. Flows without a value in the data are derived by reconciliation; end of life, collection and recovery follow the assumptions above.",
    source: `${SOURCE}; the paper's Figure 5 discussion. Reconciled in your browser by lib/material-flows.`,
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
  })
];

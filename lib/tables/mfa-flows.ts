import {parsePaperValues} from "../sources/paper-values.js";
import type {MfaFlowRow} from "../material-flows/rows.js";
import {MFA_PROCESSES_FILE, MFA_SYSTEM_FILES, parseMfaFlows, parseMfaProcesses} from "../sources/mfa.js";
import {defineTable} from "./define.js";
import {MFA_SOURCE} from "./mfa-processes.js";
import {paperValuesTable} from "./paper-values.js";
import {productionTable} from "./production.js";
import {evSalesShares, IEA_EV_FILE, parseIeaEvSales} from "../sources/iea-ev.js";
import {IEA_EV_SOURCE} from "./iea-ev-sales.js";

const PAPER_FILE = "paper/paper_values.csv";

export const mfaFlowsTable = defineTable<MfaFlowRow>({
  name: "mfa_flows",
  title: "Flows of the lithium and nickel material-flow systems, 2021",
  description:
    "Every flow of the site's global lithium (kt Li) and nickel (kt Ni) material-flow systems of 2021, after the paper's Figures 5 and 6, with where its value comes from: a figure the paper states, a share the paper states applied to a total it states, or a USGS MCS 2023 mine-production row. Flows no source gives have no value and are derived by reconciliation in the page; flows the reader's assumptions recompute (end of life, collection, recovery) are marked by their model role. Each value carries an uncertainty class (A 5 %, B 15 %, C 30 % relative standard deviation).",
  sources: [MFA_SOURCE, ...paperValuesTable.sources, ...productionTable.sources.filter((s) => s.edition === "MCS2023"), IEA_EV_SOURCE],
  key: ["id"],
  minRows: 56,
  columns: {
    system: {type: "utf8", description: "lithium or nickel"},
    id: {type: "utf8", description: "Flow id"},
    from_process: {type: "utf8", description: "Process the flow leaves (mfa_processes.id)"},
    to_process: {type: "utf8", description: "Process the flow enters (mfa_processes.id)"},
    value: {type: "float64", unit: "kt (see unit)", description: "Data value; null where no source gives one (derived by reconciliation or computed by the model)"},
    unit: {type: "utf8", description: "kt Li or kt Ni"},
    year: {type: "int32", description: "Year of the flow"},
    method: {type: "utf8", description: "paper, usgs, paper shares (a stated share times a stated total), estimate (a paper total split by another source's shares; ours), derived (by reconciliation) or model (from the reader's assumptions)"},
    source: {type: "utf8", description: "Paper figure id (paper_values.id), expression of them, USGS row, 'derived' or the assumption"},
    uncertainty_class: {type: "utf8", description: "A, B or C; null for derived and model flows"},
    relative_sd: {type: "float64", unit: "share of value", description: "One standard deviation as a share of the value, from the class"},
    model: {type: "utf8", description: "end_of_life, collection or recovery where the model recomputes the flow from the reader's assumptions"},
    note: {type: "utf8", description: "How the value was taken"},
    source_file: {type: "utf8", description: "Source file under data/sources/"},
    source_line: {type: "int32", description: "Line of the source file"}
  },
  build(read) {
    const processes = parseMfaProcesses(read(MFA_PROCESSES_FILE), MFA_PROCESSES_FILE);
    const paper = parsePaperValues(read(PAPER_FILE), PAPER_FILE);
    const production = productionTable.build(read);
    // The regional split of lithium in EVs: the IEA's shares of electric-car sales in 2021.
    const figures = evSalesShares(parseIeaEvSales(read(IEA_EV_FILE), IEA_EV_FILE), 2021);
    return MFA_SYSTEM_FILES.flatMap((s) => parseMfaFlows(read(s.file), s.file, s, {processes, paper, production, figures}));
  }
});

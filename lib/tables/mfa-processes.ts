import type {MfaProcessRow} from "../material-flows/rows.js";
import {MFA_PROCESSES_FILE, parseMfaProcesses} from "../sources/mfa.js";
import {defineTable} from "./define.js";

export const MFA_SOURCE = {
  path: "mfa/",
  title: "Global lithium and nickel material-flow systems of 2021, compiled from the working paper and USGS MCS 2023",
  citation:
    "Compiled for this project (data/sources/mfa/README.md) from the figures stated in Domenech, T., Liu, H., Aden, G. et al. (2026), MINERS: Key Summary of Initial Results (working paper, UCL, not for citation), and the USGS Mineral Commodity Summaries 2023 data release (doi:10.5066/P9WCYUI6).",
  licence: "Figures as facts from their sources; compilation MIT"
};

export const mfaProcessesTable = defineTable<MfaProcessRow>({
  name: "mfa_processes",
  title: "Processes of the lithium and nickel material-flow systems, 2021",
  description:
    "The processes (nodes) of the site's global lithium and nickel material-flow systems of 2021, after the paper's Figures 5 and 6: their stage from mining to end of life, the state of the material they handle, whether they lie outside the system boundary (sources and sinks, with no mass balance), and whether they hold a stock.",
  sources: [MFA_SOURCE],
  key: ["id"],
  minRows: 46,
  columns: {
    system: {type: "utf8", description: "lithium or nickel"},
    id: {type: "utf8", description: "Process id"},
    label: {type: "utf8", description: "Process name"},
    stage: {type: "int32", description: "Column of the process, left to right (0 = mining)"},
    stage_name: {type: "utf8", description: "The paper's stage: mining, refining, manufacturing, use or end of life"},
    state: {type: "utf8", description: "State of the material the process handles, e.g. chemicals, in use"},
    boundary: {type: "bool", description: "True for sources and sinks outside the system boundary (no balance)"},
    stock: {type: "bool", description: "True if the process holds a stock whose change is derived by reconciliation"},
    residual: {type: "bool", description: "True for a balancing remainder with no source of its own, drawn as unallocated"},
    note: {type: "utf8", description: "What the process stands for and why it is drawn so"}
  },
  build(read) {
    return parseMfaProcesses(read(MFA_PROCESSES_FILE), MFA_PROCESSES_FILE);
  }
});

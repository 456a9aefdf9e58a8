import {parsePaperRoles, type PaperRoleRow} from "../sources/mfa-paper-roles.js";
import {defineTable} from "./define.js";
import {mfaFlowsTable} from "./mfa-flows.js";
import {MFA_SOURCE} from "./mfa-processes.js";
import {PAPER_VALUES_FILE, paperValuesTable} from "./paper-values.js";
import {parsePaperValues} from "../sources/paper-values.js";

const FILE = "mfa/paper_roles.csv";

export const mfaPaperRolesTable = defineTable<PaperRoleRow>({
  name: "mfa_paper_roles",
  title: "The paper's figures in the material-flow model: calibration inputs and independent checks",
  description:
    "For every figure of the paper that the material-flow page compares with the model, whether it is an input of the model (a flow is built from it, so agreement holds by construction), an independent check (no flow is built from it) or a consistency test among the paper's own inputs. The roles are checked against the flows' sources when the table is built.",
  sources: [MFA_SOURCE, ...paperValuesTable.sources],
  key: ["system", "paper_id"],
  minRows: 30,
  columns: {
    system: {type: "utf8", description: "lithium or nickel"},
    paper_id: {type: "utf8", description: "The paper's figure (paper_values.id)"},
    role: {type: "utf8", description: "input, check or consistency"},
    used_by: {type: "utf8", description: "The flows (mfa_flows.id) whose source names the figure; null for checks"},
    note: {type: "utf8", description: "What the figure does in the model, or what it is checked against"},
    source_file: {type: "utf8", description: "Source file under data/sources/"},
    source_line: {type: "int32", description: "Line of the source file"}
  },
  build(read) {
    return parsePaperRoles(read(FILE), FILE, {paper: parsePaperValues(read(PAPER_VALUES_FILE), PAPER_VALUES_FILE), flows: mfaFlowsTable.build(read)});
  }
});

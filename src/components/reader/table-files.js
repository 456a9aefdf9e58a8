// Every published table's Arrow stream as a FileAttachment, for pages that load all tables into
// DuckDB (the query workspace, the data catalog's query cell). Framework finds attachments by their
// literal paths, so each table is named here; tests/components/table-files.test.ts fails when a
// table of lib/tables is missing from this list.
import {FileAttachment} from "observablehq:stdlib";

/** The data catalog: every table with its columns (for completion in the query editor). */
export const TABLE_CATALOG = FileAttachment("../../data/tables/catalog.json");

export const TABLE_FILES = {
  agreements: FileAttachment("../../data/tables/agreements.arrow"),
  cooperation_rules: FileAttachment("../../data/tables/cooperation_rules.arrow"),
  countries: FileAttachment("../../data/tables/countries.arrow"),
  critical_lists: FileAttachment("../../data/tables/critical_lists.arrow"),
  framework_levels: FileAttachment("../../data/tables/framework_levels.arrow"),
  framework_shocks: FileAttachment("../../data/tables/framework_shocks.arrow"),
  governance: FileAttachment("../../data/tables/governance.arrow"),
  icmm_sites: FileAttachment("../../data/tables/icmm_sites.arrow"),
  iea_demand: FileAttachment("../../data/tables/iea_demand.arrow"),
  iea_ev_sales: FileAttachment("../../data/tables/iea_ev_sales.arrow"),
  iea_supply: FileAttachment("../../data/tables/iea_supply.arrow"),
  iea_supply_checks: FileAttachment("../../data/tables/iea_supply_checks.arrow"),
  mfa_flows: FileAttachment("../../data/tables/mfa_flows.arrow"),
  mfa_paper_roles: FileAttachment("../../data/tables/mfa_paper_roles.arrow"),
  mfa_processes: FileAttachment("../../data/tables/mfa_processes.arrow"),
  mfa_reference_values: FileAttachment("../../data/tables/mfa_reference_values.arrow"),
  msp_members: FileAttachment("../../data/tables/msp_members.arrow"),
  nickel_routes: FileAttachment("../../data/tables/nickel_routes.arrow"),
  paper_diagrams: FileAttachment("../../data/tables/paper_diagrams.arrow"),
  paper_table3: FileAttachment("../../data/tables/paper_table3.arrow"),
  paper_values: FileAttachment("../../data/tables/paper_values.arrow"),
  policies: FileAttachment("../../data/tables/policies.arrow"),
  policy_countries: FileAttachment("../../data/tables/policy_countries.arrow"),
  policy_participation: FileAttachment("../../data/tables/policy_participation.arrow"),
  policy_type_classes: FileAttachment("../../data/tables/policy_type_classes.arrow"),
  policy_types: FileAttachment("../../data/tables/policy_types.arrow"),
  production: FileAttachment("../../data/tables/production.arrow"),
  reserves: FileAttachment("../../data/tables/reserves.arrow"),
  resilience_metrics: FileAttachment("../../data/tables/resilience_metrics.arrow"),
  sites: FileAttachment("../../data/tables/sites.arrow"),
  trade: FileAttachment("../../data/tables/trade.arrow")
};

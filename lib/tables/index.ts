import type {TableSpec} from "./define.js";
import {agreementsTable} from "./agreements.js";
import {cooperationRulesTable} from "./cooperation-rules.js";
import {countriesTable} from "./countries.js";
import {criticalListsTable} from "./critical-lists.js";
import {frameworkLevelsTable} from "./framework-levels.js";
import {frameworkShocksTable} from "./framework-shocks.js";
import {governanceTable} from "./governance.js";
import {icmmSitesTable} from "./icmm-sites.js";
import {ieaDemandTable} from "./iea-demand.js";
import {ieaEvSalesTable} from "./iea-ev-sales.js";
import {ieaSupplyTable} from "./iea-supply.js";
import {ieaSupplyChecksTable} from "./iea-supply-checks.js";
import {mfaFlowsTable} from "./mfa-flows.js";
import {mfaPaperRolesTable} from "./mfa-paper-roles.js";
import {mfaProcessesTable} from "./mfa-processes.js";
import {mfaReferenceValuesTable} from "./mfa-reference-values.js";
import {mspMembersTable} from "./msp-members.js";
import {nickelRoutesTable} from "./nickel-routes.js";
import {paperDiagramsTable} from "./paper-diagrams.js";
import {paperTable3Table} from "./paper-table3.js";
import {paperValuesTable} from "./paper-values.js";
import {policiesTable} from "./policies.js";
import {policyCountriesTable} from "./policy-countries.js";
import {policyParticipationTable} from "./policy-participation.js";
import {policyTypeClassesTable} from "./policy-type-classes.js";
import {policyTypesTable} from "./policy-types.js";
import {productionTable} from "./production.js";
import {reservesTable} from "./reserves.js";
import {resilienceMetricsTable} from "./resilience-metrics.js";
import {sitesTable} from "./sites.js";
import {tradeTable} from "./trade.js";

/**
 * Every table the site publishes, in catalog order (by name). Adding a table is adding its file in
 * this folder and its line here. Node only (loaders, config, tests): pages read the published
 * snapshots instead.
 */
export const TABLES: readonly TableSpec<any>[] = [
  agreementsTable,
  cooperationRulesTable,
  countriesTable,
  criticalListsTable,
  frameworkLevelsTable,
  frameworkShocksTable,
  governanceTable,
  icmmSitesTable,
  ieaDemandTable,
  ieaEvSalesTable,
  ieaSupplyTable,
  ieaSupplyChecksTable,
  mfaFlowsTable,
  mfaPaperRolesTable,
  mfaProcessesTable,
  mfaReferenceValuesTable,
  mspMembersTable,
  nickelRoutesTable,
  paperDiagramsTable,
  paperTable3Table,
  paperValuesTable,
  policiesTable,
  policyCountriesTable,
  policyParticipationTable,
  policyTypeClassesTable,
  policyTypesTable,
  productionTable,
  reservesTable,
  resilienceMetricsTable,
  sitesTable,
  tradeTable
];

const names = TABLES.map((t) => t.name);
const repeated = names.find((n, i) => names.indexOf(n) !== i);
if (repeated) throw new Error(`lib/tables: two tables are named ${repeated}`);
if (names.some((n, i) => i > 0 && names[i - 1]!.localeCompare(n) > 0)) throw new Error("lib/tables: list the tables by name");

export function findTable(name: string | undefined): TableSpec<any> {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`unknown table ${JSON.stringify(name)}; known: ${names.join(", ")}`);
  return spec;
}

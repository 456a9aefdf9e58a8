// The six World Bank governance estimates of every economy in 2021, from the `governance` table:
// the slice the resilience page needs for the governance-weighted HHI, without loading all
// 32,100 rows of the table. The average is taken in the page, by lib/resilience/governance.ts.
import {buildTable} from "../../lib/table.js";
import {governanceTable} from "../../lib/tables/governance.js";
import {WGI_ORDER, wgiForYear} from "../../lib/mineral-metrics.js";
import {readSource} from "./publish.js";

const YEAR = 2021;
const economies = wgiForYear(buildTable(governanceTable, readSource), YEAR);
const edition = governanceTable.sources[0]?.edition ?? "";
process.stdout.write(JSON.stringify({year: YEAR, table: governanceTable.name, edition, indicators: WGI_ORDER, economies}) + "\n");
console.error(`wgi-2021.json: ${economies.length} economies`);

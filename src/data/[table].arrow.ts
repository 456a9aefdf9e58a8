// Any table of lib/tables as an Arrow IPC stream: what pages and DuckDB read.
import {requestedTable} from "./snapshot.js";

const {spec, rows, arrow} = requestedTable();
process.stdout.write(arrow());
console.error(`${spec.name}.arrow: ${rows.length} rows`);

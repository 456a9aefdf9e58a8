// Any table of lib/tables as CSV, for download; missing values are empty fields.
import {toCsv} from "../../lib/snapshot-formats.js";
import {requestedTable} from "./snapshot.js";

const {spec, rows} = requestedTable();
process.stdout.write(toCsv(rows, Object.keys(spec.columns)));
console.error(`${spec.name}.csv: ${rows.length} rows`);

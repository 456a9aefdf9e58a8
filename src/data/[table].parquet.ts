// Any table of lib/tables as Parquet, for download, written from the same Arrow stream.
import {toParquet} from "../../lib/snapshot-formats.js";
import {requestedTable} from "./snapshot.js";

const {spec, rows, arrow} = requestedTable();
process.stdout.write(toParquet(arrow()));
console.error(`${spec.name}.parquet: ${rows.length} rows`);

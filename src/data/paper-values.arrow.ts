// The figures the working paper states, with where they stand -> Arrow IPC stream.
import {readFileSync} from "node:fs";
import {toArrowStream} from "../../lib/arrow-snapshot.js";
import {parsePaperValues} from "../../lib/paper-values.js";

const file = "paper/paper_values.csv";
const rows = parsePaperValues(readFileSync(`src/data/sources/${file}`, "utf-8"), file).sort((a, b) => a.id.localeCompare(b.id));
const schema = {id: "utf8", section: "utf8", location: "utf8", quantity: "utf8", value: "float64", unit: "utf8", year: "int32", qualifier: "utf8", note: "utf8"} as const;

process.stdout.write(toArrowStream(rows, schema));
console.error(`paper-values: ${rows.length} rows`);

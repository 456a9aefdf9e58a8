// The data catalog: every published table with its sources, schema, units, missing values and
// the SHA-256 of each download.
import {catalogEntries} from "./catalog-entries.js";

const entries = catalogEntries();
process.stdout.write(JSON.stringify({tables: entries}, null, 2) + "\n");
console.error(`catalog.json: ${entries.length} tables`);

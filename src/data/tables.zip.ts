// Every table of lib/tables, built once from data/sources: tables/<name>.arrow, .csv and
// .parquet, tables/catalog.json and tables/datapackage.json. Pages read the members directly,
// e.g. FileAttachment("../data/tables/production.arrow"); Framework extracts them from the archive.
import JSZip from "jszip";
import {dataPackage, publishTables} from "./publish.js";

const {files, catalog} = publishTables();
const zip = new JSZip();
const date = new Date(Date.UTC(2000, 0, 1)); // fixed, so the same tables give the same archive
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2) + "\n");
for (const [name, bytes] of [...files, ["catalog.json", json({tables: catalog})], ["datapackage.json", json(dataPackage(catalog))]] as const) {
  zip.file(name, bytes, {date, binary: true});
}
process.stdout.write(await zip.generateAsync({type: "uint8array", compression: "STORE"}));
console.error(`tables.zip: ${catalog.map((t) => `${t.name} ${t.rows}`).join(", ")}`);

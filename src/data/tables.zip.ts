// Every table of lib/tables, built once from data/sources: tables/<name>.arrow, .csv and
// .parquet, tables/catalog.json and tables/datapackage.json. Pages read the members directly,
// e.g. FileAttachment("../data/tables/production.arrow"); Framework extracts them from the archive.
import {dataPackage, jsonBytes, publishTables, writeArchive} from "./publish.js";

const {files, catalog} = publishTables();
await writeArchive([...files, ["catalog.json", jsonBytes({tables: catalog})], ["datapackage.json", jsonBytes(dataPackage(catalog))]]);
console.error(`tables.zip: ${catalog.map((t) => `${t.name} ${t.rows}`).join(", ")}`);

// Every figure's data, computed at build time with native DuckDB from the published tables:
// figures/<id>.arrow (drawn by the page), <id>.csv (downloaded) and catalog.json (rows, columns,
// SHA-256 of each file and of every table read). Pages read members directly, e.g.
// FileAttachment("../data/figures/fig-s1.arrow").
import JSZip from "jszip";
import {FIGURES} from "../../lib/figures/index.js";
import {publishFigures} from "./figure-results.js";
import {publishTables} from "./publish.js";

const {files, catalog} = await publishFigures(FIGURES, publishTables());
const zip = new JSZip();
const date = new Date(Date.UTC(2000, 0, 1)); // fixed, so the same figures give the same archive
for (const [name, bytes] of [...files, ["catalog.json", new TextEncoder().encode(JSON.stringify({figures: catalog}, null, 2) + "\n")]] as const) {
  zip.file(name, bytes, {date, binary: true});
}
process.stdout.write(await zip.generateAsync({type: "uint8array", compression: "STORE"}));
console.error(`figures.zip: ${catalog.map((f) => `${f.id} ${f.rows}`).join(", ")}`);

// Every figure's data, computed at build time with native DuckDB from the published tables:
// figures/<id>.arrow (drawn by the page), <id>.csv (downloaded) and catalog.json (rows, columns,
// SHA-256 of each file and of every table read). Pages read members directly, e.g.
// FileAttachment("../data/figures/fig-s1.arrow").
import {FIGURES} from "../../lib/figures/index.js";
import {publishFigures} from "./figure-results.js";
import {jsonBytes, publishTables, writeArchive} from "./publish.js";

const {files, catalog} = await publishFigures(FIGURES, publishTables());
await writeArchive([...files, ["catalog.json", jsonBytes({figures: catalog})]]);
console.error(`figures.zip: ${catalog.map((f) => `${f.id} ${f.rows}`).join(", ")}`);

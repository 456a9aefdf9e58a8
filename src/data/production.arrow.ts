// Mine production by country (USGS MCS 2023 world tables, lithium and nickel) -> Arrow IPC stream.
import {readFileSync} from "node:fs";
import {toArrowStream} from "../../lib/arrow-snapshot.js";
import {parseCrosswalk} from "../../lib/crosswalk.js";
import {PRODUCTION_SCHEMA, sortProduction} from "../../lib/production-snapshot.js";
import {tidyMcsWorld} from "../../lib/usgs-mcs.js";

// MINERS_SOURCES lets a test (or an author trying a new edition) point the loader at other files.
const sources = process.env.MINERS_SOURCES ?? "src/data/sources";
const read = (path: string) => readFileSync(`${sources}/${path}`, "utf-8");

const crosswalkFile = "reference/country_name_iso3_crosswalk.csv";
const crosswalk = parseCrosswalk(read(crosswalkFile), crosswalkFile);
const files = ["usgs_mcs/mcs2023/mcs2023-lithi_world.csv", "usgs_mcs/mcs2023/mcs2023-nicke_world.csv"];
const rows = sortProduction(files.flatMap((file) => tidyMcsWorld(read(file), file, crosswalk)));

process.stdout.write(toArrowStream(rows, PRODUCTION_SCHEMA));
console.error(`production: ${rows.length} rows from ${files.length} files`);

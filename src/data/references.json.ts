// The site's bibliography (data/sources/bibliography/references.bib), read and formatted by
// citation-js at build time (src/data/bibliography.ts): for every entry its key, CSL-JSON, APA
// reference (HTML and text) and in-text labels. A malformed file stops the build, naming the entry.
import {readFileSync} from "node:fs";
import {decodeSource} from "../../lib/sources/decode.js";
import {formatReferences, referencesJson} from "./bibliography.js";

const SOURCES = process.env.MINERS_SOURCES ?? "data/sources";
const path = "bibliography/references.bib";
process.stdout.write(referencesJson(formatReferences(decodeSource(readFileSync(`${SOURCES}/${path}`), path))));

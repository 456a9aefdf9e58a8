// The site's bibliography (data/sources/bibliography/references.bib), read and formatted by
// citation-js at build time (src/data/bibliography.ts): for every entry its key, CSL-JSON, APA
// reference (HTML and text) and in-text labels. A malformed file stops the build, naming the entry.
import {formatReferences, referencesJson} from "./bibliography.js";
import {readSource} from "./read-source.js";

process.stdout.write(referencesJson(formatReferences(readSource("bibliography/references.bib"))));

// The site's bibliography, as kept with the sources (data/sources/bibliography/references.bib).
import {readFileSync} from "node:fs";

process.stdout.write(readFileSync("data/sources/bibliography/references.bib"));

// Where the build's loaders read their sources: data/sources/, or the folder MINERS_SOURCES names,
// which lets a test (or an author trying a new edition) point the build at other files.
import {readFileSync} from "node:fs";
import {decodeSource} from "../../lib/sources/decode.js";

export const SOURCES = process.env.MINERS_SOURCES ?? "data/sources";

/** A source file's text; its bytes are decoded strictly, so a file in another encoding stops the build, named. */
export const readSource = (path: string): string => decodeSource(readFileSync(`${SOURCES}/${path}`), path);

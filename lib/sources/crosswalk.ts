import {parseCsv} from "./csv.js";
import {SourceError} from "./source-error.js";

/** The crosswalk's path under data/sources/. */
export const CROSSWALK_FILE = "reference/country_name_iso3_crosswalk.csv";

/** What a source's name for a place stands for: an ISO 3166-1 country or an aggregate row. */
export interface Place {
  iso3: string | null;
  isoNumeric: string | null;
  isoName: string | null;
  kind: "country" | "aggregate";
  /** The crosswalk line it is read from, for errors. */
  line: number;
}

/** Names by dataset (usgs_mcs, icmm_gmd, busch2024, wgi_code), matched exactly as in the source. */
export type Crosswalk = Map<string, Map<string, Place>>;

/**
 * Reads reference/country_name_iso3_crosswalk.csv. Names are kept byte for byte (footnote digits,
 * non-breaking spaces) so that every spelling in a source is mapped on purpose, not by guesswork.
 */
export function parseCrosswalk(text: string, file: string): Crosswalk {
  const table = parseCsv(text, file, {required: ["dataset", "name_in_source", "iso3", "iso_numeric", "iso_name", "kind"]});
  const crosswalk: Crosswalk = new Map();
  for (const {line, values} of table.records) {
    const kind = values.kind;
    if (kind !== "country" && kind !== "aggregate") throw new SourceError(file, line, "kind", kind, 'must be "country" or "aggregate"');
    const iso3 = values.iso3 || null;
    // A country may lack a code (a former one, such as the Netherlands Antilles), never a bad one.
    if (iso3 !== null && !/^[A-Z]{3}$/.test(iso3)) throw new SourceError(file, line, "iso3", values.iso3, "an ISO 3166-1 alpha-3 code is three capital letters");
    const dataset = values.dataset ?? "";
    const names = crosswalk.get(dataset) ?? new Map<string, Place>();
    const name = values.name_in_source ?? "";
    if (names.has(name)) throw new SourceError(file, line, "name_in_source", name, `duplicate name in dataset ${dataset}`);
    names.set(name, {iso3, isoNumeric: values.iso_numeric || null, isoName: values.iso_name || null, kind, line});
    crosswalk.set(dataset, names);
  }
  return crosswalk;
}

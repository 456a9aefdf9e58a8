import {CROSSWALK_FILE, parseCrosswalk} from "./crosswalk.js";
import type {SourceRef} from "../tables/define.js";
import {COMMODITIES, tidyMcsWorld, type ProductionRow, type ReservesRow} from "./usgs-mcs.js";

/** The USGS MCS data releases the site reads, with the DOIs the USGS asks to be cited. */
export const MCS_EDITIONS = [
  {edition: "MCS2022", folder: "mcs2022", doi: "10.5066/P9KKMCP4", published: "2022-01-31"},
  {edition: "MCS2023", folder: "mcs2023", doi: "10.5066/P9WCYUI6", published: "2023-01-31"},
  {edition: "MCS2024", folder: "mcs2024", doi: "10.5066/P144BA54", published: "2024-03 (ver. 2.0)"}
] as const;

/** Every world table: 3 editions x 7 commodities. */
export const MCS_FILES = MCS_EDITIONS.flatMap(({folder}) => Object.keys(COMMODITIES).map((code) => `usgs_mcs/${folder}/${folder}-${code}_world.csv`));

export const MCS_SOURCES: SourceRef[] = [
  ...MCS_EDITIONS.map(({edition, folder, doi, published}) => ({
    path: `usgs_mcs/${folder}/`,
    title: `U.S. Geological Survey Mineral Commodity Summaries ${edition.slice(3)} data release, world tables`,
    citation: `National Minerals Information Center, ${edition.slice(3)}, U.S. Geological Survey Mineral Commodity Summaries ${edition.slice(3)} Data Release: U.S. Geological Survey data release, https://doi.org/${doi} (published ${published}).`,
    licence: "Public domain (U.S. Government work)",
    url: `https://doi.org/${doi}`,
    edition
  })),
  {
    path: CROSSWALK_FILE,
    title: "Country name to ISO 3166-1 crosswalk",
    citation: "Compiled for this project from Debian iso-codes 4.15.0 with manual mappings flagged (data/sources/PROVENANCE.md, section 6).",
    licence: "Facts (ISO 3166-1 codes); compilation MIT"
  }
];

/** Reads and tidies every MCS world table. */
export function readMcs(read: (path: string) => string): {production: ProductionRow[]; reserves: ReservesRow[]} {
  const crosswalk = parseCrosswalk(read(CROSSWALK_FILE), CROSSWALK_FILE);
  const production: ProductionRow[] = [];
  const reserves: ReservesRow[] = [];
  for (const file of MCS_FILES) {
    const tidy = tidyMcsWorld(read(file), file, crosswalk);
    production.push(...tidy.production);
    reserves.push(...tidy.reserves);
  }
  return {production, reserves};
}

const KIND_ORDER = {country: 0, other: 1, world: 2} as const;

/** Countries before aggregates, then by name. */
export function byPlace(a: {kind: keyof typeof KIND_ORDER; country: string}, b: {kind: keyof typeof KIND_ORDER; country: string}): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.country.localeCompare(b.country);
}

/**
 * The numbers the mapping page states in its text, each counted from the published rows: the
 * brine and hard-rock resources of Busch et al.'s deposits by region (the paper's brine shares),
 * and how many sites of each kind the open sources list where.
 */
import {sharesBy, type GroupShare} from "./shares.js";

export const ANDES = ["ARG", "BOL", "CHL"];
export const SOUTH_AMERICA = ["ARG", "BOL", "BRA", "CHL", "COL", "ECU", "GUY", "PER", "PRY", "SUR", "URY", "VEN"];

export interface FactSite {
  source_dataset: string;
  iso3: string | null;
  mine_type: string | null;
  resources_kt: number | null;
  has_lithium: boolean;
  has_nickel: boolean;
  asset_type: string | null;
  coords_outside_country: boolean | null;
  name_repaired: boolean;
  name: string;
}

const NO_SHARE: GroupShare = {group: "", value: 0, share: 0, rows: 0};

/**
 * Busch et al.'s brine deposits and their resources by region (South America, China, elsewhere),
 * and the hard-rock deposits' resources by country; a group without deposits has share 0.
 */
export function lithiumResources(sites: readonly FactSite[]) {
  const busch = sites.filter((d) => d.source_dataset.startsWith("Busch"));
  const brine = busch.filter((d) => d.mine_type === "Brine");
  const hardRock = busch.filter((d) => d.mine_type === "Hard Rock");
  const region = (iso3: string | null) => (iso3 !== null && SOUTH_AMERICA.includes(iso3) ? "South America" : iso3 === "CHN" ? "China" : "elsewhere");
  const byRegion = sharesBy(brine, (d) => region(d.iso3), (d) => d.resources_kt);
  const byCountry = sharesBy(hardRock, (d) => d.iso3 ?? "", (d) => d.resources_kt);
  const of = (shares: GroupShare[], group: string) => shares.find((s) => s.group === group) ?? {...NO_SHARE, group};
  return {
    busch: busch.length,
    brine: brine.length,
    andeanBrines: brine.filter((d) => d.iso3 !== null && ANDES.includes(d.iso3)).length,
    southAmerica: of(byRegion.shares, "South America"),
    china: of(byRegion.shares, "China"),
    hardRock: hardRock.length,
    australiaHardRock: of(byCountry.shares, "AUS")
  };
}

/** Sites of the sites table by kind and country, and its quality flags, for the text. */
export function siteCounts(sites: readonly FactSite[]) {
  const nickel = sites.filter((d) => d.has_nickel);
  const processing = nickel.filter((d) => /Smelter|Refinery|Plant/.test(d.asset_type ?? ""));
  const inCountry = (rows: readonly FactSite[]) => (iso3: string) => rows.filter((d) => d.iso3 === iso3).length;
  const repaired = sites.filter((d) => d.name_repaired);
  return {
    all: sites.length,
    lithium: sites.filter((d) => d.has_lithium).length,
    nickelIn: inCountry(nickel),
    processingIn: inCountry(processing),
    outside: sites.filter((d) => d.coords_outside_country === true).length,
    repaired: repaired.map((d) => d.name)
  };
}

/** The ICMM dataset as a whole: all sites, lithium or nickel sites, coal sites, misplaced and repaired ones. */
export function icmmCounts(rows: readonly {has_lithium: boolean; has_nickel: boolean; primary_commodity: string | null; coords_outside_country: boolean | null; name_repaired: boolean}[]) {
  return {
    all: rows.length,
    lithiumOrNickel: rows.filter((d) => d.has_lithium || d.has_nickel).length,
    coal: rows.filter((d) => /coal/i.test(d.primary_commodity ?? "")).length,
    outside: rows.filter((d) => d.coords_outside_country === true).length,
    repaired: rows.filter((d) => d.name_repaired).length
  };
}

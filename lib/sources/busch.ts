import {z} from "zod";
import type {Crosswalk} from "./crosswalk.js";
import {parseCsv} from "./csv.js";
import {checkCountryAtCoords, countryIso3} from "./icmm.js";
import {repairMojibake} from "./mojibake.js";
import {SourceError} from "./source-error.js";
import {latitude, longitude, number, oneOf, required, text, tonnage, validateRecords} from "./validate.js";

/**
 * Busch et al. (2024), lithium supply model, Parameters/Deposit.csv (MIT, repository
 * pmbusch/Critical-Minerals-EV): 160 lithium deposits with the parameters of an optimisation model.
 *
 * What is observed and what is modelled, from the authors' script 02-DepositParameters.R:
 * - reserve, resource_demostrated, resource_inferred (kt Li) and the grades come from company
 *   reports and studies; the script writes 0 where a deposit has no reported reserve
 *   (`reserve = if_else(is.na(Reserve_Li_ktons), 0, Reserve_Li_ktons)`), so a reserve of 0 is read
 *   here as missing (null). Resources are net of reserves; all_resource is their sum.
 * - prod_rate2022 is MODELLED: the USGS 2022 production of the deposit's country, shared among its
 *   producing deposits by their 2025 capacity; missing shares were set to 0. A "Producing"
 *   deposit with 0 is therefore read as missing; 0 for a deposit not producing is kept.
 * - max_prod_rate is MODELLED: all_resource times a depletion rate (5 % hard rock, 1 % brine,
 *   3 % other), raised to at least the production rates.
 * - cost1..cost3 are MODELLED: a reported cost where there is one, else a regression on grade or a
 *   draw from a triangular distribution, always plus modelled royalties and corporate tax at an
 *   assumed price of 20,000 USD/t LCE (USD 2022 per tonne Li).
 */

export const BUSCH_DATASET = "busch2024";
export const BUSCH_RESOURCE_TYPES = ["Brine", "Hard Rock", "Volcano-Sedimentary"] as const;
export const BUSCH_STATUS = ["Producing", "Construction", "Evaluation", "No info"] as const;

/** The columns this parser reads (the file has 38). */
export const BUSCH_COLUMNS = [
  "d", "Country", "Deposit_Name", "Resource_Type", "Resource_Type_orig", "Latitude", "Longitude", "Status",
  "open_mine", "Grade_percLi_Reserve", "grade_resource", "reserve", "resource_demostrated",
  "resource_inferred", "all_resource", "prod_rate2022", "max_prod_rate", "cost1", "cost_source"
] as const;

/** One Busch et al. deposit, read and checked; quantities in kt Li, costs in USD per t Li. */
export interface BuschDeposit {
  d: number;
  country: string;
  iso3: string | null;
  name: string;
  name_repaired: boolean;
  resource_type: (typeof BUSCH_RESOURCE_TYPES)[number];
  resource_type_orig: string;
  latitude: number;
  longitude: number;
  status: (typeof BUSCH_STATUS)[number];
  open_mine: boolean;
  /** Grade of the reserve, % Li; null where not reported. */
  grade_pct_li_reserve: number | null;
  grade_pct_li_resource: number | null;
  /** kt Li; null where Busch's 0 stands for "no reserve reported". */
  reserve_kt: number | null;
  resource_demonstrated_kt: number;
  resource_inferred_kt: number;
  all_resource_kt: number;
  /** kt Li per year, modelled (see above); null where a producing deposit got no share. */
  prod_rate2022_kt: number | null;
  max_prod_rate_kt: number;
  cost1_usd_per_t: number;
  cost_source: string;
  coords_iso3: string | null;
  coords_outside_country: boolean | null;
  source_file: string;
  source_line: number;
}

const kt = () => required(tonnage(false));
const percent = () => number({min: 0, max: 100, optional: true, what: "a percentage (% Li)"});

const schema = z.object({
  d: required(number({min: 1, what: "a row number"})).refine((n) => Number.isInteger(n), "a row number is a whole number"),
  Country: text(),
  Deposit_Name: text(),
  Resource_Type: oneOf(BUSCH_RESOURCE_TYPES),
  Resource_Type_orig: text(),
  Latitude: required(latitude()),
  Longitude: required(longitude()),
  Status: oneOf(BUSCH_STATUS),
  open_mine: oneOf(["TRUE", "FALSE"]),
  Grade_percLi_Reserve: percent(),
  grade_resource: percent(),
  reserve: kt(),
  resource_demostrated: kt(),
  resource_inferred: kt(),
  all_resource: kt(),
  prod_rate2022: kt(),
  max_prod_rate: kt(),
  cost1: required(number({min: 0, what: "a non-negative cost"})),
  cost_source: text()
});

/**
 * Reads Busch et al.'s Deposit.csv into checked deposits, in file order: every row keeps its file
 * and line; countries are mapped with the crosswalk (dataset busch2024; an unknown name throws);
 * d and deposit names must be unique; coordinates are checked against the country.
 */
export function parseBuschDeposits(text: string, file: string, crosswalk: Crosswalk): BuschDeposit[] {
  const table = parseCsv(text, file, {required: BUSCH_COLUMNS});
  const ids = new Map<number, number>();
  const names = new Map<string, number>();
  return validateRecords(table, schema).map(({line, row}) => {
    if (ids.has(row.d)) throw new SourceError(file, line, "d", String(row.d), `duplicate row number: already on line ${ids.get(row.d)}`);
    ids.set(row.d, line);
    if (names.has(row.Deposit_Name)) throw new SourceError(file, line, "Deposit_Name", row.Deposit_Name, `duplicate deposit: already on line ${names.get(row.Deposit_Name)}`);
    names.set(row.Deposit_Name, line);
    const iso3 = countryIso3(crosswalk, BUSCH_DATASET, row.Country, file, line, "Country");
    const name = repairMojibake(row.Deposit_Name);
    const producing = row.Status === "Producing";
    return {
      d: row.d,
      country: row.Country,
      iso3,
      name: name.value,
      name_repaired: name.repaired,
      resource_type: row.Resource_Type,
      resource_type_orig: row.Resource_Type_orig,
      latitude: row.Latitude,
      longitude: row.Longitude,
      status: row.Status,
      open_mine: row.open_mine === "TRUE",
      grade_pct_li_reserve: row.Grade_percLi_Reserve,
      grade_pct_li_resource: row.grade_resource,
      reserve_kt: row.reserve === 0 ? null : row.reserve,
      resource_demonstrated_kt: row.resource_demostrated,
      resource_inferred_kt: row.resource_inferred,
      all_resource_kt: row.all_resource,
      prod_rate2022_kt: producing && row.prod_rate2022 === 0 ? null : row.prod_rate2022,
      max_prod_rate_kt: row.max_prod_rate,
      cost1_usd_per_t: row.cost1,
      cost_source: row.cost_source,
      ...checkCountryAtCoords(row.Latitude, row.Longitude, iso3),
      source_file: file,
      source_line: line
    };
  });
}

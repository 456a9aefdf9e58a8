import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import {describe, expect, it} from "vitest";
import {decodeSource} from "../../lib/sources/decode.ts";
import {arrowSchema, buildTable} from "../../lib/tables/define.ts";
import {toArrowTable} from "../../lib/tables/arrow.ts";
import {BUSCH_FILE, BUSCH_LABEL, ICMM_LABEL, MODELLED, sitesTable, type SiteRow} from "../../lib/tables/sites.ts";
import {icmmSitesTable, ICMM_LI_NI_FILE} from "../../lib/tables/icmm-sites.ts";

const read = (p: string) => decodeSource(readFileSync("data/sources/" + p), p);
const rows = buildTable(sitesTable, read);
const icmm = rows.filter((r) => r.source_dataset === ICMM_LABEL);
const busch = rows.filter((r) => r.source_dataset === BUSCH_LABEL);
const site = (dataset: string, id: string): SiteRow => {
  const row = rows.find((r) => r.source_dataset === dataset && r.source_id === id);
  if (!row) throw new Error(`no row ${dataset} ${id}`);
  return row;
};
/** The Busch CSV as plain records, read without our parser, to compare values with. */
const buschCsv = csvParse(read(BUSCH_FILE));

/** Replaces `from` by `to` on one line of a file; fails if the line does not hold `from`. */
function editLine(text: string, line: number, from: string, to: string): string {
  const lines = text.split("\n");
  const target = lines[line - 1];
  if (target === undefined || !target.includes(from)) throw new Error(`line ${line} does not contain ${JSON.stringify(from)}`);
  lines[line - 1] = target.replace(from, to);
  return lines.join("\n");
}
/** A reader that serves `text` for `path` and the real files otherwise. */
const readWith = (path: string, text: string) => (p: string) => (p === path ? text : read(p));

describe("sitesTable", () => {
  it("buildTable(sitesTable, read) holds the 329 ICMM lithium/nickel sites and the 160 Busch et al. deposits", () => {
    expect(rows).toHaveLength(489);
    expect(icmm).toHaveLength(329);
    expect(busch).toHaveLength(160);
    expect(icmm.filter((r) => r.has_lithium)).toHaveLength(80);
    expect(icmm.filter((r) => r.has_nickel)).toHaveLength(260);
    expect(icmm.filter((r) => r.has_lithium && r.has_nickel)).toHaveLength(11);
    expect(busch.every((r) => r.has_lithium && !r.has_nickel && r.primary_commodity === "lithium")).toBe(true);
  });

  it("buildTable(sitesTable, read) returns rows sorted by dataset (ICMM first) and id, with an Arrow-compatible type in every cell", () => {
    expect(rows.slice(0, 2).map((r) => r.source_id)).toEqual(["ICMM00340", "ICMM00566"]);
    expect(rows[329]!.source_id).toBe("1");
    expect(rows.at(-1)!.source_id).toBe("160");
    expect(() => toArrowTable(rows, arrowSchema(sitesTable))).not.toThrow();
  });

  it("buildTable(sitesTable, read) flags Pilgangoora, stated as New Caledonia, as outside its country", () => {
    const pilgangoora = icmm.find((r) => r.name === "Pilgangoora")!;
    expect(pilgangoora).toMatchObject({source_id: "ICMM06235", country: "New Caledonia", iso3: "NCL", coords_iso3: "AUS", coords_outside_country: true});
    expect(icmm.filter((r) => r.coords_outside_country).map((r) => r.name).sort()).toEqual(["Golden Eagle Nullagine", "Hunt", "Mt. Isa Mine", "Pilgangoora"]);
    expect(busch.filter((r) => r.coords_outside_country)).toHaveLength(0);
    expect(rows.every((r) => r.coords_outside_country !== null)).toBe(true);
  });

  it('buildTable(sitesTable, read) repairs "CaraÃ­ba" to "Caraíba" and flags the row', () => {
    const caraiba = site(ICMM_LABEL, "ICMM00566");
    expect(caraiba.group_names).toBe("Caraiba Copper Deposit;Caraiba;Caraíba;MCSA Mining Complex SXEW;Jaguarari Caraiba");
    expect(caraiba.name_repaired).toBe(true);
    expect(rows.filter((r) => r.name_repaired).map((r) => r.source_id)).toEqual(["ICMM00566", "ICMM08754"]);
    expect(rows.some((r) => /Ã|â€/.test(r.name + (r.group_names ?? "")))).toBe(false);
  });

  it("buildTable(sitesTable, read) keeps a Busch deposit's reserve in kt Li equal to the CSV value, and reads Busch's 0 as no reserve reported", () => {
    expect(site(BUSCH_LABEL, "1")).toMatchObject({name: "Salar de Atacama (SQM)", reserves_kt: 360, resources_kt: 10800, grade_pct: 0.2, status: "Producing"});
    for (const record of buschCsv) {
      const row = site(BUSCH_LABEL, record.d!);
      expect(row.reserves_kt).toBe(record.reserve === "0" ? null : Number(record.reserve));
      expect(row.resources_kt).toBe(Number(record.all_resource));
    }
    expect(busch.filter((r) => r.reserves_kt === null)).toHaveLength(113);
    expect(sitesTable.columns.reserves_kt.unit).toBe("kt Li");
  });

  it("buildTable(sitesTable, read) flags every Busch cost and capacity as modelled, and the 2022 production where there is one", () => {
    for (const row of busch) {
      expect(row.cost_usd_per_t).not.toBeNull();
      expect(row.modelled_fields.split(", ")).toContain("cost_usd_per_t");
      expect(row.modelled_fields.split(", ")).toContain("capacity_kt");
      expect(row.modelled_fields.includes("production_kt")).toBe(row.production_kt !== null);
    }
    expect(site(BUSCH_LABEL, "1").cost_usd_per_t).toBe(51066.2005);
    expect(icmm.every((r) => r.modelled_fields === "")).toBe(true);
    for (const field of MODELLED) expect(sitesTable.columns[field].description).toMatch(/MODELLED/);
  });

  it("buildTable(sitesTable, read) keeps a missing grade null, never 0", () => {
    const uyuni = site(BUSCH_LABEL, "2");
    expect(uyuni.name).toBe("Salar de Uyuni");
    expect(buschCsv.find((r) => r.d === "2")!.Grade_percLi_Reserve).toBe("NA");
    expect(uyuni.grade_pct).toBeNull();
    expect(busch.filter((r) => r.grade_pct === null)).toHaveLength(117);
    expect(busch.some((r) => r.grade_pct === 0)).toBe(false);
  });

  it("buildTable(sitesTable, read) reads a producing deposit's 2022 production of 0 as missing, but keeps 0 for deposits not producing", () => {
    const silverPeak = busch.find((r) => r.name === "Silver Peak")!;
    expect(silverPeak).toMatchObject({status: "Producing", production_kt: null});
    expect(busch.filter((r) => r.production_kt === null)).toHaveLength(10);
    expect(busch.filter((r) => r.status !== "Producing").every((r) => r.production_kt === 0)).toBe(true);
    expect(sitesTable.columns.production_kt.unit).toBe("kt Li/yr");
  });

  it("buildTable(sitesTable, read) leaves every quantity of an ICMM site null, and operator and technology null everywhere", () => {
    for (const row of icmm) {
      expect([row.grade_pct, row.production_kt, row.capacity_kt, row.reserves_kt, row.resources_kt, row.cost_usd_per_t, row.status]).toEqual([null, null, null, null, null, null, null]);
    }
    expect(rows.every((r) => r.operator === null && r.technology === null)).toBe(true);
  });

  it("buildTable(sitesTable, read) takes the ICMM sites unchanged from the full dataset", () => {
    const all = new Map(buildTable(icmmSitesTable, read).map((r) => [r.icmm_id, r]));
    for (const row of icmm) {
      const full = all.get(row.source_id)!;
      expect([row.name, row.group_names, row.latitude, row.longitude, row.country, row.primary_commodity, row.coords_outside_country, row.has_nickel]).toEqual([
        full.name, full.group_names, full.latitude, full.longitude, full.country, full.primary_commodity, full.coords_outside_country, full.has_nickel
      ]);
    }
  });

  it("sitesTable.columns gives a unit to every quantity and coordinate", () => {
    for (const name of ["latitude", "longitude", "grade_pct", "production_kt", "capacity_kt", "reserves_kt", "resources_kt", "cost_usd_per_t"] as const) {
      expect(sitesTable.columns[name].unit, name).toBeTruthy();
    }
  });
});

describe("sitesTable on broken sources", () => {
  const busch = read(BUSCH_FILE);
  const icmmText = read(ICMM_LI_NI_FILE);
  const build = (path: string, text: string) => () => buildTable(sitesTable, readWith(path, text));

  it("buildTable(sitesTable, read) throws on a missing column, naming file, line, column and value", () => {
    const bad = editLine(icmmText, 1, ",Latitude,", ",Lat,");
    expect(build(ICMM_LI_NI_FILE, bad)).toThrow(`${ICMM_LI_NI_FILE}:1: column "Latitude", value null: required column is missing`);
  });

  it("buildTable(sitesTable, read) throws on an unparseable number, naming file, line, column and value", () => {
    const bad = editLine(busch, 2, ",360,", ",36O,");
    expect(build(BUSCH_FILE, bad)).toThrow(`${BUSCH_FILE}:2: column "reserve", value "36O": not a non-negative quantity`);
  });

  it("buildTable(sitesTable, read) throws on an unknown country name, naming file, line, column and value", () => {
    const bad = editLine(icmmText, 2, ",Brazil,", ",Brasil,");
    expect(build(ICMM_LI_NI_FILE, bad)).toThrow(`${ICMM_LI_NI_FILE}:2: column "Country", value "Brasil": country name not in the crosswalk (dataset icmm_gmd)`);
  });

  it("buildTable(sitesTable, read) throws on a duplicate key, naming file, line, column and value", () => {
    const bad = editLine(busch, 3, "2,", "1,");
    expect(build(BUSCH_FILE, bad)).toThrow(`${BUSCH_FILE}:3: column "d", value "1": duplicate row number: already on line 2`);
    const dupIcmm = editLine(icmmText, 3, "ICMM00566,", "ICMM00340,");
    expect(build(ICMM_LI_NI_FILE, dupIcmm)).toThrow(`${ICMM_LI_NI_FILE}:3: column "ICMMID", value "ICMM00340": duplicate id: already on line 2`);
  });

  it("buildTable(sitesTable, read) throws on a latitude out of range, naming file, line, column and value", () => {
    const bad = editLine(busch, 2, ",-23.55,", ",-123.55,");
    expect(build(BUSCH_FILE, bad)).toThrow(`${BUSCH_FILE}:2: column "Latitude", value "-123.55": a latitude in degrees must lie in [-90, 90]`);
  });

  it("buildTable(sitesTable, read) throws on a negative tonnage, naming file, line, column and value", () => {
    const bad = editLine(busch, 2, ",10800,", ",-10800,");
    expect(build(BUSCH_FILE, bad)).toThrow(`${BUSCH_FILE}:2: column "all_resource", value "-10800": a non-negative quantity must lie in [0, Infinity]`);
  });

  it("buildTable(sitesTable, read) throws when a subset row's has_lithium disagrees with its commodities", () => {
    const bad = editLine(icmmText, 2, ",true,false", ",false,false");
    expect(build(ICMM_LI_NI_FILE, bad)).toThrow(`${ICMM_LI_NI_FILE}:2: column "has_lithium", value "false": disagrees with the commodities`);
  });
});

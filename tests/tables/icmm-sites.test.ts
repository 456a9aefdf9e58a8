import {readFileSync} from "node:fs";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {CROSSWALK_FILE, parseCrosswalk} from "../../lib/sources/crosswalk.ts";
import {decodeSource} from "../../lib/sources/decode.ts";
import {checkCountryAtCoords, parseIcmmSites} from "../../lib/sources/icmm.ts";
import {repairMojibake} from "../../lib/sources/mojibake.ts";
import {arrowSchema, buildTable} from "../../lib/tables/define.ts";
import {toArrowTable} from "../../lib/tables/arrow.ts";
import {ICMM_FILE, icmmSitesTable} from "../../lib/tables/icmm-sites.ts";

const read = (p: string) => decodeSource(readFileSync("data/sources/" + p), p);
const rows = buildTable(icmmSitesTable, read);
const byId = new Map(rows.map((r) => [r.icmm_id, r]));
const crosswalk = parseCrosswalk(read(CROSSWALK_FILE), CROSSWALK_FILE);

/**
 * UTF-8 misread as Windows-1252, the damage in the ICMM names (bytes 0x80-0x9F per the cp1252 code
 * page, its five undefined bytes as C1 controls), or as Latin-1.
 */
const CP1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const misencode = (s: string) => Array.from(new TextEncoder().encode(s), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80]! : String.fromCharCode(b))).join("");
const misencodeLatin1 = (s: string) => Array.from(new TextEncoder().encode(s), (b) => String.fromCharCode(b)).join("");

describe("repairMojibake", () => {
  it('repairMojibake(s) turns "CaraÃ­ba" into "Caraíba" and says it repaired it', () => {
    expect(repairMojibake("CaraÃ­ba")).toEqual({value: "Caraíba", repaired: true});
  });

  it("repairMojibake(s) restores characters whose bytes cp1252 maps above U+00FF", () => {
    expect(repairMojibake("Coalâ€‘Mac").value).toBe("Coal\u2011Mac");
    expect(repairMojibake("KWB BeÅ‚chatÃ³w Coal Mine").value).toBe("KWB Bełchatów Coal Mine");
    expect(repairMojibake("Al Baâ€™itha").value).toBe("Al Ba’itha");
    expect(repairMojibake("Ã‡ayÄ±rhan").value).toBe("Çayırhan");
  });

  it("repairMojibake(s) repairs the garbled names of a list and leaves the clean ones", () => {
    expect(repairMojibake("BergsÃ¶e;Bergsoe Smelter;Bergsöe")).toEqual({value: "Bergsöe;Bergsoe Smelter;Bergsöe", repaired: true});
  });

  it("repairMojibake(s) repairs text garbled twice", () => {
    const twice = misencode(misencode("Pyhäsalmi"));
    expect(twice).toBe("PyhÃƒÂ¤salmi");
    expect(repairMojibake(twice)).toEqual({value: "Pyhäsalmi", repaired: true});
  });

  it("repairMojibake(s) leaves correct text, and runs that are not valid UTF-8, unchanged and unflagged", () => {
    for (const s of ["Caraíba", "Bergsöe", "Al Ba’itha", "São João", "Mürgül", "Ã", "Ã(", "Ã ba", "À¯", "í\u00a0\u0080", "", "Pilgangoora"]) {
      expect(repairMojibake(s), s).toEqual({value: s, repaired: false});
    }
  });

  // Names in letters that cannot be read as UTF-8 continuation bytes: accented Latin, Polish,
  // Czech, Turkish, CJK. Such text is never changed, and its garbled form is always restored.
  const nameChars = fc.constantFrom(..."abcdefgXYZ ;-'()0123456789áéíóúàèâêôãõñçäëïöüåøæßÁÉÇÑÖÜØłśżźęąćńŁŚčřěůğışİ中文矿\u2011");
  const names = fc.array(nameChars, {maxLength: 30}).map((chars) => chars.join(""));

  it("repairMojibake(s) never changes clean text (property)", () => {
    fc.assert(fc.property(names, (s) => {
      expect(repairMojibake(s)).toEqual({value: s, repaired: false});
    }));
  });

  it("repairMojibake(misencode(s)) gives s back, flagged exactly when s is not ASCII (property)", () => {
    fc.assert(fc.property(names, (s) => {
      expect(repairMojibake(misencode(s))).toEqual({value: s, repaired: /[^\x00-\x7f]/.test(s)});
      expect(repairMojibake(misencodeLatin1(s))).toEqual({value: s, repaired: /[^\x00-\x7f]/.test(s)});
    }));
  });
});

describe("checkCountryAtCoords", () => {
  it("checkCountryAtCoords(lat, lon, iso3) accepts a point in New Caledonia for NCL and for its sovereign FRA", () => {
    expect(checkCountryAtCoords(-21.5, 165.5, "NCL")).toEqual({coords_iso3: "NCL", coords_outside_country: false});
    expect(checkCountryAtCoords(-21.5, 165.5, "FRA")).toEqual({coords_iso3: "NCL", coords_outside_country: false});
  });

  it("checkCountryAtCoords(lat, lon, iso3) flags Pilgangoora's coordinates for New Caledonia", () => {
    expect(checkCountryAtCoords(-21.0638988, 118.9047052, "NCL")).toEqual({coords_iso3: "AUS", coords_outside_country: true});
  });

  it("checkCountryAtCoords(lat, lon, iso3) gives null without coordinates or without a code, and flags a point at sea", () => {
    expect(checkCountryAtCoords(null, 118.9, "AUS")).toEqual({coords_iso3: null, coords_outside_country: null});
    expect(checkCountryAtCoords(-21.06, 118.9, null)).toEqual({coords_iso3: "AUS", coords_outside_country: null});
    expect(checkCountryAtCoords(-30, -140, "CHL")).toEqual({coords_iso3: null, coords_outside_country: true});
  });
});

describe("icmmSitesTable", () => {
  it("buildTable(icmmSitesTable, read) holds all 8,508 ICMM sites, sorted by ICMMID", () => {
    expect(rows).toHaveLength(8508);
    expect(rows[0]!.icmm_id).toBe("ICMM00026");
    expect(rows.every((r, i) => i === 0 || rows[i - 1]!.icmm_id < r.icmm_id)).toBe(true);
    expect(() => toArrowTable(rows, arrowSchema(icmmSitesTable))).not.toThrow();
  });

  it("buildTable(icmmSitesTable, read) reads the confidence factors and the Li/Ni counts of the provenance notes", () => {
    const count = (c: string) => rows.filter((r) => r.confidence === c).length;
    expect([count("High"), count("Moderate"), count("Very Low")]).toEqual([3160, 3723, 1625]);
    expect(rows.filter((r) => r.has_lithium || r.has_nickel)).toHaveLength(329);
    expect(rows.filter((r) => r.has_lithium)).toHaveLength(80);
  });

  it("buildTable(icmmSitesTable, read) flags Pilgangoora and the other sites whose coordinates lie outside their stated country", () => {
    expect(byId.get("ICMM06235")).toMatchObject({name: "Pilgangoora", country: "New Caledonia", iso3: "NCL", coords_iso3: "AUS", coords_outside_country: true, source_line: expect.any(Number)});
    const outside = rows.filter((r) => r.coords_outside_country);
    expect(outside).toHaveLength(30);
    expect(outside.filter((r) => r.country === "New Caledonia" && r.coords_iso3 === "AUS")).toHaveLength(24);
    expect(byId.get("ICMM08640")).toMatchObject({name: "Pascua Lama", country: "Argentina", coords_iso3: "CHL", coords_outside_country: true});
    // a real New Caledonian mine is not flagged
    expect(rows.filter((r) => r.iso3 === "NCL" && !r.coords_outside_country).every((r) => r.coords_iso3 === "NCL")).toBe(true);
    expect(rows.some((r) => r.iso3 === "NCL" && !r.coords_outside_country)).toBe(true);
  });

  it('buildTable(icmmSitesTable, read) repairs "CaraÃ­ba" and the 92 other garbled names, leaving none behind', () => {
    expect(byId.get("ICMM00566")!.group_names).toContain(";Caraíba;");
    expect(byId.get("ICMM08180")).toMatchObject({name: "Eisenhüttenstadt steel plant", name_repaired: true});
    expect(byId.get("ICMM08002")).toMatchObject({name: "Bergsöe", group_names: "Bergsöe;Bergsoe Smelter;Landskrona Smelter;Landskrona Refinery", name_repaired: true});
    expect(rows.filter((r) => r.name_repaired)).toHaveLength(93);
    expect(rows.some((r) => /Ã|Â|â€|Å[‚¡]/.test(r.name + (r.group_names ?? "")))).toBe(false);
  });

  it("buildTable(icmmSitesTable, read) keeps source lines that point at the row in the file", () => {
    const lines = read(ICMM_FILE).split("\n");
    const caraiba = byId.get("ICMM00566")!;
    expect(lines[caraiba.source_line - 1]).toMatch(/^ICMM00566,/);
  });
});

describe("parseIcmmSites on broken sources", () => {
  const text = read(ICMM_FILE);
  const line2 = text.split("\n")[1]!;

  it("parseIcmmSites(text, file, crosswalk) throws on an unknown country, naming file, line, column and value", () => {
    const bad = text.replace(line2, line2.replace(",Colombia,", ",Columbia,"));
    expect(() => parseIcmmSites(bad, ICMM_FILE, crosswalk)).toThrow(`${ICMM_FILE}:2: column "Country", value "Columbia": country name not in the crosswalk`);
  });

  it("parseIcmmSites(text, file, crosswalk) throws on an unknown confidence factor and a bad longitude", () => {
    expect(() => parseIcmmSites(text.replace(line2, line2.replace(",Very Low,", ",Low,")), ICMM_FILE, crosswalk)).toThrow(
      `${ICMM_FILE}:2: column "Confidence Factor", value "Low": must be one of: High, Moderate, Very Low`
    );
    expect(() => parseIcmmSites(text.replace(line2, line2.replace(",-74.8011,", ",-274.8011,")), ICMM_FILE, crosswalk)).toThrow(
      `${ICMM_FILE}:2: column "Longitude", value "-274.8011": a longitude in degrees must lie in [-180, 180]`
    );
  });

  it("parseIcmmSites(text, file, crosswalk) throws on a duplicate ICMMID, naming both lines", () => {
    const header = text.split("\n")[0]!;
    expect(() => parseIcmmSites([header, line2, line2].join("\n"), "dup.csv", crosswalk)).toThrow('dup.csv:3: column "ICMMID", value "ICMM00026": duplicate id: already on line 2');
  });
});

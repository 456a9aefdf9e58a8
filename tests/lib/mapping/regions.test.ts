import {describe, expect, it} from "vitest";
import {LITHIUM_REGIONS, WORLD, inRegion, regionOf, regionProjection} from "../../../lib/mapping/regions.ts";

// Real positions from table sites (Busch et al. 2024 and the ICMM dataset).
const atacama = {longitude: -68.36, latitude: -23.55}; // Salar de Atacama (SQM)
const uyuni = {longitude: -67.63, latitude: -20.16}; // Salar de Uyuni
const greenbushes = {longitude: 116.06, latitude: -33.85};
const pilgangoora = {longitude: 118.91, latitude: -21.04};
const paperRow = {longitude: null, latitude: null}; // most rows of the paper's Table 3

describe("regions of Figure 3", () => {
  it("regionOf(id) finds each region and refuses an unknown one", () => {
    expect(regionOf("world")).toBe(WORLD);
    expect(regionOf("andes").label).toMatch(/Andean/);
    expect(() => regionOf("atlantis")).toThrow(RangeError);
    expect(new Set(LITHIUM_REGIONS.map((r) => r.id)).size).toBe(LITHIUM_REGIONS.length);
  });

  it("inRegion(site, region) puts the Andean salars in the Andes and the Pilbara in Western Australia, not the other way round", () => {
    const andes = regionOf("andes");
    const wa = regionOf("western-australia");
    expect([atacama, uyuni].map((d) => inRegion(d, andes))).toEqual([true, true]);
    expect([greenbushes, pilgangoora].map((d) => inRegion(d, andes))).toEqual([false, false]);
    expect([greenbushes, pilgangoora].map((d) => inRegion(d, wa))).toEqual([true, true]);
    expect(inRegion(atacama, wa)).toBe(false);
  });

  it("inRegion: the world holds every placed site, and a site without coordinates lies in no region", () => {
    expect(inRegion(atacama, WORLD)).toBe(true);
    for (const r of LITHIUM_REGIONS) expect(inRegion(paperRow, r)).toBe(false);
    expect(inRegion({longitude: Number.NaN, latitude: 0}, WORLD)).toBe(false);
  });

  it("every region's box is a proper box (west < east, south < north) within the globe", () => {
    for (const r of LITHIUM_REGIONS.filter((r) => r.bounds !== null)) {
      const [[w, s], [e, n]] = r.bounds!;
      expect(w, r.id).toBeLessThan(e);
      expect(s, r.id).toBeLessThan(n);
      expect(Math.abs(w) <= 180 && Math.abs(e) <= 180 && Math.abs(s) <= 90 && Math.abs(n) <= 90, r.id).toBe(true);
    }
  });

  it("regionProjection(region) fits to the box's corners and edge midpoints and centres on its middle meridian; null for the world", () => {
    expect(regionProjection(WORLD)).toBeNull();
    const p = regionProjection(regionOf("andes"))!;
    expect(p.rotate).toEqual([68, 0]);
    expect(p.domain.type).toBe("MultiPoint");
    expect(p.domain.coordinates).toHaveLength(8);
    expect(p.domain.coordinates).toContainEqual([-71.5, -29]);
    expect(p.domain.coordinates).toContainEqual([-64.5, -17.5]);
  });
});

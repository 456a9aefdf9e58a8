import {describe, expect, it} from "vitest";
import {refiningModel, type RefiningRow} from "../../../lib/mapping/refining.ts";

// Figure S23's query over the built tables: the IEA's 2024 nickel refining block (kt Ni) and the ICMM
// nickel processing sites by country, as returned by DuckDB.
const base = {unit: "kt Ni", total_kt: 3483.697, rest_of_world_net_kt: 518.32, counted_twice: "Canada"};
const rows: RefiningRow[] = [
  {listed: 1, country: "Indonesia", iso3: "IDN", kind: "country", value_kt: 1493.2, also_in_rest_of_world: false, icmm_processing_sites: 2, ...base},
  {listed: 2, country: "China", iso3: "CHN", kind: "country", value_kt: 1091.0770000000002, also_in_rest_of_world: false, icmm_processing_sites: 6, ...base},
  {listed: 3, country: "Finland", iso3: "FIN", kind: "country", value_kt: 62, also_in_rest_of_world: false, icmm_processing_sites: 2, ...base},
  {listed: 4, country: "Australia", iso3: "AUS", kind: "country", value_kt: 80, also_in_rest_of_world: false, icmm_processing_sites: 6, ...base},
  {listed: 5, country: "Russia", iso3: "RUS", kind: "country", value_kt: 126, also_in_rest_of_world: false, icmm_processing_sites: 8, ...base},
  {listed: 6, country: "Canada", iso3: "CAN", kind: "country", value_kt: 113.1, also_in_rest_of_world: true, icmm_processing_sites: 5, ...base},
  {listed: 7, country: "Rest of world", iso3: null, kind: "rest of world", value_kt: 631.4200000000001, also_in_rest_of_world: false, icmm_processing_sites: 36, ...base}
];

describe("refiningModel (Figure S23)", () => {
  it("orders the named countries by tonnage, largest first, and puts the countries not named last", () => {
    const m = refiningModel(rows);
    expect(m.bars.map((b) => b.iso3 ?? "rest")).toEqual(["IDN", "CHN", "RUS", "CAN", "AUS", "FIN", "rest"]);
  });

  it("counts Canada once: the rest of the world is the stated total less every named country, and the bars add up to the total", () => {
    const m = refiningModel(rows);
    const rest = m.bars.at(-1)!;
    expect(rest.value_kt).toBe(518.32);
    expect(rest.stated_kt).toBeCloseTo(631.42, 6);
    expect(rest.stated_kt! - rest.value_kt!).toBeCloseTo(113.1, 6); // Canada's tonnage, held twice by the source
    expect(m.countedTwice).toBe("Canada");
    expect(Math.abs(m.residual_kt!)).toBeLessThan(1e-6);
    // Adding the source's rows as they stand would overshoot the total by Canada's tonnage.
    expect(rows.reduce((n, r) => n + r.value_kt!, 0) - m.total_kt).toBeCloseTo(113.1, 6);
  });

  it("gives each bar its share of the stated total: Indonesia 42.9 %, China 31.3 %", () => {
    const m = refiningModel(rows);
    expect(m.bars[0]!.share).toBeCloseTo(1493.2 / 3483.697, 10);
    expect(Math.round(m.bars[0]!.share! * 1000) / 10).toBe(42.9);
    expect(Math.round(m.bars[1]!.share! * 1000) / 10).toBe(31.3);
  });

  it("keeps ICMM's site counts: 2 in Indonesia against 8 in Russia, 65 in all", () => {
    const m = refiningModel(rows);
    const sites = new Map(m.bars.map((b) => [b.iso3, b.icmm_sites]));
    expect(sites.get("IDN")).toBe(2);
    expect(sites.get("RUS")).toBe(8);
    expect(m.icmmSites).toBe(65);
  });

  it("a missing value stays missing: no share, no residual", () => {
    const m = refiningModel(rows.map((r) => (r.iso3 === "FIN" ? {...r, value_kt: null} : r)));
    const fin = m.bars.find((b) => b.iso3 === "FIN")!;
    expect(fin.value_kt).toBeNull();
    expect(fin.share).toBeNull();
    expect(m.residual_kt).toBeNull();
  });

  it("refuses rows that are not one block with one Rest of world", () => {
    expect(() => refiningModel([])).toThrow(RangeError);
    expect(() => refiningModel(rows.filter((r) => r.kind !== "rest of world"))).toThrow(/Rest of world/);
    expect(() => refiningModel([...rows, {...rows[0]!, total_kt: 1}])).toThrow(/totals/);
  });
});

import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {parseComtrade, tidyComtrade} from "../../lib/sources/comtrade.ts";
import {CROSSWALK_FILE, parseCrosswalk} from "../../lib/sources/crosswalk.ts";
import {decodeSource} from "../../lib/sources/decode.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {tradeTable} from "../../lib/tables/trade.ts";

const read = (p: string) => decodeSource(readFileSync("data/sources/" + p), p);
const rows = buildTable(tradeTable, read);
const crosswalk = parseCrosswalk(read(CROSSWALK_FILE), CROSSWALK_FILE);
const lithiumFile = "trade/comtrade_lithium_hs253090_282520_283691_2020_2024.csv";
const nickelFile = "trade/comtrade_nickel_hs7501_7502_2020_2024.csv";

/** The raw file as arrays of fields, by header name (Comtrade files have no quoted fields). */
function rawRows(file: string): Record<string, string>[] {
  const [header, ...lines] = read(file).trim().split(/\r?\n/);
  const names = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [names[i]!, v])));
}
const raw = [...rawRows(lithiumFile), ...rawRows(nickelFile)];

describe("tradeTable", () => {
  it("buildTable(tradeTable, read) keeps one row per reporter x partner x flow x HS x year: 226 of 279 source rows, 53 breakdown rows dropped", () => {
    expect(raw).toHaveLength(175 + 104);
    expect(rows).toHaveLength(226);
    expect(rows.filter((r) => r.commodity === "lithium")).toHaveLength(142);
    expect(rows.filter((r) => r.commodity === "nickel")).toHaveLength(84);
    expect(rows.reduce((s, r) => s + r.breakdown_rows_dropped, 0)).toBe(53);
    expect(raw.filter((r) => r.motCode !== "0")).toHaveLength(53);
  });

  it("buildTable(tradeTable, read) keeps Australia's 2023 imports of HS 253090 from China once: the motCode-0 row, not the sum with its breakdown", () => {
    // Source lines 36-38 (hand-checked): motCode 2100 USD 357,194.267 + motCode 1000 USD 16,018.604 = the motCode 0 total USD 373,212.872 (to rounding).
    const kept = rows.filter((r) => r.reporter_iso3 === "AUS" && r.partner_iso3 === "CHN" && r.flow === "import" && r.hs_code === "253090" && r.year === 2023);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({value_usd: 373_212.872, net_weight_kg: 882_789.5, cif_usd: 373_212.872, fob_usd: 326_634.207, breakdown_rows_dropped: 2, source_line: 37});
    expect(357_194.267 + 16_018.604).toBeCloseTo(373_212.872, 2);
    const allSourceRows = raw.filter((r) => r.reporterCode === "36" && r.partnerCode === "156" && r.flowCode === "M" && r.cmdCode === "253090" && r.refYear === "2023");
    expect(allSourceRows).toHaveLength(3);
    expect(allSourceRows.reduce((s, r) => s + Number(r.primaryValue), 0)).toBeCloseTo(746_425.743, 3); // what summing every row would give: double
  });

  it("buildTable(tradeTable, read) sums do not double: each reporter's total equals the sum of its motCode-0 rows, hand-checked for Australia and Indonesia", () => {
    const total = (iso3: string) => rows.filter((r) => r.reporter_iso3 === iso3).reduce((s, r) => s + r.value_usd, 0);
    expect(total("AUS")).toBeCloseTo(25_596_516_078.852, 2); // naive sum of all rows: 51,193,032,157.702
    expect(total("IDN")).toBeCloseTo(15_970_845_652.997, 2); // naive sum of all rows: 31,941,621,964.994
    for (const code of ["36", "156", "360", "842"]) {
      const motZero = raw.filter((r) => r.reporterCode === code && r.motCode === "0").reduce((s, r) => s + Number(r.primaryValue), 0);
      const iso3 = {"36": "AUS", "156": "CHN", "360": "IDN", "842": "USA"}[code]!;
      expect(total(iso3)).toBeCloseTo(motZero, 2);
    }
    // Every breakdown group's kept row equals its motCode 0 row, and its mode rows add up to it.
    const groups = new Map<string, Record<string, string>[]>();
    for (const r of raw) {
      const key = [r.refYear, r.reporterCode, r.partnerCode, r.flowCode, r.cmdCode].join("|");
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    for (const members of groups.values()) {
      if (members.length === 1) continue;
      const zero = members.find((r) => r.motCode === "0")!;
      const modes = members.filter((r) => r.motCode !== "0" && r.motCode !== "9900");
      const other = members.filter((r) => r.motCode === "9900");
      const sum = modes.length ? modes.reduce((s, r) => s + Number(r.primaryValue), 0) : Number(other[0]!.primaryValue);
      expect(sum).toBeCloseTo(Number(zero.primaryValue), 0);
    }
  });

  it("buildTable(tradeTable, read) maps M49 codes to ISO3 (842 -> USA, 36 -> AUS, 156 -> CHN, 360 -> IDN) and the World to null", () => {
    expect(new Set(rows.map((r) => `${r.reporter_m49}:${r.reporter_iso3}`))).toEqual(new Set(["842:USA", "156:CHN", "36:AUS", "360:IDN"]));
    const world = rows.filter((r) => r.partner_m49 === 0);
    expect(world).toHaveLength(98);
    expect(world.every((r) => r.partner_iso3 === null && r.partner_name === "World")).toBe(true);
    expect(new Set(rows.filter((r) => r.partner_m49 !== 0).map((r) => r.partner_iso3))).toEqual(new Set(["CHN", "USA"]));
  });

  it("buildTable(tradeTable, read) keeps missing weights and valuations null, never 0", () => {
    const at = (file: string, line: number) => rows.find((r) => r.source_file === file && r.source_line === line)!;
    expect(at(lithiumFile, 8)).toMatchObject({year: 2023, reporter_iso3: "USA", flow: "import", net_weight_kg: null}); // blank netWgt
    expect(at(lithiumFile, 3)).toMatchObject({year: 2020, reporter_iso3: "USA", flow: "export", net_weight_kg: null, is_weight_estimated: true, cif_usd: null, fob_usd: 82_391_950}); // "0.0" kg, no quantity unit
    expect(rows.filter((r) => r.net_weight_kg === null)).toHaveLength(8);
    expect(rows.some((r) => r.net_weight_kg === 0 || r.cif_usd === 0 || r.fob_usd === 0 || r.value_usd === 0)).toBe(false);
  });

  it("buildTable(tradeTable, read) labels products and flows", () => {
    expect(new Set(rows.map((r) => `${r.commodity}:${r.hs_code}`))).toEqual(new Set(["lithium:253090", "lithium:282520", "lithium:283691", "nickel:7501", "nickel:7502"]));
    expect(new Set(rows.map((r) => r.flow))).toEqual(new Set(["import", "export"]));
    expect(buildTable(tradeTable, read)).toEqual(rows);
  });
});

describe("parseComtrade and tidyComtrade on bad fixtures", () => {
  const [header, ...lines] = read(lithiumFile).trim().split(/\r?\n/);
  const names = header!.split(",");
  const line36 = lines[34]!; // motCode 2100
  const line37 = lines[35]!; // motCode 0
  const edit = (line: string, changes: Record<string, string>) => line.split(",").map((v, i) => changes[names[i]!] ?? v).join(",");
  const run = (body: string[], head = header!) => () => tidyComtrade(parseComtrade([head, ...body].join("\n") + "\n", "bad-trade.csv"), "bad-trade.csv", crosswalk);

  it("tidyComtrade(parseComtrade(text)) keeps the total of the good fixture and drops its breakdown", () => {
    const {rows: kept, dropped} = run([line36, line37])();
    expect(dropped).toBe(1);
    expect(kept).toEqual([expect.objectContaining({value_usd: 373_212.872, source_line: 3, breakdown_rows_dropped: 1})]);
  });

  it("parseComtrade(text) throws on a missing column, naming file, line and column", () => {
    const drop = names.indexOf("primaryValue");
    const without = (s: string) => s.split(",").filter((_, i) => i !== drop).join(",");
    expect(run([without(line37)], without(header!))).toThrow('bad-trade.csv:1: column "primaryValue", value null: required column is missing');
  });

  it("parseComtrade(text) throws on an unparseable number, naming file, line, column and value", () => {
    expect(run([edit(line37, {primaryValue: "373 212.872"})])).toThrow('bad-trade.csv:2: column "primaryValue", value "373 212.872": not a trade value in USD');
  });

  it("tidyComtrade(text) throws on an unknown country code, naming file, line, column and value", () => {
    expect(run([edit(line37, {partnerCode: "999"})])).toThrow('bad-trade.csv:2: column "partnerCode", value "999": unknown country code');
  });

  it("tidyComtrade(text) throws on a duplicate key (two all-modes totals), naming file, line, column and value", () => {
    expect(run([line37, line37])).toThrow('bad-trade.csv:3: column "motCode", value "0": duplicate key');
  });

  it("tidyComtrade(text) throws when a group has only breakdown rows, rather than summing them", () => {
    expect(run([line36])).toThrow('bad-trade.csv:2: column "motCode", value "2100": no all-modes total row');
  });

  it("parseComtrade(text) throws on a wrong unit and on an out-of-range value", () => {
    expect(run([edit(line37, {qtyUnitCode: "5"})])).toThrow('bad-trade.csv:2: column "qtyUnitCode", value "5": must be one of: 8, -1');
    expect(run([edit(line37, {primaryValue: "-373212.872"})])).toThrow('bad-trade.csv:2: column "primaryValue", value "-373212.872": a trade value in USD (not negative) must lie in [0, Infinity]');
    expect(run([edit(line37, {hs_code: "283691"})])).toThrow('bad-trade.csv:2: column "hs_code", value "283691": must equal cmdCode 253090');
  });
});

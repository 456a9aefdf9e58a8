import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {cpSync, mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
// @ts-expect-error datapackage ships no types
import {validate} from "datapackage";
import JSZip from "jszip";
import {beforeAll, describe, expect, it} from "vitest";
import {decodeSource} from "../../lib/sources/decode.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {findTable} from "../../lib/tables/index.ts";

const run = (env: Record<string, string> = {}) =>
  spawnSync("npx", ["tsx", "src/data/tables.zip.ts"], {env: {...process.env, ...env}, maxBuffer: 1 << 28});

describe("src/data/tables.zip.ts", () => {
  let first: Buffer;
  let zip: JSZip;
  let catalog: {tables: {name: string; rows: number; files: {path: string; sha256: string}[]}[]};

  beforeAll(async () => {
    const result = run();
    expect(result.status, result.stderr.toString()).toBe(0);
    first = result.stdout;
    zip = await JSZip.loadAsync(first);
    catalog = JSON.parse(await zip.file("catalog.json")!.async("string"));
  }, 120_000);

  it("writes the same bytes on a second run", () => {
    expect(Buffer.compare(run().stdout, first)).toBe(0);
  }, 120_000);

  it("holds every file the catalog lists, with the catalog's SHA-256", async () => {
    for (const table of catalog.tables) {
      for (const file of table.files) {
        const bytes = await zip.file(file.path)!.async("uint8array");
        expect(createHash("sha256").update(bytes).digest("hex"), file.path).toBe(file.sha256);
      }
    }
  });

  it("publishes production with Australia's 2021 lithium as 55,300 t in MCS 2023 and 55,000 t in MCS 2022", async () => {
    const rows = tableFromIPC(await zip.file("production.arrow")!.async("uint8array")).toArray().map((d) => d.toJSON());
    const australia = (edition: string) => rows.find((d) => d.edition === edition && d.commodity === "lithium" && d.iso3 === "AUS" && d.year === 2021);
    expect(australia("MCS2023")).toMatchObject({value_t: 55_300, status: "reported"});
    expect(australia("MCS2022")).toMatchObject({value_t: 55_000, status: "estimated"});
  });

  it("describes the CSV files as a valid Frictionless Tabular Data Package", async () => {
    const descriptor = JSON.parse(await zip.file("datapackage.json")!.async("string"));
    const {valid, errors} = await validate(descriptor);
    expect(errors.map(String)).toEqual([]);
    expect(valid).toBe(true);
    expect(descriptor.resources.map((r: {name: string}) => r.name)).toEqual(catalog.tables.map((t) => t.name));
  });

  it("stops on the malformed fixture, naming file, line, column and value, and writes nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "miners-sources-"));
    cpSync("data/sources", dir, {recursive: true});
    cpSync("tests/loaders/fixtures/malformed", dir, {recursive: true});
    const result = run({MINERS_SOURCES: dir});
    expect(result.status).not.toBe(0);
    expect(result.stdout.length).toBe(0);
    expect(result.stderr.toString()).toContain('usgs_mcs/mcs2023/mcs2023-lithi_world.csv:7: column "Prod_t_2021", value "28,3OO": not a number');
  }, 120_000);
});

/** Builds one table with one source file edited. */
function buildCorrupted(table: string, file: string, edit: (text: string) => string) {
  const read = (path: string) => {
    const text = decodeSource(readFileSync(join("data/sources", path)), path);
    if (path !== file) return text;
    const edited = edit(text);
    expect(edited).not.toBe(text); // the corruption must take
    return edited;
  };
  return () => buildTable(findTable(table), read);
}

describe("a corrupted source stops the build, naming file, line, column and value", () => {
  it.each([
    ["an unparseable USGS number", "production", "usgs_mcs/mcs2024/mcs2024-nicke_world.csv", (t: string) => t.replace("1580000", "1.58M"), 'usgs_mcs/mcs2024/mcs2024-nicke_world.csv:7: column "Prod_t_2022", value "1.58M"'],
    ["an unknown country", "reserves", "usgs_mcs/mcs2023/mcs2023-cobal_world.csv", (t: string) => t.replace("MCS2023,Australia,", "MCS2023,Austrlia,"), 'column "Country", value "Austrlia": country name not in the crosswalk'],
    ["a missing column", "production", "usgs_mcs/mcs2023/mcs2023-coppe_world.csv", (t: string) => t.replace("Source,Country,Type", "Source,Land,Type"), 'usgs_mcs/mcs2023/mcs2023-coppe_world.csv:1: column "Country", value null: required column is missing'],
    ["a latitude out of range", "sites", "mines/icmm_lithium_nickel_sites.csv", (t: string) => t.replace(/,-?\d+\.\d+,(-?\d+\.\d+),/, ",123.5,$1,"), 'column "Latitude", value "123.5"'],
    ["a governance estimate that is not a number", "governance", "governance/wgi_2024update_1996_2023_long.csv", (t: string) => t.replace(/(\n[^\n]*?,)(-?\d\.\d+)(,)/, "$1one$3"), 'value "one"'],
    ["a paper figure with a stray comma", "paper_values", "paper/paper_values.csv", (t: string) => t.replace(",59.5,kt Li,", ",59,5,kt Li,"), "paper/paper_values.csv:"]
  ])("%s", (_, table, file, edit, message) => {
    expect(buildCorrupted(table, file, edit)).toThrow(message);
  });
});

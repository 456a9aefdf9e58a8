import {describe, expect, it} from "vitest";
import {tableFromIPC} from "apache-arrow";
import {defineFigure} from "../../lib/figures/define.ts";
import {FIGURES} from "../../lib/figures/index.ts";
import {publishFigures, runFigureSql} from "../../src/data/figure-results.ts";
import {publishTables} from "../../src/data/publish.ts";

// The build-time results, on the real tables: each figure's SQL runs in native DuckDB over the
// published Parquet copies, and its result is published as Arrow with its SHA-256.
const tables = publishTables();
const figure = (sql: string, tablesRead = ["production"]) =>
  defineFigure({id: "fig-s1", number: "S1", section: "production", title: "t", caption: "c", source: "s", sql, tables: tablesRead});

describe("publishFigures(figures, tables)", async () => {
  const {files, catalog} = await publishFigures(FIGURES, tables);

  it("publishes every figure's result as Arrow and CSV, with the SHA-256 of each and of the tables read", () => {
    expect(catalog.map((f) => f.id)).toEqual(FIGURES.map((f) => f.id));
    for (const entry of catalog) {
      expect(files.has(`${entry.id}.arrow`) && files.has(`${entry.id}.csv`)).toBe(true);
      expect(entry.files.map((f) => f.sha256)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), expect.stringMatching(/^[0-9a-f]{64}$/)]);
      const read = tableFromIPC(files.get(`${entry.id}.arrow`)!);
      expect(read.numRows).toBe(entry.rows);
      for (const t of entry.tables) expect(t.sha256).toBe(tables.catalog.find((c) => c.name === t.name)!.files.find((f) => f.format === "arrow")!.sha256);
    }
  });

  it("gives Figure S1 the MCS 2023 lithium rows: Australia 55,300 t first, the United States withheld", () => {
    const rows = tableFromIPC(files.get("fig-s1.arrow")!).toArray().map((d) => d.toJSON());
    expect(rows[0]).toMatchObject({country: "Australia", value_t: 55300, status: "reported"});
    expect(rows.find((d) => d.iso3 === "USA")).toMatchObject({value_t: null, status: "withheld"});
    expect(rows.at(-1)).toMatchObject({kind: "world", value_t: 107000});
  });

  it("carries the paper's values each figure is compared with, and stops on an unknown one", async () => {
    expect(catalog.find((f) => f.id === "fig-s1")!.paper.find((v) => v.id === "li_mine_aus_2021")).toMatchObject({value: 55.3, unit: "kt Li"});
    const broken = {...FIGURES.find((f) => f.id === "fig-s1")!, paper: ["no_such_value"]};
    await expect(publishFigures([broken], tables)).rejects.toThrow(/figure fig-s1: compares with paper value "no_such_value"/);
  });

  it("gives the same bytes twice", async () => {
    const again = await publishFigures(FIGURES, tables);
    expect(again.catalog).toEqual(catalog);
  });
});

describe("runFigureSql(figure, parquetPath)", () => {
  const folder = (name: string) => `${process.cwd()}/.figure-test-${name}.parquet`;

  it("names the figure and the column when a result type would differ between engines", async () => {
    const {writeFileSync, rmSync} = await import("node:fs");
    writeFileSync(folder("production"), tables.files.get("production.parquet")!);
    try {
      await expect(runFigureSql(figure("SELECT count(*) AS n FROM production ORDER BY n"), folder)).rejects.toThrow(/figure fig-s1: column "n" is BIGINT; cast it/);
      const {rows, columns} = await runFigureSql(figure("SELECT count(*)::INTEGER AS n, 0.5::DOUBLE AS half, 'a' AS s, true AS b FROM production ORDER BY n"), folder);
      expect(columns).toEqual([{name: "n", type: "int32"}, {name: "half", type: "float64"}, {name: "s", type: "utf8"}, {name: "b", type: "bool"}]);
      expect(rows).toEqual([{n: tables.catalog.find((t) => t.name === "production")!.rows, half: 0.5, s: "a", b: true}]);
      // A table the figure does not list is not there, nor is any file.
      await expect(runFigureSql(figure("SELECT * FROM reserves ORDER BY 1"), folder)).rejects.toThrow(/figure fig-s1: its SQL failed in DuckDB: .*reserves/);
      await expect(runFigureSql(figure("SELECT * FROM read_csv('/etc/passwd') ORDER BY 1"), folder)).rejects.toThrow(/figure fig-s1: its SQL failed/);
    } finally {
      rmSync(folder("production"), {force: true});
    }
  });
});

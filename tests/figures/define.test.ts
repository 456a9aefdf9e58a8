import {describe, expect, it} from "vitest";
import {defineFigure, figureList, SECTIONS, type FigureDefinition} from "../../lib/figures/define.ts";
import {FIGURES, findFigure} from "../../lib/figures/index.ts";
import {TABLES} from "../../lib/tables/index.ts";

const valid: FigureDefinition = {
  id: "fig-s1",
  number: "S1",
  section: "production",
  title: "A title",
  caption: "A caption.",
  source: "A source.",
  sql: "SELECT 1 AS x ORDER BY x",
  tables: ["production"]
};

describe("defineFigure(definition)", () => {
  it("returns a valid definition as it is", () => {
    expect(defineFigure(valid)).toBe(valid);
  });

  it("throws, naming the figure and the field, for a broken definition", () => {
    expect(() => defineFigure({...valid, id: "Figure 1"})).toThrow(/figure "Figure 1": id/);
    expect(() => defineFigure({...valid, number: "S 1"})).toThrow(/number "S 1"/);
    expect(() => defineFigure({...valid, id: "fig-s2"})).toThrow(/id must be fig-s1/);
    expect(() => defineFigure({...valid, section: "appendix" as never})).toThrow(/unknown section "appendix"/);
    expect(() => defineFigure({...valid, caption: " "})).toThrow(/empty caption/);
    expect(() => defineFigure({...valid, sql: ""})).toThrow(/empty sql/);
    expect(() => defineFigure({...valid, tables: []})).toThrow(/names no table/);
    expect(() => defineFigure({...valid, tables: ["Production; DROP"]})).toThrow(/table name/);
  });

  it("takes the paper's numbers, the site's S-numbers and the paper's tables", () => {
    for (const number of ["3", "4a", "10b", "S12", "T3"]) expect(defineFigure({...valid, number, id: `fig-${number.toLowerCase()}`}).number).toBe(number);
  });
});

describe("figureList(...groups)", () => {
  it("throws when two figures share an id", () => {
    expect(() => figureList([valid], [valid])).toThrow("two figures are fig-s1");
  });
});

describe("FIGURES", () => {
  it("each reads only published tables, and findFigure finds each by id", () => {
    const published = new Set(TABLES.map((t) => t.name));
    for (const figure of FIGURES) {
      for (const table of figure.tables) expect(published.has(table), `${figure.id} reads ${table}`).toBe(true);
      expect(findFigure(figure.id)).toBe(figure);
      expect(SECTIONS).toContain(figure.section);
    }
    expect(() => findFigure("fig-99")).toThrow(/no figure "fig-99"/);
  });

  it("each SQL names every table it lists, and orders its rows", () => {
    for (const figure of FIGURES) {
      for (const table of figure.tables) expect(figure.sql, `${figure.id} lists ${table}`).toMatch(new RegExp(`\\b${table}\\b`));
      expect(figure.sql, figure.id).toMatch(/ORDER BY/i);
    }
  });
});

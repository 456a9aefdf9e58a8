import {describe, expect, it} from "vitest";
import {evaluateExpression, type Figure} from "../../../lib/material-flows/expression.ts";

const figures = new Map<string, Figure>([
  ["total", {value: 3596, unit: "kt Ni"}],
  ["stainless", {value: 71, unit: "%"}],
  ["alloys", {value: 11, unit: "%"}],
  ["libs", {value: 10, unit: "%"}],
  ["cells_chn", {value: 47.5, unit: "kt Li"}],
  ["cells_share", {value: 70, unit: "%"}]
]);

describe("evaluateExpression", () => {
  it("evaluateExpression('total * stainless') applies a share in % to a total: 3596 x 0.71 = 2553.16", () => {
    const r = evaluateExpression("total * stainless", figures, "kt Ni");
    expect(r.value).toBeCloseTo(2553.16, 10);
    expect(r.ids).toEqual(["total", "stainless"]);
  });

  it("evaluateExpression('total * (1 - a - b - c)') gives the remainder of stated shares: 3596 x 0.08 = 287.68", () => {
    expect(evaluateExpression("total * (1 - stainless - alloys - libs)", figures, "kt Ni").value).toBeCloseTo(287.68, 10);
  });

  it("evaluateExpression('x / share - x') gives the rest of a total from one part and its share: 47.5 / 0.7 - 47.5 = 20.357", () => {
    expect(evaluateExpression("cells_chn / cells_share - cells_chn", figures, "kt Li").value).toBeCloseTo(47.5 / 0.7 - 47.5, 12);
  });

  it("evaluateExpression(text) follows the usual precedence: 2 + 3 * x is 2 + (3 * x)", () => {
    expect(evaluateExpression("cells_chn + 2 * cells_chn", figures, "kt Li").value).toBeCloseTo(142.5, 12);
  });

  it("evaluateExpression(text) rejects what is not a mass in the unit, unknown figures and bad syntax", () => {
    expect(() => evaluateExpression("stainless", figures, "kt Ni")).toThrow(/is not a mass in kt Ni/);
    expect(() => evaluateExpression("total * total", figures, "kt Ni")).toThrow(/is not a mass/);
    expect(() => evaluateExpression("total + stainless", figures, "kt Ni")).toThrow(/adds or subtracts a mass and a share/);
    expect(() => evaluateExpression("cells_chn", figures, "kt Ni")).toThrow(/is in "kt Li", not % or kt Ni/);
    expect(() => evaluateExpression("missing * 2", figures, "kt Ni")).toThrow(/unknown paper figure "missing"/);
    expect(() => evaluateExpression("total * (stainless", figures, "kt Ni")).toThrow(SyntaxError);
    expect(() => evaluateExpression("total $ 2", figures, "kt Ni")).toThrow(SyntaxError);
    expect(() => evaluateExpression("total / (1 - 1)", figures, "kt Ni")).toThrow(/division by zero/);
  });
});

import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {hhi} from "../../../lib/resilience/concentration.js";
import {hhiWgi, supplyRisk, wgiAverage, wgiRisk, type GovernedSupply} from "../../../lib/resilience/governance.js";
import {missing} from "../../../lib/resilience/result.js";

// Worked on paper: A has 60 % of supply, WGI -1 -> risk (2.5 + 1) * 2 = 7; B has 40 %, WGI 1.5 -> risk 2.
// HHI_WGI = 60^2 * 7 + 40^2 * 2 = 25,200 + 3,200 = 28,400.
const twoSuppliers: GovernedSupply[] = [
  {supplier: "A", value: 60, wgi: -1},
  {supplier: "B", value: 40, wgi: 1.5}
];

describe("wgiRisk", () => {
  it("wgiRisk(wgi) maps the best score 2.5 to 0, the worst -2.5 to 10 and 0 to 5", () => {
    expect(wgiRisk(2.5)).toBe(0);
    expect(wgiRisk(-2.5)).toBe(10);
    expect(wgiRisk(0)).toBe(5);
    expect(wgiRisk(-1)).toBe(7);
  });

  it("wgiRisk(wgi) throws, naming the value, outside [-2.5, 2.5]", () => {
    expect(() => wgiRisk(2.6)).toThrow(/2\.6/);
    expect(() => wgiRisk(Number.NaN)).toThrow(RangeError);
  });
});

describe("wgiAverage", () => {
  it("wgiAverage(estimates) is the mean of the six estimates", () => {
    expect(wgiAverage([1, 0.5, -0.5, 0, 1.5, 0.5]).value).toBeCloseTo(0.5, 12);
  });

  it("wgiAverage(estimates) is missing, naming the estimate, when one of the six is null", () => {
    const r = wgiAverage([1, 0.5, null, 0, 1.5, 0.5]);
    expect(r.value).toBeNull();
    expect(r.reason).toMatch(/estimate\(s\) 3 of 6/);
  });

  it("wgiAverage(estimates) throws unless six values are given", () => {
    expect(() => wgiAverage([1, 2])).toThrow(/six WGI estimates, got 2/);
  });
});

describe("hhiWgi", () => {
  it("hhiWgi(supplies) is 28,400 for two suppliers worked by hand", () => {
    expect(hhiWgi(twoSuppliers).value).toBeCloseTo(28_400, 8);
  });

  it("hhiWgi(supplies) multiplies each term by the trade factor", () => {
    // B with an EU trade agreement, t = 0.8: 25,200 + 3,200 * 0.8 = 27,760.
    const r = hhiWgi([twoSuppliers[0]!, {...twoSuppliers[1]!, tradeFactor: 0.8}]);
    expect(r.value).toBeCloseTo(27_760, 8);
  });

  it("hhiWgi(supplies, total) leaves unlisted producers out (a lower bound)", () => {
    // 50 of a total of 100 from a country with WGI 0 (risk 5): 50^2 * 5 = 12,500.
    expect(hhiWgi([{supplier: "A", value: 50, wgi: 0}], 100).value).toBeCloseTo(12_500, 8);
  });

  it("hhiWgi(supplies) is 100,000 for a single supplier with the worst governance", () => {
    expect(hhiWgi([{supplier: "A", value: 7, wgi: -2.5}]).value).toBeCloseTo(100_000, 6);
  });

  it("hhiWgi(supplies) is missing, naming the supplier, when a producer has no WGI", () => {
    const r = hhiWgi([...twoSuppliers, {supplier: "Taiwan", value: 10, wgi: null}]);
    expect(r.value).toBeNull();
    expect(r.reason).toMatch(/"Taiwan"/);
  });

  it("hhiWgi(supplies) needs no WGI for a supplier with quantity 0", () => {
    expect(hhiWgi([...twoSuppliers, {supplier: "Z", value: 0, wgi: null}]).value).toBeCloseTo(28_400, 8);
  });

  it("hhiWgi(supplies) throws on a repeated supplier, a bad trade factor or a WGI out of range", () => {
    expect(() => hhiWgi([...twoSuppliers, {supplier: "A", value: 1, wgi: 0}])).toThrow(/"A" is listed twice/);
    expect(() => hhiWgi([{supplier: "A", value: 1, wgi: 0, tradeFactor: -1}])).toThrow(/"A" has invalid trade factor -1/);
    expect(() => hhiWgi([{supplier: "A", value: 1, wgi: 3}])).toThrow(/3 lies outside/);
    expect(() => hhiWgi([{supplier: "A", value: -1, wgi: 0}])).toThrow(/"A" has invalid value -1/);
  });

  const suppliers = fc
    .array(fc.record({value: fc.double({min: 0.01, max: 1e6, noNaN: true}), wgi: fc.double({min: -2.5, max: 2.5, noNaN: true})}), {minLength: 1, maxLength: 12})
    .map((rows) => rows.map((r, i) => ({supplier: `s${i}`, ...r})));

  it("hhi(supplies) lies in [10,000 / n, 10,000] for n suppliers (property)", () => {
    fc.assert(
      fc.property(suppliers, (s) => {
        const h = hhi(s);
        return h >= 10_000 / s.length - 1e-6 && h <= 10_000 + 1e-6;
      })
    );
  });

  it("hhiWgi(supplies) lies in [0, 10 * hhi] and equals 5 * hhi when every WGI is 0 (property)", () => {
    fc.assert(
      fc.property(suppliers, (s) => {
        const h = hhi(s);
        const w = hhiWgi(s).value as number;
        const neutral = hhiWgi(s.map((x) => ({...x, wgi: 0}))).value as number;
        return w >= 0 && w <= 10 * h * (1 + 1e-12) && Math.abs(neutral - 5 * h) <= 1e-9 * h;
      })
    );
  });
});

describe("supplyRisk", () => {
  it("supplyRisk(inputs) matches the EU formula worked by hand", () => {
    // [2.84 * 0.6/2 + 1.25 * (1 - 0.6/2)] * (1 - 0.1) * 0.8 = (0.852 + 0.875) * 0.9 * 0.8 = 1.24344
    const r = supplyRisk({hhiWgiGlobal: 28_400, hhiWgiEuSourcing: 12_500, importReliance: 0.6, eolRir: 0.1, substitutionIndex: 0.8});
    expect(r.value).toBeCloseTo(1.24344, 10);
  });

  it("supplyRisk(inputs) accepts Result inputs, e.g. straight from hhiWgi", () => {
    const gs = hhiWgi(twoSuppliers);
    const r = supplyRisk({hhiWgiGlobal: gs, hhiWgiEuSourcing: gs, importReliance: 1, eolRir: 0, substitutionIndex: 1});
    expect(r.value).toBeCloseTo(2.84, 10);
  });

  it("supplyRisk(inputs) is missing, naming every missing input and passing reasons on", () => {
    const r = supplyRisk({
      hhiWgiGlobal: 28_400,
      hhiWgiEuSourcing: missing("hhiWgi: no WGI for \"Taiwan\""),
      importReliance: null,
      eolRir: 0.1,
      substitutionIndex: undefined
    });
    expect(r.value).toBeNull();
    expect(r.reason).toMatch(/hhiWgiEuSourcing is missing \(hhiWgi: no WGI for "Taiwan"\)/);
    expect(r.reason).toMatch(/importReliance is missing/);
    expect(r.reason).toMatch(/substitutionIndex is missing/);
  });

  it("supplyRisk(inputs) throws on a rate outside [0, 1] or an HHI_WGI outside [0, 100,000]", () => {
    const ok = {hhiWgiGlobal: 1000, hhiWgiEuSourcing: 1000, importReliance: 0.5, eolRir: 0.1, substitutionIndex: 0.9};
    expect(() => supplyRisk({...ok, importReliance: 1.2})).toThrow(/importReliance is 1.2/);
    expect(() => supplyRisk({...ok, hhiWgiGlobal: -5})).toThrow(/hhiWgiGlobal is -5/);
  });

  it("supplyRisk(inputs) lies between 0 and 10 and rises with import reliance when global supply is the riskier (property)", () => {
    const rate = fc.double({min: 0, max: 1, noNaN: true});
    const h = fc.double({min: 0, max: 100_000, noNaN: true});
    fc.assert(
      fc.property(h, h, rate, rate, rate, rate, (a, b, ir1, ir2, eol, si) => {
        const sr = (ir: number) => supplyRisk({hhiWgiGlobal: Math.max(a, b), hhiWgiEuSourcing: Math.min(a, b), importReliance: ir, eolRir: eol, substitutionIndex: si}).value as number;
        const [lo, hi] = ir1 <= ir2 ? [ir1, ir2] : [ir2, ir1];
        return sr(lo) >= 0 && sr(hi) <= 10 && sr(lo) <= sr(hi) + 1e-12;
      })
    );
  });
});

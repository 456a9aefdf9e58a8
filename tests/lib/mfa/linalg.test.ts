import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {cholesky, choleskySolve, eliminate, fromRows, luFactor, luSolve, multiply, transpose} from "../../../lib/mfa/linalg.js";

describe("linalg", () => {
  it("cholesky(a) then choleskySolve(f, b) solves a symmetric positive definite system", () => {
    // A = [[4, 2, 0], [2, 5, 1], [0, 1, 3]], x = [1, -1, 2] -> b = A x = [2, -1, 5]
    const f = cholesky(fromRows([[4, 2, 0], [2, 5, 1], [0, 1, 3]]));
    expect(f.lower[0]).toBe(2);
    const x = choleskySolve(f, Float64Array.from([2, -1, 5]));
    expect(Array.from(x).map((v) => +v.toFixed(12))).toEqual([1, -1, 2]);
  });

  it("cholesky(a) throws on a singular or indefinite matrix, naming the row", () => {
    expect(() => cholesky(fromRows([[1, 1], [1, 1]]))).toThrow(/singular or not positive definite at row 1/);
    expect(() => cholesky(fromRows([[1, 2], [2, 1]]), 1e-12, (r) => `balance "b${r}"`)).toThrow(/balance "b1"/);
  });

  it("luFactor(a) then luSolve(f, b) solves a system that needs pivoting", () => {
    // zero on the first diagonal entry forces a row swap; x = [3, -2, 1]
    const a = fromRows([[0, 2, 1], [1, 1, 1], [2, -1, 3]]);
    const x = luSolve(luFactor(a), [-3, 2, 11]);
    expect(Array.from(x).map((v) => +v.toFixed(12))).toEqual([3, -2, 1]);
  });

  it("luFactor(a) throws on a singular matrix with the label of the column", () => {
    const a = fromRows([[1, 2], [2, 4]]);
    expect(() => luFactor(a)).toThrow(/singular at column 1/);
    expect(() => luFactor(a, 1e-12, (c) => `flow "f${c}"`)).toThrow(/flow "f1"/);
  });

  it("luSolve(luFactor(a), a x) returns x for random well-conditioned matrices (property)", () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 12}), fc.integer({min: 0, max: 2 ** 31 - 1}), (n, seed) => {
        let s = seed;
        const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
        const rows = Array.from({length: n}, (_, i) => Array.from({length: n}, (_, j) => rnd() + (i === j ? n : 0)));
        const x = Array.from({length: n}, rnd);
        const b = rows.map((r) => r.reduce((acc, v, j) => acc + v * x[j]!, 0));
        const got = luSolve(luFactor(fromRows(rows)), b);
        x.forEach((v, i) => expect(Math.abs(got[i]! - v)).toBeLessThan(1e-10));
      })
    );
  });

  it("eliminate(m, columns) reduces the chosen columns to reduced row echelon form and reports a missing pivot", () => {
    // columns 0, 1 are eliminated; column 1 only appears together with column 0 in one row
    const m = fromRows([
      [1, 1, 1, 0, 5],
      [1, 1, 0, 1, 3]
    ]);
    const origin = Int32Array.from([0, 1]);
    const e = eliminate(m, [0, 1], 0, 1e-12, origin);
    expect(e.rank).toBe(1);
    expect(Array.from(e.pivotRow)).toEqual([0, -1]);
    // second row is now row1 - row0: [0, 0, -1, 1 | -2]
    expect(Array.from(m.data.slice(5))).toEqual([0, 0, -1, 1, -2]);
  });

  it("multiply(a, b) and transpose(m) follow the textbook definitions", () => {
    const a = fromRows([[1, 2, 3], [4, 5, 6]]);
    const p = multiply(a, transpose(a));
    expect(Array.from(p.data)).toEqual([14, 32, 32, 77]);
    expect(() => multiply(a, a)).toThrow(RangeError);
  });
});

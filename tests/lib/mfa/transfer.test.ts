import fc from "fast-check";
import {describe, expect, it} from "vitest";
import type {MfaSystem} from "../../../lib/mfa/system.js";
import {STOCK_KEY, TRANSFER_TOLERANCE, applyTransferCoefficients, transferCoefficients} from "../../../lib/mfa/transfer.js";

const U = "t";

describe("applyTransferCoefficients", () => {
  it("applyTransferCoefficients(inputs, coefficients) splits the summed inputs by share", () => {
    const out = applyTransferCoefficients([60, 40], {cathode: 0.7, scrap: 0.25, loss: 0.05}, {process: "cell plant"});
    expect(out.cathode).toBeCloseTo(70, 12);
    expect(out.scrap).toBeCloseTo(25, 12);
    expect(out.loss).toBeCloseTo(5, 12);
  });

  it("applyTransferCoefficients(input, coefficients) throws when the shares do not sum to 1, naming the process and the sum", () => {
    expect(() => applyTransferCoefficients(100, {a: 0.6, b: 0.3}, {process: "refinery"})).toThrow(RangeError);
    expect(() => applyTransferCoefficients(100, {a: 0.6, b: 0.3}, {process: "refinery"})).toThrow(/process "refinery": coefficients sum to 0\.9/);
    expect(() => applyTransferCoefficients(100, {a: 0.6, b: 0.5})).toThrow(/sum to 1\.1/);
  });

  it("applyTransferCoefficients(input, coefficients) accepts a sum within TRANSFER_TOLERANCE and rejects one just outside", () => {
    expect(TRANSFER_TOLERANCE).toBe(1e-6);
    const inside = applyTransferCoefficients(1000, {a: 0.5, b: 0.5 + 5e-7});
    expect(inside.b).toBeCloseTo(500.0005, 9);
    expect(() => applyTransferCoefficients(1000, {a: 0.5, b: 0.5 + 2e-6})).toThrow(RangeError);
  });

  it("applyTransferCoefficients(input, coefficients) throws on a share outside [0, 1] or a negative input", () => {
    expect(() => applyTransferCoefficients(10, {a: 1.2, b: -0.2})).toThrow(/coefficient "a" is 1\.2/);
    expect(() => applyTransferCoefficients(-10, {a: 1})).toThrow(/input 0 has invalid value -10/);
    expect(() => applyTransferCoefficients(10, {})).toThrow(/no transfer coefficients/);
  });
});

describe("transferCoefficients", () => {
  const system: MfaSystem = {
    processes: [{id: "src", boundary: true}, {id: "sorting"}, {id: "sink", boundary: true}],
    flows: [
      {id: "waste", from: "src", to: "sorting", value: 200, unit: U},
      {id: "recovered", from: "sorting", to: "sink", value: 120, unit: U},
      {id: "residue", from: "sorting", to: "sink", value: 50, unit: U}
    ],
    stocks: [{process: "sorting", change: 30, unit: U}]
  };

  it("transferCoefficients(system, process) gives each output's share, with accumulation under STOCK_KEY", () => {
    const k = transferCoefficients(system, "sorting");
    expect(k).toEqual({recovered: 0.6, residue: 0.25, [STOCK_KEY]: 0.15});
  });

  it("transferCoefficients(system, process) round-trips through applyTransferCoefficients for a balanced process", () => {
    const k = transferCoefficients(system, "sorting");
    const out = applyTransferCoefficients(200, k, {process: "sorting"});
    expect(out.recovered).toBeCloseTo(120, 12);
    expect(out.residue).toBeCloseTo(50, 12);
    expect(out[STOCK_KEY]).toBeCloseTo(30, 12);
  });

  it("transferCoefficients(system, process) throws on a boundary, unknown or empty process", () => {
    expect(() => transferCoefficients(system, "src")).toThrow(/boundary process/);
    expect(() => transferCoefficients(system, "ghost")).toThrow(/unknown process "ghost"/);
    const empty: MfaSystem = {...system, flows: system.flows.slice(0, 1), stocks: []};
    expect(() => transferCoefficients(empty, "sorting")).toThrow(/nothing leaves process "sorting"/);
  });

  it("transferCoefficients(system, process) always sums to 1 and reproduces the outputs (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({min: 0.001, max: 1e6, noNaN: true}), {minLength: 1, maxLength: 8}), (outs) => {
        const total = outs.reduce((a, b) => a + b, 0);
        const s: MfaSystem = {
          processes: [{id: "in", boundary: true}, {id: "p"}, {id: "out", boundary: true}],
          flows: [{id: "i", from: "in", to: "p", value: total, unit: U}, ...outs.map((v, j) => ({id: `o${j}`, from: "p", to: "out", value: v, unit: U}))]
        };
        const k = transferCoefficients(s, "p");
        const sum = Object.values(k).reduce((a, b) => a + b, 0);
        expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
        const back = applyTransferCoefficients(total, k);
        outs.forEach((v, j) => expect(Math.abs(back[`o${j}`]! - v)).toBeLessThanOrEqual(1e-12 * total));
      })
    );
  });
});

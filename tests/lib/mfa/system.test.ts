import {describe, expect, it} from "vitest";
import type {MfaSystem} from "../../../lib/mfa/system.js";
import {BALANCE_TOLERANCE, inflowsOf, massBalance, outflowsOf, validateSystem} from "../../../lib/mfa/system.js";

const U = "kt Li";

// Three processes inside the boundary: mining and refining balance, fabrication loses 5 kt.
function threeProcesses(): MfaSystem {
  return {
    processes: [{id: "env", boundary: true}, {id: "mine"}, {id: "refinery"}, {id: "fab"}, {id: "market", boundary: true}],
    flows: [
      {id: "ore", from: "env", to: "mine", value: 100, unit: U},
      {id: "concentrate", from: "mine", to: "refinery", value: 90, unit: U},
      {id: "tailings", from: "mine", to: "env", value: 10, unit: U},
      {id: "chemicals", from: "refinery", to: "fab", value: 85, unit: U},
      {id: "slag", from: "refinery", to: "env", value: 3, unit: U},
      {id: "products", from: "fab", to: "market", value: 80, unit: U}
    ],
    stocks: [{process: "refinery", change: 2, unit: U}]
  };
}

describe("massBalance", () => {
  it("massBalance(system) reports the residual of an unbalanced process", () => {
    const b = massBalance(threeProcesses());
    expect(b.map((p) => p.process)).toEqual(["mine", "refinery", "fab"]);
    const fab = b[2]!;
    expect(fab).toMatchObject({inputs: 85, outputs: 80, stockChange: 0, residual: 5, balanced: false});
    expect(fab.relativeResidual).toBeCloseTo(5 / 85, 15);
    expect(b[0]).toMatchObject({inputs: 100, outputs: 100, residual: 0, relativeResidual: 0, balanced: true});
    // refinery: 90 in = 85 + 3 out + 2 into stock
    expect(b[1]).toMatchObject({inputs: 90, outputs: 88, stockChange: 2, residual: 0, balanced: true});
  });

  it("massBalance(system) exempts boundary processes from balance", () => {
    const names = massBalance(threeProcesses()).map((p) => p.process);
    expect(names).not.toContain("env");
    expect(names).not.toContain("market");
  });

  it("massBalance(system, {tolerance}) accepts a residual within the stated tolerance", () => {
    const loose = massBalance(threeProcesses(), {tolerance: 0.06});
    expect(loose[2]!.balanced).toBe(true);
    const tight = massBalance(threeProcesses(), {tolerance: 0.058});
    expect(tight[2]!.balanced).toBe(false);
  });

  it("massBalance(system) counts a depleting stock as a source in the throughput", () => {
    const s = threeProcesses();
    const system: MfaSystem = {
      ...s,
      flows: s.flows.map((f) => (f.id === "slag" ? {...f, value: 8} : f)),
      stocks: [{process: "refinery", change: -2, unit: U}]
    };
    const refinery = massBalance(system)[1]!;
    // 90 in + 2 from stock = 85 + 8 out - 1 kt unaccounted for
    expect(refinery.residual).toBe(-1);
    expect(refinery.relativeResidual).toBeCloseTo(-1 / 93, 15);
  });

  it("massBalance(system) treats a tiny round-off residual as balanced (BALANCE_TOLERANCE)", () => {
    expect(BALANCE_TOLERANCE).toBe(1e-6);
    const s: MfaSystem = {
      processes: [{id: "in", boundary: true}, {id: "p"}, {id: "out", boundary: true}],
      flows: [
        {id: "a", from: "in", to: "p", value: 0.3, unit: U},
        {id: "b", from: "p", to: "out", value: 0.1, unit: U},
        {id: "c", from: "p", to: "out", value: 0.2, unit: U}
      ]
    };
    const [p] = massBalance(s);
    expect(p!.residual).not.toBe(0); // 0.3 - 0.1 - 0.2 in floating point
    expect(p!.balanced).toBe(true);
  });
});

describe("validateSystem", () => {
  const base = threeProcesses();
  it("validateSystem(system) returns the system's unit", () => {
    expect(validateSystem(base)).toBe(U);
  });

  it("validateSystem(system) throws on a flow to an unknown process, naming flow and process", () => {
    const s = {...base, flows: [...base.flows, {id: "leak", from: "fab", to: "nowhere", value: 1, unit: U}]};
    expect(() => validateSystem(s)).toThrow(RangeError);
    expect(() => validateSystem(s)).toThrow(/flow "leak" goes to unknown process "nowhere"/);
  });

  it("validateSystem(system) throws on a duplicate flow id", () => {
    const s = {...base, flows: [...base.flows, {id: "ore", from: "env", to: "mine", value: 1, unit: U}]};
    expect(() => validateSystem(s)).toThrow(/duplicate flow id "ore"/);
  });

  it("validateSystem(system) throws on a unit mismatch, naming both units", () => {
    const s = {...base, flows: [...base.flows, {id: "x", from: "env", to: "fab", value: 1, unit: "t LCE"}]};
    expect(() => validateSystem(s)).toThrow(/flow "x" is in "t LCE" but the system is in "kt Li"/);
  });

  it("validateSystem(system) throws on a negative or non-finite value", () => {
    const neg = {...base, flows: base.flows.map((f) => (f.id === "slag" ? {...f, value: -3} : f))};
    expect(() => validateSystem(neg)).toThrow(/flow "slag" has invalid value -3/);
    const nan = {...base, flows: base.flows.map((f) => (f.id === "slag" ? {...f, value: NaN} : f))};
    expect(() => validateSystem(nan)).toThrow(RangeError);
    const sd = {...base, flows: base.flows.map((f) => (f.id === "slag" ? {...f, sd: -1} : f))};
    expect(() => validateSystem(sd)).toThrow(/flow "slag" has invalid sd -1/);
  });

  it("validateSystem(system) throws on a non-number value (TypeError)", () => {
    const s = {...base, flows: base.flows.map((f) => (f.id === "slag" ? {...f, value: "3" as unknown as number} : f))};
    expect(() => validateSystem(s)).toThrow(TypeError);
  });

  it("validateSystem(system) throws on duplicate processes, self-loops and bad stocks", () => {
    expect(() => validateSystem({...base, processes: [...base.processes, {id: "mine"}]})).toThrow(/duplicate process id "mine"/);
    expect(() => validateSystem({...base, flows: [{id: "loop", from: "fab", to: "fab", value: 1, unit: U}]})).toThrow(/to itself/);
    expect(() => validateSystem({...base, stocks: [{process: "env", change: 1, unit: U}]})).toThrow(/boundary processes hold no stock/);
    expect(() => validateSystem({...base, stocks: [{process: "ghost", change: 1, unit: U}]})).toThrow(/unknown process/);
    expect(() => validateSystem({...base, stocks: [{process: "fab", change: 1, unit: U}, {process: "fab", change: 2, unit: U}]})).toThrow(/given twice/);
    expect(() => validateSystem({...base, stocks: [{process: "fab", change: 1, unit: "t"}]})).toThrow(/stock change of process "fab" is in "t"/);
  });
});

describe("inflowsOf / outflowsOf", () => {
  it("inflowsOf(system, process) and outflowsOf(system, process) list the flows by direction", () => {
    const s = threeProcesses();
    expect(inflowsOf(s, "mine").map((f) => f.id)).toEqual(["ore"]);
    expect(outflowsOf(s, "mine").map((f) => f.id)).toEqual(["concentrate", "tailings"]);
  });
});

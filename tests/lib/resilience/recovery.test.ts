import fc from "fast-check";
import {beforeAll, describe, expect, it} from "vitest";
import {
  buildLostSalesLp,
  buildTimeToSurviveLp,
  loadHighs,
  performanceImpact,
  timeToSurvive,
  type LpSolver,
  type SupplyNetwork
} from "../../../lib/resilience/recovery.js";

let highs: LpSolver;
beforeAll(async () => {
  highs = await loadHighs();
});

// A single supplier S feeding plant P, which holds 10 units and faces demand 2 per period.
// Cut S: P sells from stock for 10 / 2 = 5 periods.
const single: SupplyNetwork = {
  nodes: [
    {id: "S", inventory: 0, capacity: 2},
    {id: "P", inventory: 10, capacity: Infinity, demand: 2}
  ],
  edges: [{from: "S", to: "P"}]
};

// The same with a backup supplier B of the same ore, spare capacity 1 per period.
// Cut S: P makes 1 per period from B and draws 1 per period from stock: 10 / (2 - 1) = 10 periods.
const backup: SupplyNetwork = {
  nodes: [
    {id: "S", inventory: 0, capacity: 2},
    {id: "B", inventory: 0, capacity: 1},
    {id: "P", inventory: 10, capacity: Infinity, demand: 2}
  ],
  edges: [
    {from: "S", to: "P", input: "ore"},
    {from: "B", to: "P", input: "ore"}
  ]
};

describe("buildTimeToSurviveLp", () => {
  it("buildTimeToSurviveLp(network, disrupted) writes the TTS model as CPLEX LP text", () => {
    expect(buildTimeToSurviveLp(backup, "S")).toBe(
      [
        "Maximize",
        " obj: t",
        "Subject To",
        " bal0: y0 - x0 >= 0",
        " bal1: y1 - x1 >= 0",
        " cap1: y1 - t <= 0",
        " bal2: y2 - 2 t >= -10",
        " in2_0: x0 + x1 - y2 = 0",
        "Bounds",
        " t >= 0",
        " 0 <= y0 <= 0",
        "End",
        ""
      ].join("\n")
    );
  });

  it("buildTimeToSurviveLp(network, disrupted) makes inputs from different suppliers complementary unless they share an input", () => {
    // Without `input`, S and B are two different inputs of P: two rows.
    const lp = buildTimeToSurviveLp({...backup, edges: [{from: "S", to: "P"}, {from: "B", to: "P", ratio: 4}]}, "B");
    expect(lp).toContain(" in2_0: x0 - y2 = 0");
    expect(lp).toContain(" in2_1: 0.25 x1 - y2 = 0");
  });

  it("buildTimeToSurviveLp(network, disrupted) throws on an unknown node or an invalid attribute, naming it", () => {
    expect(() => buildTimeToSurviveLp(single, "Q")).toThrow(/disrupted node "Q" is not a node/);
    expect(() => buildTimeToSurviveLp({...single, nodes: [{id: "S", inventory: -1, capacity: 2}, single.nodes[1]!]}, "S")).toThrow(/"S" has invalid inventory -1/);
    expect(() => buildTimeToSurviveLp({...single, edges: [{from: "S", to: "P", ratio: 0}]}, "S")).toThrow(/S -> P has invalid ratio 0/);
  });
});

describe("timeToSurvive", () => {
  it("timeToSurvive(highs, single supplier, S) is 5 periods: 10 units of stock at 2 per period", () => {
    expect(timeToSurvive(highs, single, "S").value).toBeCloseTo(5, 6);
  });

  it("timeToSurvive(highs, backup supplier, S) is 10 periods: the backup's 1 per period halves the drawdown", () => {
    expect(timeToSurvive(highs, backup, "S").value).toBeCloseTo(10, 6);
  });

  it("timeToSurvive(highs, backup supplier, B) is Infinity: S alone meets demand", () => {
    expect(timeToSurvive(highs, backup, "B").value).toBe(Infinity);
  });

  it("timeToSurvive(highs, network, disrupted) follows the bill of materials", () => {
    // 2 units of ore per unit of product: the backup's 1 ore/period makes 0.5 product; 10 / (2 - 0.5) = 6.67.
    const bom: SupplyNetwork = {...backup, edges: backup.edges.map((e) => ({...e, ratio: 2}))};
    expect(timeToSurvive(highs, bom, "S").value).toBeCloseTo(20 / 3, 6);
  });

  it("timeToSurvive(highs, network, disrupted) stops the plant when any one of its inputs is cut", () => {
    // P needs ore from S and a reagent from R; cutting R is as bad as cutting S.
    const twoInputs: SupplyNetwork = {
      nodes: [...single.nodes, {id: "R", inventory: 0, capacity: 5}],
      edges: [...single.edges, {from: "R", to: "P"}]
    };
    expect(timeToSurvive(highs, twoInputs, "R").value).toBeCloseTo(5, 6);
  });

  it("timeToSurvive(highs, network, disrupted, {inventoryLost}) uses the disrupted node's stock unless it is lost", () => {
    // S holds 4 units of ore: P makes 4 more units, (10 + 4) / 2 = 7 periods; with S's stock lost, 5.
    const stocked: SupplyNetwork = {...single, nodes: [{id: "S", inventory: 4, capacity: 2}, single.nodes[1]!]};
    expect(timeToSurvive(highs, stocked, "S").value).toBeCloseTo(7, 6);
    expect(timeToSurvive(highs, stocked, "S", {inventoryLost: true}).value).toBeCloseTo(5, 6);
    expect(timeToSurvive(highs, single, "P", {inventoryLost: true}).value).toBeCloseTo(0, 6);
  });

  it("timeToSurvive(highs, network, disrupted) is missing, naming the nodes, when inventory or capacity is unknown", () => {
    const unknown: SupplyNetwork = {...backup, nodes: [{id: "S", inventory: 0, capacity: 2}, {id: "B", inventory: null, capacity: null}, backup.nodes[2]!]};
    expect(timeToSurvive(highs, unknown, "S")).toEqual({value: null, reason: 'timeToSurvive: no data for "B" (inventory and capacity)'});
    expect(() => timeToSurvive(highs, unknown, "Q")).toThrow(/disrupted node "Q"/);
  });

  it("timeToSurvive(solver, network, disrupted) throws when the solver fails", () => {
    const failing: LpSolver = {solve: () => ({Status: "Solve error", ObjectiveValue: 0, Columns: {}})};
    expect(() => timeToSurvive(failing, single, "S")).toThrow(/HiGHS ended with status "Solve error"/);
  });
});

describe("performanceImpact", () => {
  it("performanceImpact(highs, single supplier, S, 8) loses 2 per period after the 5 periods of stock: 6 units", () => {
    const r = performanceImpact(highs, single, "S", 8);
    expect(r.value).toBeCloseTo(6, 6);
    if (r.value === null) throw new Error(r.reason);
    expect(r.lostByNode["P"]!.map((x) => Math.round(x * 1e6) / 1e6)).toEqual([0, 0, 0, 0, 0, 2, 2, 2]);
  });

  it("performanceImpact(highs, network, disrupted, ttr, {lossTiming: false}) gives the same total in one solve", () => {
    let solves = 0;
    const counting: LpSolver = {solve: (lp, o) => (solves++, highs.solve(lp, o))};
    const r = performanceImpact(counting, single, "S", 8, {lossTiming: false});
    expect(r.value).toBeCloseTo(6, 6);
    expect(solves).toBe(1);
    performanceImpact(counting, single, "S", 8);
    expect(solves).toBe(3);
  });

  it("performanceImpact(highs, network, disrupted, ttr) is 0 when TTR <= TTS", () => {
    expect(performanceImpact(highs, single, "S", 5).value).toBeCloseTo(0, 6);
    expect(performanceImpact(highs, backup, "S", 10).value).toBeCloseTo(0, 6);
  });

  it("performanceImpact(highs, backup supplier, S, 12) is 2: demand 24, supply 10 in stock + 12 from the backup", () => {
    expect(performanceImpact(highs, backup, "S", 12).value).toBeCloseTo(2, 6);
  });

  it("performanceImpact(highs, network, disrupted, ttr) serves the customer with the dearer lost sales first", () => {
    // Warehouse W (6 in stock) serves C1 (cost 1) and C2 (cost 3), 2 per period each; S is down 3 periods.
    // 12 demanded, 6 available: C2 gets all 6, C1 loses 6 at cost 1.
    const twoCustomers: SupplyNetwork = {
      nodes: [
        {id: "S", inventory: 0, capacity: 10},
        {id: "W", inventory: 6, capacity: Infinity},
        {id: "C1", inventory: 0, capacity: Infinity, demand: 2, lostSalesCost: 1},
        {id: "C2", inventory: 0, capacity: Infinity, demand: 2, lostSalesCost: 3}
      ],
      edges: [
        {from: "S", to: "W"},
        {from: "W", to: "C1"},
        {from: "W", to: "C2"}
      ]
    };
    const r = performanceImpact(highs, twoCustomers, "S", 3);
    if (r.value === null) throw new Error(r.reason);
    expect(r.value).toBeCloseTo(6, 6);
    expect(r.lostUnits).toBeCloseTo(6, 6);
    expect(r.lostByNode["C2"]!.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 6);
  });

  it("performanceImpact(highs, network, disrupted, ttr) throws on a non-integer TTR and is missing on unknown data", () => {
    expect(() => performanceImpact(highs, single, "S", 2.5)).toThrow(/periods must be a positive integer, got 2.5/);
    const unknown: SupplyNetwork = {...single, nodes: [{id: "S", inventory: null, capacity: 2}, single.nodes[1]!]};
    expect(performanceImpact(highs, unknown, "S", 3).reason).toMatch(/"S" \(inventory\)/);
  });

  it("buildLostSalesLp(network, disrupted, periods) is pure and lists one lost-sales column per demand node and period", () => {
    const a = buildLostSalesLp(backup, "S", 3);
    expect(buildLostSalesLp(backup, "S", 3)).toEqual(a);
    expect(a.lostSales.map((l) => l.column)).toEqual(["l2_1", "l2_2", "l2_3"]);
    expect(a.lp).toContain(" bal2_1: y2_1 + l2_1 - s2_1 = -8");
    expect(a.lp).toContain(" bal2_2: y2_2 + l2_2 - s2_2 + s2_1 = 2");
    expect(a.lp).toContain(" 0 <= y0_3 <= 0");
    expect(a.lp).toContain(" obj: l2_1 + l2_2 + l2_3");
  });

  it("buildLostSalesLp(network, disrupted, periods, {maxCost}) caps the lost-sales cost and weights early losses more", () => {
    const {lp} = buildLostSalesLp(backup, "S", 3, {maxCost: 2.5});
    expect(lp).toContain(" obj: 3 l2_1 + 2 l2_2 + l2_3");
    expect(lp).toContain(" cost: l2_1 + l2_2 + l2_3 <= 2.5");
    expect(() => buildLostSalesLp(backup, "S", 3, {maxCost: -1})).toThrow(/maxCost must be finite and >= 0, got -1/);
  });

  it("performanceImpact(highs, network, j, T) is 0 exactly when T <= timeToSurvive (both models agree, property)", () => {
    // Random three-tier networks: two mines -> one or two refiners -> a plant with demand.
    const attrs = fc.record({inventory: fc.integer({min: 0, max: 20}), capacity: fc.integer({min: 0, max: 6})});
    const network = fc.record({
      mines: fc.tuple(attrs, attrs),
      refiners: fc.array(attrs, {minLength: 1, maxLength: 2}),
      plant: fc.record({inventory: fc.integer({min: 0, max: 30}), demand: fc.integer({min: 1, max: 4})}),
      ratio: fc.constantFrom(1, 2, 0.5),
      disrupted: fc.integer({min: 0, max: 4})
    });
    fc.assert(
      fc.property(network, ({mines, refiners, plant, ratio, disrupted}) => {
        const nodes = [
          ...mines.map((m, i) => ({id: `m${i}`, ...m})),
          ...refiners.map((r, i) => ({id: `r${i}`, ...r})),
          {id: "p", inventory: plant.inventory, capacity: Infinity, demand: plant.demand}
        ];
        const edges = [
          ...refiners.flatMap((_, i) => mines.map((_, k) => ({from: `m${k}`, to: `r${i}`, input: "ore", ratio}))),
          ...refiners.map((_, i) => ({from: `r${i}`, to: "p", input: "metal"}))
        ];
        const net: SupplyNetwork = {nodes, edges};
        const j = nodes[disrupted % nodes.length]!.id;
        const tts = timeToSurvive(highs, net, j).value as number;
        const horizon = Number.isFinite(tts) ? Math.floor(tts + 1e-7) : 12;
        const atTts = horizon >= 1 ? (performanceImpact(highs, net, j, horizon).value as number) : 0;
        const beyond = Number.isFinite(tts) ? (performanceImpact(highs, net, j, horizon + 1).value as number) : 0;
        return atTts < 1e-6 && (Number.isFinite(tts) ? beyond > 1e-6 : true);
      }),
      {numRuns: 40}
    );
  }, 60_000);
});

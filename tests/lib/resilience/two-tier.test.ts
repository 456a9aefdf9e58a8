import {beforeAll, describe, expect, it} from "vitest";
import {giantComponentCurve} from "../../../lib/resilience/percolation.ts";
import {loadHighs, performanceImpact, timeToSurvive, type LpSolver, type PerformanceImpact} from "../../../lib/resilience/recovery.ts";
import {MARKET} from "../../../lib/resilience/supply-network.ts";
import {allocate, maxDeliverable, OTHER_FEED, tierPlaceNetwork, twoTierClosedForm, twoTierNetwork, type Allocation, type TierPlace} from "../../../lib/resilience/two-tier.ts";

let highs: LpSolver;
beforeAll(async () => {
  highs = await loadHighs();
});

const place = (name: string, annual: number, iso3: string | null = name.toUpperCase().repeat(3)): TierPlace => ({name, iso3, annual});
const flows = (a: Allocation) => Object.fromEntries(a.flows.map((f) => [`${f.from}>${f.to}`, f.kt]));

describe("allocate", () => {
  // Mining A 60, B 40 (M = 100); refining A 30, C 50 (R = 80). A mines and refines.
  const mining = [place("A", 60), place("B", 40)];
  const refining = [place("A", 30), place("C", 50)];

  it('allocate(..., "pooled") splits min(M, R) = 80 by mining and refining shares: A>A = 80 · 0.6 · 0.375 = 18, A>C 30, B>A 12, B>C 20; 20 idle', () => {
    const a = allocate(mining, refining, "pooled");
    expect(flows(a)).toEqual({"A>A": 18, "A>C": 30, "B>A": 12, "B>C": 20});
    expect(a.idleMining).toBe(20);
    expect(a.otherFeed).toBe(0);
  });

  it('allocate(..., "domestic") refines A\'s own 30 first, then pools A\'s 30 and B\'s 40 into C\'s 50: A>C = 50 · 30/70 = 150/7, B>C = 200/7', () => {
    const a = allocate(mining, refining, "domestic");
    const f = flows(a);
    expect(f["A>A"]).toBe(30);
    expect(f["A>C"]).toBeCloseTo(150 / 7, 12);
    expect(f["B>C"]).toBeCloseTo(200 / 7, 12);
    expect(f["B>A"]).toBeUndefined();
    expect(a.flows.find((x) => x.from === "A" && x.to === "A")!.basis).toBe("domestic");
    expect(a.idleMining).toBeCloseTo(20, 12);
  });

  it('allocate(..., "domestic-trade") sends half of B\'s ore to C first (20 of 40), then pools 30 + 20 into C\'s remaining 30: B>C = 20 + 12 = 32, A>C = 18', () => {
    const a = allocate(mining, refining, "domestic-trade", [{from: "BBB", to: "CCC", share: 0.5, basis: "test"}]);
    const f = flows(a);
    expect(f["A>A"]).toBe(30);
    expect(f["B>C"]).toBeCloseTo(32, 12);
    expect(f["A>C"]).toBeCloseTo(18, 12);
    expect(a.flows.find((x) => x.from === "B")!.basis).toBe("trade");
    // Every refinery gets its refining, every mine ships at most its mining.
    for (const r of refining) expect(a.flows.filter((x) => x.to === r.name).reduce((s, x) => s + x.kt, 0)).toBeCloseTo(r.annual, 12);
  });

  it("allocate gives refinery feed beyond mining (R > M) to Other feed: mining A 30, refining X 40, Y 20: A>X 20, A>Y 10, Other feed 20 and 10", () => {
    const a = allocate([place("A", 30)], [place("X", 40), place("Y", 20)], "pooled");
    expect(flows(a)).toEqual({"A>X": 20, "A>Y": 10, [`${OTHER_FEED}>X`]: 20, [`${OTHER_FEED}>Y`]: 10});
    expect(a.otherFeed).toBe(30);
  });

  it("allocate never matches Rest of world across tiers (no ISO3 code)", () => {
    const a = allocate([place("Rest of world", 10, null)], [place("Rest of world", 10, null)], "domestic");
    expect(a.flows).toEqual([{from: "Rest of world", to: "Rest of world", kt: 10, basis: "pooled"}]);
  });

  it("allocate throws on a repeated place, a negative quantity, an unknown rule, a trade share above 1", () => {
    expect(() => allocate([place("A", 1), place("A", 2)], refining, "pooled")).toThrow(/"A" is listed twice in mining/);
    expect(() => allocate([place("A", -1)], refining, "pooled")).toThrow(/mining of "A" must be a number >= 0, got -1/);
    expect(() => allocate(mining, refining, "nearest" as never)).toThrow(/unknown allocation rule "nearest"/);
    expect(() => allocate(mining, refining, "domestic-trade", [{from: "BBB", to: "CCC", share: 1.5, basis: ""}])).toThrow(/must lie in \[0, 1\], got 1.5/);
  });
});

describe("twoTierNetwork: time to survive by hand and by HiGHS", () => {
  // Mining X 100, Y 130 (M = 230); refining X 100, Z 100 (R = 200). Demand 200 / 12 a month;
  // 73 days of stock = 73 · 200 / 365 = 40 kt. No spare capacity.
  const mining = [place("X", 100), place("Y", 130)];
  const refining = [place("X", 100), place("Z", 100)];
  const scenario = {tier: "mining" as const, country: "X", shareLost: 1, stockpileDays: 73, spareCapacity: 0};

  it("a mining outage in X: with own ore first, refinery X loses its only feed; F = min(Y 130/12, Z 100/12) = 25/3, TTS = 40 / (50/3 − 25/3) = 4.8 months", () => {
    const built = twoTierNetwork(mining, refining, allocate(mining, refining, "domestic"), scenario);
    expect(built.demand).toBeCloseTo(200 / 12, 12);
    expect(built.stock).toBeCloseTo(40, 12);
    expect(built.network.edges.filter((e) => e.to === "X (refining)").map((e) => e.from)).toEqual(["X (mining) (lost)", "X (mining) (unaffected)"]);
    const hand = twoTierClosedForm(built, 6);
    expect(hand.deliverable).toBeCloseTo(100 / 12, 9);
    expect(hand.timeToSurvive).toBeCloseTo(4.8, 9);
    expect(hand.lostUnits).toBeCloseTo((100 / 12) * 6 - 40, 9); // 10 kt
    expect(timeToSurvive(highs, built.network, built.disrupted).value).toBeCloseTo(4.8, 6);
    const impact = performanceImpact(highs, built.network, built.disrupted, 6);
    expect(impact.value).toBeCloseTo(10, 6);
  });

  it("the same outage with every mine linked to every refinery (pooled): Y's 130/12 reaches both, F = 65/6, TTS = 40 / (70/12) = 6.857 months, nothing lost in 6", () => {
    const built = twoTierNetwork(mining, refining, allocate(mining, refining, "pooled"), scenario);
    const hand = twoTierClosedForm(built, 6);
    expect(hand.deliverable).toBeCloseTo(130 / 12, 9);
    // shortfall = 200/12 − 130/12 = 70/12; TTS = 40 / (70/12) = 480/70.
    expect(hand.timeToSurvive).toBeCloseTo(480 / 70, 9);
    expect(timeToSurvive(highs, built.network, built.disrupted).value).toBeCloseTo(480 / 70, 6);
    expect(hand.lostUnits).toBe(0);
    expect(performanceImpact(highs, built.network, built.disrupted, 6).value).toBeCloseTo(0, 6);
  });

  it("a refining outage of half of Z with 20 % spare refining elsewhere: F = X's 100 · 1.2 / 12 + Z's unaffected 50 / 12 = 170/12; TTS = 40 / (30/12) = 16 months", () => {
    const built = twoTierNetwork(mining, refining, allocate(mining, refining, "pooled"), {tier: "refining", country: "Z", shareLost: 0.5, stockpileDays: 73, spareCapacity: 0.2});
    expect(built.lost).toBeCloseTo(50 / 12, 12);
    const hand = twoTierClosedForm(built, 12);
    expect(hand.deliverable).toBeCloseTo(170 / 12, 9);
    expect(hand.timeToSurvive).toBeCloseTo(16, 9);
    expect(timeToSurvive(highs, built.network, built.disrupted).value).toBeCloseTo(16, 6);
    expect(hand.lostUnits).toBe(0); // 12 months of a 2.5 kt shortfall = 30 < 40 kt of stock
    const impact = performanceImpact(highs, built.network, built.disrupted, 18);
    expect(impact.value).toBeCloseTo(18 * 2.5 - 40, 6); // 5 kt lost in months 17 and 18
    expect((impact as PerformanceImpact).lostByNode[MARKET]!.slice(0, 16).every((x) => Math.abs(x) < 1e-6)).toBe(true);
  });

  it("a refining outage of all of Z with 30 % spare refining: refinery X (130/12) is fed by X's mine alone (100/12) with own ore first, by Y's idle ore too when pooled", () => {
    const outage = {tier: "refining" as const, country: "Z", shareLost: 1, stockpileDays: 73, spareCapacity: 0.3};
    const domestic = twoTierNetwork(mining, refining, allocate(mining, refining, "domestic"), outage);
    // The mines get no spare capacity: the tier hit is refining.
    expect(domestic.network.nodes.find((n) => n.id === "Y (mining)")!.capacity).toBeCloseTo(130 / 12, 12);
    expect(domestic.network.nodes.find((n) => n.id === "X (refining)")!.capacity).toBeCloseTo(130 / 12, 12);
    // Own ore first: F = 100/12, shortfall 100/12, TTS = 40 / (100/12) = 4.8.
    expect(twoTierClosedForm(domestic, 6).timeToSurvive).toBeCloseTo(4.8, 9);
    expect(timeToSurvive(highs, domestic.network, domestic.disrupted).value).toBeCloseTo(4.8, 6);
    // Pooled: Y's idle 30 kt a year reaches X's refinery: F = 130/12, TTS = 40 / (70/12) = 6.857.
    const pooled = twoTierNetwork(mining, refining, allocate(mining, refining, "pooled"), outage);
    expect(twoTierClosedForm(pooled, 6).timeToSurvive).toBeCloseTo(480 / 70, 9);
    expect(timeToSurvive(highs, pooled.network, pooled.disrupted).value).toBeCloseTo(480 / 70, 6);
  });

  it("no shortfall when the spare capacity covers the loss: TTS is Infinity by hand and by HiGHS", () => {
    const built = twoTierNetwork(mining, refining, allocate(mining, refining, "pooled"), {tier: "refining", country: "Z", shareLost: 0.1, stockpileDays: 0, spareCapacity: 0.2});
    expect(twoTierClosedForm(built, 3).timeToSurvive).toBe(Infinity);
    expect(timeToSurvive(highs, built.network, built.disrupted).value).toBe(Infinity);
  });

  it("refinery feed beyond mining comes from Other feed, which, like the mines, has no spare capacity in a refining outage", () => {
    const m = [place("A", 30)];
    const r = [place("X", 40), place("Y", 20)];
    const built = twoTierNetwork(m, r, allocate(m, r, "pooled"), {tier: "refining", country: "X", shareLost: 1, stockpileDays: 0, spareCapacity: 1});
    const feed = built.network.nodes.find((n) => n.id === OTHER_FEED)!;
    expect(feed.capacity).toBeCloseTo(30 / 12, 12);
    // Y can refine 40/12 (spare 100 %), fed by A (30/12, no spare: mining is not the tier hit) and Other feed (30/12): F = 40/12.
    expect(maxDeliverable(built.network, MARKET, built.disrupted)).toBeCloseTo(40 / 12, 9);
  });

  it("twoTierNetwork throws on a country that does not refine, an aggregate, a share above 100 %", () => {
    const a = allocate(mining, refining, "pooled");
    expect(() => twoTierNetwork(mining, refining, a, {...scenario, tier: "refining", country: "Y"})).toThrow(/"Y" does not refine this mineral/);
    const withRest = [...mining, place("Rest of world", 5, null)];
    expect(() => twoTierNetwork(withRest, refining, allocate(withRest, refining, "pooled"), {...scenario, country: "Rest of world"})).toThrow(/aggregate/);
    expect(() => twoTierNetwork(mining, refining, a, {...scenario, shareLost: 1.2})).toThrow(/between 0 and 100 %, got 120 %/);
    expect(() => twoTierClosedForm(twoTierNetwork(mining, refining, a, scenario), 2.5)).toThrow(/whole number of periods >= 1, got 2.5/);
  });
});

describe("maxDeliverable", () => {
  it("maxDeliverable(network, sink) is the min cut of a diamond: sources 3 and 5, middles 4 and 2, edges s1>m1, s1>m2, s2>m2: F = 3 (s1 through m1) + 2 (m2) = 5", () => {
    const network = {
      nodes: [
        {id: "s1", inventory: 0, capacity: 3},
        {id: "s2", inventory: 0, capacity: 5},
        {id: "m1", inventory: 0, capacity: 4},
        {id: "m2", inventory: 0, capacity: 2},
        {id: "t", inventory: 0, capacity: Infinity, demand: 10}
      ],
      edges: [
        {from: "s1", to: "m1"},
        {from: "s1", to: "m2"},
        {from: "s2", to: "m2"},
        {from: "m1", to: "t"},
        {from: "m2", to: "t"}
      ].map((e) => ({...e, input: "x"}))
    };
    // m1 gets only s1's 3; m2 passes 2 of s2's 5: F = 3 + 2 = 5.
    expect(maxDeliverable(network, "t")).toBeCloseTo(5, 12);
    // Without s1, m1 is starved: F = 2.
    expect(maxDeliverable(network, "t", "s1")).toBeCloseTo(2, 12);
    expect(() => maxDeliverable({...network, edges: [...network.edges, {from: "s2", to: "m1", input: "y"}]}, "t")).toThrow(/"m1" needs 2 inputs/);
  });
});

describe("tierPlaceNetwork", () => {
  it("links each mine to the refineries the rule feeds from it; with own ore first, X and Y fall into two pieces of 2 nodes", () => {
    const mining = [place("X", 100), place("Y", 100)];
    const refining = [place("X", 100), place("Z", 100)];
    const places = [...mining.map((p) => ({name: p.name, tier: "mining" as const})), ...refining.map((p) => ({name: p.name, tier: "refining" as const}))];
    const domestic = tierPlaceNetwork([allocate(mining, refining, "domestic")], places);
    expect(domestic.edges).toEqual([
      {from: "X (mining)", to: "X (refining)"},
      {from: "Y (mining)", to: "Z (refining)"}
    ]);
    expect(giantComponentCurve(domestic, ["X (mining)", "X (refining)", "Y (mining)", "Z (refining)"])[0]).toBe(0.5);
    const pooled = tierPlaceNetwork([allocate(mining, refining, "pooled")], places);
    expect(pooled.edges).toHaveLength(4);
    expect(giantComponentCurve(pooled, ["X (mining)", "X (refining)", "Y (mining)", "Z (refining)"])[0]).toBe(1);
  });
});

import {beforeAll, describe, expect, it} from "vitest";
import {percolation} from "../../../lib/resilience/percolation.ts";
import {loadHighs, performanceImpact, timeToSurvive, type LpSolver} from "../../../lib/resilience/recovery.ts";
import {closedForm, countryMineralNetwork, MARKET, marketNetwork, shockNetwork, suppliersOf, WORKED_EXAMPLE, type ProductionPlace} from "../../../lib/resilience/supply-network.ts";

let highs: LpSolver;
beforeAll(async () => {
  highs = await loadHighs();
});

// MCS 2023 lithium mine production, 2021 (t Li), as in the production table.
const lithium: ProductionPlace[] = [
  {country: "Argentina", kind: "country", value_t: 5_970},
  {country: "Australia", kind: "country", value_t: 55_300},
  {country: "Brazil", kind: "country", value_t: 1_700},
  {country: "Canada", kind: "country", value_t: 0},
  {country: "Chile", kind: "country", value_t: 28_300},
  {country: "China", kind: "country", value_t: 14_000},
  {country: "Portugal", kind: "country", value_t: 900},
  {country: "United States", kind: "country", value_t: null},
  {country: "Zimbabwe", kind: "country", value_t: 710},
  {country: "Other countries", kind: "other", value_t: 0},
  {country: "World total (rounded), excluding U.S. production", kind: "world", value_t: 107_000}
];
const suppliers = suppliersOf(lithium);
const annual = 106_880; // the seven countries with production above 0

describe("WORKED_EXAMPLE", () => {
  it("timeToSurvive(highs, WORKED_EXAMPLE.network, S) is 5 periods in Node, as worked by hand (10 units / 2 per period)", () => {
    expect(WORKED_EXAMPLE.timeToSurvive).toBe(10 / 2);
    expect(timeToSurvive(highs, WORKED_EXAMPLE.network, WORKED_EXAMPLE.disrupted).value).toBeCloseTo(WORKED_EXAMPLE.timeToSurvive, 9);
  });
});

describe("suppliersOf", () => {
  it("suppliersOf(rows) keeps producers above 0, largest first, leaves out withheld, zero and world rows", () => {
    expect(suppliers.map((s) => s.id)).toEqual(["Australia", "Chile", "China", "Argentina", "Brazil", "Portugal", "Zimbabwe"]);
    expect(suppliers.reduce((a, s) => a + s.production, 0)).toBe(annual);
  });

  it("suppliersOf(rows) keeps a positive Other countries aggregate, flagged", () => {
    const nickel = suppliersOf([{country: "Indonesia", kind: "country", value_t: 1_040_000}, {country: "Other countries", kind: "other", value_t: 429_000}]);
    expect(nickel).toEqual([{id: "Indonesia", production: 1_040_000, aggregate: false}, {id: "Other countries", production: 429_000, aggregate: true}]);
  });

  it("suppliersOf(rows) throws on a negative value or a country listed twice", () => {
    expect(() => suppliersOf([{country: "Chile", kind: "country", value_t: -1}])).toThrow(/"Chile" has invalid production -1/);
    expect(() => suppliersOf([lithium[0]!, lithium[0]!])).toThrow(/"Argentina" is listed twice/);
  });
});

describe("marketNetwork", () => {
  it("marketNetwork(suppliers) links every supplier to the world market", () => {
    const g = marketNetwork(suppliers);
    expect(g.nodes.at(-1)).toEqual({id: MARKET});
    expect(g.edges).toHaveLength(7);
    expect(g.edges.every((e) => e.to === MARKET)).toBe(true);
  });
});

describe("shockNetwork", () => {
  it("shockNetwork(suppliers, scenario) splits the country hit, scales the others by the spare capacity, puts the stock in the market", () => {
    const s = shockNetwork(suppliers, {country: "Australia", shareLost: 0.5, stockpileDays: 30, spareCapacity: 0.1});
    expect(s.disrupted).toBe("Australia (lost)");
    expect(s.demand).toBeCloseTo(annual / 12, 9);
    expect(s.stock).toBeCloseTo((30 * annual) / 365, 9);
    expect(s.lost).toBeCloseTo(55_300 / 2 / 12, 9);
    expect(s.spare).toBeCloseTo((0.1 * (annual - 55_300)) / 12, 9);
    const node = (id: string) => s.network.nodes.find((n) => n.id === id)!;
    expect(node("Australia (lost)").capacity).toBeCloseTo(55_300 / 24, 9);
    expect(node("Australia (unaffected)").capacity).toBeCloseTo(55_300 / 24, 9);
    expect(node("Chile").capacity).toBeCloseTo((28_300 * 1.1) / 12, 9);
    expect(node(MARKET)).toMatchObject({inventory: s.stock, capacity: Infinity, demand: s.demand});
    expect(s.network.edges.every((e) => e.to === MARKET && e.input === "ore")).toBe(true);
  });

  it("shockNetwork(suppliers, scenario) throws on a country that is not a supplier, an aggregate, or values out of range", () => {
    const ok = {country: "Chile", shareLost: 1, stockpileDays: 0, spareCapacity: 0};
    expect(() => shockNetwork(suppliers, {...ok, country: "Canada"})).toThrow(/"Canada" is not a supplier/);
    expect(() => shockNetwork(suppliersOf([{country: "Other countries", kind: "other", value_t: 5}]), {...ok, country: "Other countries"})).toThrow(/aggregate/);
    expect(() => shockNetwork(suppliers, {...ok, shareLost: 1.5})).toThrow(/between 0 and 100 %, got 150 %/);
    expect(() => shockNetwork(suppliers, {...ok, stockpileDays: -1})).toThrow(/stockpile days must be a number >= 0/);
    expect(() => shockNetwork(suppliers, {...ok, spareCapacity: NaN})).toThrow(/spare capacity/);
  });

  it("timeToSurvive(highs, shockNetwork(...)) equals the closed form: stock / (lost - spare)", () => {
    for (const scenario of [
      {country: "Australia", shareLost: 1, stockpileDays: 30, spareCapacity: 0},
      {country: "Australia", shareLost: 0.5, stockpileDays: 60, spareCapacity: 0.2},
      {country: "Chile", shareLost: 0.8, stockpileDays: 10, spareCapacity: 0.05},
      {country: "Zimbabwe", shareLost: 1, stockpileDays: 0, spareCapacity: 0}
    ]) {
      const s = shockNetwork(suppliers, scenario);
      const hand = closedForm(s, 6);
      expect(timeToSurvive(highs, s.network, s.disrupted).value).toBeCloseTo(hand.timeToSurvive, 6);
    }
  });

  it("timeToSurvive(highs, shockNetwork(...)) for all of Australia with 30 days' stock and no spare capacity is 30 days / 51.7 % = 1.9 months", () => {
    const s = shockNetwork(suppliers, {country: "Australia", shareLost: 1, stockpileDays: 30, spareCapacity: 0});
    // Hand: stock = 30 x 106,880 / 365 = 8,784.7 t; shortfall = 55,300 / 12 = 4,608.3 t/month; 8,784.7 / 4,608.3 = 1.906.
    expect(timeToSurvive(highs, s.network, s.disrupted).value).toBeCloseTo((30 * 106_880) / 365 / (55_300 / 12), 6);
    expect(timeToSurvive(highs, s.network, s.disrupted).value).toBeCloseTo(1.906, 3);
  });

  it("timeToSurvive(highs, shockNetwork(...)) is Infinity when the others' spare capacity covers the loss", () => {
    const s = shockNetwork(suppliers, {country: "Zimbabwe", shareLost: 1, stockpileDays: 0, spareCapacity: 0.01});
    expect(closedForm(s, 3).timeToSurvive).toBe(Infinity);
    expect(timeToSurvive(highs, s.network, s.disrupted).value).toBe(Infinity);
  });

  it("performanceImpact(highs, shockNetwork(...), periods) loses what the closed form loses, at the end of the outage", () => {
    const s = shockNetwork(suppliers, {country: "Australia", shareLost: 1, stockpileDays: 30, spareCapacity: 0.1});
    const hand = closedForm(s, 6);
    const impact = performanceImpact(highs, s.network, s.disrupted, 6);
    if (impact.value === null) throw new Error(impact.reason);
    expect(impact.lostUnits).toBeCloseTo(hand.lostUnits, 3);
    const path = impact.lostByNode[MARKET]!;
    expect(path).toHaveLength(6);
    expect(path[0]).toBeCloseTo(0, 6); // the stock serves the first month in full
    expect(path.at(-1)).toBeCloseTo(hand.shortfall, 3);
  });
});

describe("closedForm", () => {
  it("closedForm(network, periods) is the hand computation and refuses a non-integer outage", () => {
    expect(closedForm({stock: 10, lost: 3, spare: 1}, 8)).toEqual({shortfall: 2, timeToSurvive: 5, lostUnits: 6});
    expect(closedForm({stock: 10, lost: 1, spare: 1}, 8)).toEqual({shortfall: 0, timeToSurvive: Infinity, lostUnits: 0});
    expect(() => closedForm({stock: 10, lost: 3, spare: 1}, 2.5)).toThrow(/whole number of periods >= 1, got 2.5/);
    expect(() => closedForm({stock: 10, lost: 3, spare: 1}, 0)).toThrow(/whole number/);
  });
});

describe("countryMineralNetwork", () => {
  const rows = [
    {commodity: "lithium", stage: "mine", country: "Australia", iso3: "AUS", kind: "country", value_t: 55_300},
    {commodity: "nickel", stage: "mine", country: "Australia", iso3: "AUS", kind: "country", value_t: 151_000},
    {commodity: "copper", stage: "mine", country: "Kazakhstan", iso3: "KAZ", kind: "country", value_t: 510_000},
    {commodity: "manganese", stage: "mine", country: "Kazakhstan, concentrate", iso3: "KAZ", kind: "country", value_t: 90_000},
    {commodity: "lithium", stage: "mine", country: "Canada", iso3: "CAN", kind: "country", value_t: 0},
    {commodity: "lithium", stage: "mine", country: "United States", iso3: "USA", kind: "country", value_t: null},
    {commodity: "nickel", stage: "mine", country: "Other countries", iso3: null, kind: "other", value_t: 429_000}
  ];

  it("countryMineralNetwork(rows) links producing countries, by ISO3, to the minerals they produce", () => {
    const {network, countries, minerals} = countryMineralNetwork(rows);
    expect(countries).toEqual(["AUS", "KAZ"]);
    expect(minerals).toEqual(["copper (mine)", "lithium (mine)", "manganese (mine)", "nickel (mine)"]);
    expect(network.edges).toEqual([
      {from: "AUS", to: "lithium (mine)"},
      {from: "AUS", to: "nickel (mine)"},
      {from: "KAZ", to: "copper (mine)"},
      {from: "KAZ", to: "manganese (mine)"}
    ]);
  });

  it("percolation(countryMineralNetwork(rows)) runs on it, reproducibly from the seed", () => {
    const {network} = countryMineralNetwork(rows);
    const a = percolation(network, {strategy: "random", trials: 50, seed: 7});
    expect(percolation(network, {strategy: "random", trials: 50, seed: 7})).toEqual(a);
    expect(a.giant[0]).toBeCloseTo(3 / 6, 9); // two components of 3 nodes each
  });
});

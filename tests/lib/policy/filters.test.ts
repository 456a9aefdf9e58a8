import {describe, expect, it} from "vitest";
import {ALL, filterMeasures, isOpen, OPEN_FILTER, parseFilter, serializeFilter, UNKNOWN, yearRangeProblem, type FilterChoices} from "../../../lib/policy/filters.ts";
import {parsePolicyMeasures} from "../../../lib/policy/schema.ts";
import {csvOf, FIXTURE} from "./fixture.ts";

const rows = parsePolicyMeasures(csvOf(FIXTURE), "fixture.csv").map((r) => r.row);
const choices: FilterChoices = {
  jurisdictions: ["AUS", "CAN", "CHN", "EU", "JPN", "USA"],
  types: ["governance_strategy", "financial_support", "international_arrangement"],
  statuses: ["announced", "implemented", "ended"],
  minerals: ["cobalt", "gallium", "lithium", "rare earth elements"]
};
const ids = (filter: Partial<typeof OPEN_FILTER>, options?: {asParty?: boolean}) => filterMeasures(rows, {...OPEN_FILTER, ...filter}, options).map((r) => r.measure_id);

describe("parseFilter", () => {
  it("parseFilter(search) reads every filter, matching choices without regard to case", () => {
    expect(parseFilter("?jurisdiction=usa&type=Financial_Support&status=unknown&from=2019&to=2023&mineral=Rare+Earth+Elements", choices)).toEqual({
      filter: {jurisdiction: "USA", type: "financial_support", status: UNKNOWN, from: 2019, to: 2023, mineral: "rare earth elements"},
      problems: []
    });
  });

  it("parseFilter(\"\") is the open filter; 'all' and foreign parameters are ignored", () => {
    expect(parseFilter("", choices)).toEqual({filter: OPEN_FILTER, problems: []});
    expect(parseFilter("?jurisdiction=all&utm_source=mail", choices)).toEqual({filter: OPEN_FILTER, problems: []});
  });

  it("parseFilter(search) reports an unknown value and keeps that filter open", () => {
    expect(parseFilter("?jurisdiction=ATL&type=subsidy&from=2020", choices)).toEqual({
      filter: {...OPEN_FILTER, from: 2020},
      problems: [
        {param: "jurisdiction", value: "ATL", reason: "not a value this page knows; ignored"},
        {param: "type", value: "subsidy", reason: "not a value this page knows; ignored"}
      ]
    });
  });

  it("parseFilter(search) reports a year that is not one, and a range that ends before it starts", () => {
    expect(parseFilter("?from=20x0", choices).problems).toEqual([{param: "from", value: "20x0", reason: "not a year (four digits, 1900-2100); ignored"}]);
    expect(parseFilter("?to=3000", choices).filter.to).toBeNull();
    expect(parseFilter("?from=2024&to=2020", choices)).toEqual({
      filter: OPEN_FILTER,
      problems: [{param: "from", value: "2024-2020", reason: "the range ends (2020) before it starts (2024); the year range is ignored"}]
    });
  });

  it("parseFilter(search) uses the first of repeated values and says so; cuts overlong values", () => {
    expect(parseFilter("?jurisdiction=AUS&jurisdiction=USA", choices)).toEqual({
      filter: {...OPEN_FILTER, jurisdiction: "AUS"},
      problems: [{param: "jurisdiction", value: "AUS, USA", reason: "given more than once; the first value is used"}]
    });
    expect(parseFilter(`?mineral=${"x".repeat(150)}`, choices).problems[0]!.reason).toBe("longer than 100 characters; ignored");
  });
});

describe("serializeFilter", () => {
  it("serializeFilter(filter) leaves open parts out and round-trips through parseFilter", () => {
    const filter = {jurisdiction: "EU", type: ALL, status: "implemented", from: 2020, to: null, mineral: "rare earth elements"};
    expect(serializeFilter(filter)).toBe("?jurisdiction=EU&status=implemented&from=2020&mineral=rare+earth+elements");
    expect(parseFilter(serializeFilter(filter), choices).filter).toEqual(filter);
    expect(serializeFilter(OPEN_FILTER)).toBe("");
    expect(isOpen(OPEN_FILTER)).toBe(true);
    expect(isOpen(filter)).toBe(false);
  });
});

describe("filterMeasures", () => {
  it("filterMeasures(rows, {jurisdiction}) matches the jurisdiction, or with asParty any party", () => {
    expect(ids({jurisdiction: "USA"})).toEqual(["m1", "m2", "i1"]);
    expect(ids({jurisdiction: "JPN"})).toEqual(["a1"]);
    expect(ids({jurisdiction: "JPN"}, {asParty: true})).toEqual(["i1", "a1"]);
  });

  it("filterMeasures(rows, {type, status}) matches them; status unknown keeps rows with none", () => {
    expect(ids({type: "governance_strategy"})).toEqual(["m1", "m4", "m6"]);
    expect(ids({status: "ended"})).toEqual(["m5"]);
    expect(ids({status: UNKNOWN})).toEqual(["m6"]);
  });

  it("filterMeasures(rows, {from, to}) keeps starts surely within the range; undated and straddling spans out", () => {
    expect(ids({from: 2019, to: 2022})).toEqual(["m2", "m3", "m5", "i2"]);
    expect(ids({from: 2020})).toEqual(["m2", "i1", "i2", "a1", "a2"]); // m5 (2019/2021) may start before 2020
    expect(ids({to: 2017})).toEqual(["m1", "m6"]);
  });

  it("filterMeasures(rows, {mineral}) matches a mineral or its family", () => {
    expect(ids({mineral: "lithium"})).toEqual(["m1", "m6"]);
    expect(ids({mineral: "rare earth elements"})).toEqual(["m2", "m6"]); // dysprosium, neodymium
    expect(ids({mineral: "dysprosium"})).toEqual(["m2"]);
  });

  it("filterMeasures(rows, {from > to}) keeps nothing, and yearRangeProblem says why", () => {
    expect(ids({from: 2023, to: 2020})).toEqual([]);
    expect(yearRangeProblem({from: 2023, to: 2020})).toBe("the range ends (2020) before it starts (2023)");
    expect(yearRangeProblem({from: 2020, to: null})).toBeNull();
  });
});

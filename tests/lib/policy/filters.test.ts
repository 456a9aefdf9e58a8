import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {ALL, filterRecords, isOpen, OPEN_FILTER, parseFilter, serializeFilter, yearRangeProblem, type Filterable, type FilterChoices, type PolicyFilter} from "../../../lib/policy/filters.ts";

const choices: FilterChoices = {
  jurisdictions: ["AUS", "CAN", "EU", "JPN", "USA"],
  types: ["governance_strategy", "financial_support", "international_arrangement"],
  statuses: ["In force", "Announced", "Ended"],
  technologies: ["Batteries", "Electric vehicles", "Solar PV"]
};
const unknown = (param: string, value: string) => ({param, value, reason: "not a value this page knows; ignored"});

describe("parseFilter", () => {
  it("parseFilter(search) reads every filter, matching choices without regard to case, in the data's spelling", () => {
    expect(parseFilter("?jurisdiction=usa&type=Financial_Support&status=in+force&from=2019&to=2023&technology=electric%20VEHICLES", choices)).toEqual({
      filter: {jurisdiction: "USA", type: "financial_support", status: "In force", from: 2019, to: 2023, technology: "Electric vehicles"},
      problems: []
    });
  });

  it("parseFilter(\"\") is the open filter; 'all' and parameters that are not filters are ignored", () => {
    expect(parseFilter("", choices)).toEqual({filter: OPEN_FILTER, problems: []});
    expect(parseFilter("?jurisdiction=ALL&utm_source=mail&mineral=lithium", choices)).toEqual({filter: OPEN_FILTER, problems: []});
  });

  it("parseFilter(search) reports a value the data do not have (the old status 'unknown' included) and keeps that filter open", () => {
    expect(parseFilter("?jurisdiction=ATL&status=unknown&technology=Hydrogen&from=2020", choices)).toEqual({
      filter: {...OPEN_FILTER, from: 2020},
      problems: [unknown("jurisdiction", "ATL"), unknown("status", "unknown"), unknown("technology", "Hydrogen")]
    });
  });

  it("parseFilter(search) reports a year that is not one (four digits, 1900 to 2100) and drops it", () => {
    const notYear = (param: string, value: string) => ({param, value, reason: "not a year (four digits, 1900-2100); ignored"});
    expect(parseFilter("?from=20x0", choices)).toEqual({filter: OPEN_FILTER, problems: [notYear("from", "20x0")]});
    expect(parseFilter("?from=1899&to=2101", choices)).toEqual({filter: OPEN_FILTER, problems: [notYear("from", "1899"), notYear("to", "2101")]});
    expect(parseFilter("?from=1900&to=2100", choices).filter).toEqual({...OPEN_FILTER, from: 1900, to: 2100});
  });

  it("parseFilter(search) drops a year range that ends before it starts, and says so", () => {
    expect(parseFilter("?from=2024&to=2020", choices)).toEqual({
      filter: OPEN_FILTER,
      problems: [{param: "from", value: "2024-2020", reason: "the range ends (2020) before it starts (2024); the year range is ignored"}]
    });
  });

  it("parseFilter(search) uses the first of repeated values and says so; drops an overlong value", () => {
    expect(parseFilter("?jurisdiction=AUS&jurisdiction=USA", choices)).toEqual({
      filter: {...OPEN_FILTER, jurisdiction: "AUS"},
      problems: [{param: "jurisdiction", value: "AUS, USA", reason: "given more than once; the first value is used"}]
    });
    const long = parseFilter(`?technology=${"x".repeat(101)}`, choices);
    expect(long.filter).toEqual(OPEN_FILTER);
    expect(long.problems.map((p) => [p.param, p.reason])).toEqual([["technology", "longer than 100 characters; ignored"]]);
  });
});

describe("serializeFilter, isOpen", () => {
  it("serializeFilter(filter) writes the set parts in a fixed order and leaves the open ones out", () => {
    const filter: PolicyFilter = {jurisdiction: "EU", type: ALL, status: "In force", from: 2020, to: null, technology: "Electric vehicles"};
    expect(serializeFilter(filter)).toBe("?jurisdiction=EU&status=In+force&from=2020&technology=Electric+vehicles");
    expect(serializeFilter(OPEN_FILTER)).toBe("");
  });

  it("isOpen(filter) is true only when no part is set", () => {
    expect(isOpen(OPEN_FILTER)).toBe(true);
    expect(isOpen({...OPEN_FILTER, to: 2020})).toBe(false);
    expect(isOpen({...OPEN_FILTER, technology: "Batteries"})).toBe(false);
  });

  it("parseFilter(serializeFilter(filter)) gives back any valid filter, with no problem (property)", () => {
    const among = (values: readonly string[]) => fc.constantFrom(ALL, ...values);
    const year = fc.option(fc.integer({min: 1900, max: 2100}), {nil: null});
    const filters = fc
      .record({jurisdiction: among(choices.jurisdictions), type: among(choices.types), status: among(choices.statuses), from: year, to: year, technology: among(choices.technologies)})
      .map((f): PolicyFilter => (f.from !== null && f.to !== null && f.from > f.to ? {...f, from: f.to, to: f.from} : f));
    fc.assert(
      fc.property(filters, (filter) => {
        expect(parseFilter(serializeFilter(filter), choices)).toEqual({filter, problems: []});
        expect(isOpen(filter)).toBe(JSON.stringify(filter) === JSON.stringify(OPEN_FILTER));
      }),
      {seed: 3, numRuns: 300}
    );
  });
});

describe("yearRangeProblem", () => {
  it("yearRangeProblem(range) explains a range that ends before it starts, and is null otherwise", () => {
    expect(yearRangeProblem({from: 2024, to: 2020})).toBe("the range ends (2020) before it starts (2024)");
    expect(yearRangeProblem({from: 2020, to: 2020})).toBeNull();
    expect(yearRangeProblem({from: 2024, to: null})).toBeNull();
  });
});

describe("filterRecords", () => {
  const rows: (Filterable & {id: string})[] = [
    {id: "a", countries: "USA;CAN", classes: "governance_strategy;financial_support", status: "In force", year: 2021, technologies: "Batteries;Electric vehicles"},
    {id: "b", countries: "AUS", classes: "recycling_circularity", status: "Announced", year: 2019, technologies: null},
    {id: "c", countries: "EU", classes: "international_arrangement", status: "In force;Ended", year: 2023, technologies: "Solar PV"},
    {id: "d", countries: null, classes: null, status: null, year: null, technologies: null}
  ];
  const ids = (filter: Partial<PolicyFilter>) => filterRecords(rows, {...OPEN_FILTER, ...filter}).map((r) => r.id);

  it("filterRecords(rows, open filter) keeps every row, even one with no fields", () => {
    expect(ids({})).toEqual(["a", "b", "c", "d"]);
  });

  it("filterRecords(rows, {jurisdiction}) keeps rows naming the country among their ';'-list, not a part of a code", () => {
    expect(ids({jurisdiction: "CAN"})).toEqual(["a"]);
    expect(ids({jurisdiction: "EU"})).toEqual(["c"]);
    expect(ids({jurisdiction: "US"})).toEqual([]);
  });

  it("filterRecords(rows, {type, status, technology}) keeps rows with that value among theirs", () => {
    expect(ids({type: "financial_support"})).toEqual(["a"]);
    expect(ids({status: "In force"})).toEqual(["a", "c"]);
    expect(ids({status: "Ended"})).toEqual(["c"]); // one of an initiative's statuses
    expect(ids({technology: "Electric vehicles"})).toEqual(["a"]);
    expect(ids({technology: "Solar"})).toEqual([]); // a part of "Solar PV" is not a technology
    expect(ids({jurisdiction: "USA", status: "Announced"})).toEqual([]);
  });

  it("filterRecords(rows, {from, to}) keeps years in the range, bounds included; a row with no year is left out", () => {
    expect(ids({from: 2021})).toEqual(["a", "c"]);
    expect(ids({to: 2021})).toEqual(["a", "b"]);
    expect(ids({from: 2021, to: 2021})).toEqual(["a"]);
    expect(ids({from: 2024, to: 2020})).toEqual([]);
  });
});

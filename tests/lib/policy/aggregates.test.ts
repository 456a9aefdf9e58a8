import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {classShares, closerRule, countsByCountry, initiativesSince, participationCounts, shareSince, shareWithStatus, topCountriesShare} from "../../../lib/policy/aggregates.ts";
import {POLICY_CLASSES} from "../../../lib/policy/vocabulary.ts";
import {COUNTRIES, PARTICIPATION, RECORDS, TYPES} from "./fixture.ts";

// The fixture (./fixture.ts) has 5 records, 10 country mentions, 8 types and 5 initiatives.

describe("countsByCountry, topCountriesShare", () => {
  it("countsByCountry(countries, 5) counts the records naming each country, most first", () => {
    expect(countsByCountry(COUNTRIES, 5)).toEqual([
      {country: "USA", count: 4, total: 5, share: 0.8},
      {country: "AUS", count: 3, total: 5, share: 0.6},
      {country: "EU", count: 2, total: 5, share: 0.4},
      {country: "CAN", count: 1, total: 5, share: 0.2}
    ]);
  });

  it("countsByCountry(countries, n) orders countries with as many records by code", () => {
    expect(countsByCountry([{policy_id: "r1", country: "USA"}, {policy_id: "r2", country: "AUS"}], 2).map((c) => c.country)).toEqual(["AUS", "USA"]);
  });

  it("topCountriesShare(countries, 5, 1): USA is named by 4 of 5 records and holds 4 of 10 mentions", () => {
    expect(topCountriesShare(COUNTRIES, 5, 1)).toEqual({countries: ["USA"], ofRecords: {count: 4, total: 5, share: 0.8}, ofMentions: {count: 4, total: 10, share: 0.4}});
  });

  it("topCountriesShare(countries, 5, 2): USA or AUS is named by every record, and they hold 4 + 3 of 10 mentions", () => {
    expect(topCountriesShare(COUNTRIES, 5, 2)).toEqual({countries: ["USA", "AUS"], ofRecords: {count: 5, total: 5, share: 1}, ofMentions: {count: 7, total: 10, share: 0.7}});
  });

  it("topCountriesShare(countries, 5) with the default ten takes every country: 5/5 records, 10/10 mentions", () => {
    const top = topCountriesShare(COUNTRIES, 5);
    expect(top.countries).toEqual(["USA", "AUS", "EU", "CAN"]);
    expect([top.ofRecords.share, top.ofMentions.share]).toEqual([1, 1]);
  });

  it("topCountriesShare(countries, 3, 2) breaks the tie of B and C at the cut by code: A and B are named by r1 r2 (2/3)", () => {
    // A 2 (r1, r2), B 1 (r1), C 1 (r3). Taking C instead of B would give 3/3 of records; the mentions are 3/4 either way.
    const countries = [{policy_id: "r1", country: "A"}, {policy_id: "r1", country: "B"}, {policy_id: "r2", country: "A"}, {policy_id: "r3", country: "C"}];
    expect(topCountriesShare(countries, 3, 2)).toEqual({countries: ["A", "B"], ofRecords: {count: 2, total: 3, share: 2 / 3}, ofMentions: {count: 3, total: 4, share: 0.75}});
  });

  it("topCountriesShare([], 0) has no shares rather than 0", () => {
    expect(topCountriesShare([], 0)).toEqual({countries: [], ofRecords: {count: 0, total: 0, share: null}, ofMentions: {count: 0, total: 0, share: null}});
  });
});

describe("classShares", () => {
  const shares = classShares(TYPES);
  const byClass = new Map(shares.map((s) => [s.miners_class, s]));

  it("classShares(types) gives every class of the vocabulary, in its order", () => {
    expect(shares.map((s) => s.miners_class)).toEqual(POLICY_CLASSES.map((c) => c.id));
  });

  it("classShares(types) counts each type once under 'mentions': governance 2/8, financial 3/8, recycling 1/8, trade 0/8", () => {
    expect(byClass.get("governance_strategy")!.mentions).toEqual({count: 2, total: 8, share: 0.25});
    expect(byClass.get("financial_support")!.mentions).toEqual({count: 3, total: 8, share: 0.375});
    expect(byClass.get("recycling_circularity")!.mentions).toEqual({count: 1, total: 8, share: 0.125});
    expect(byClass.get("trade_measures")!.mentions).toEqual({count: 0, total: 8, share: 0});
  });

  it("classShares(types) splits each record over its types under 'split': governance 1 + 1/3, financial 1/3 + 1/3 + 1/2, of 5 records", () => {
    const governance = byClass.get("governance_strategy")!.split;
    const financial = byClass.get("financial_support")!.split;
    expect(governance.total).toBe(5);
    expect(governance.count).toBeCloseTo(4 / 3, 12);
    expect(governance.share).toBeCloseTo(4 / 15, 12);
    expect(financial.count).toBeCloseTo(7 / 6, 12);
    expect(financial.share).toBeCloseTo(7 / 30, 12);
    expect(byClass.get("regulatory_permitting")!.split).toEqual({count: 1, total: 5, share: 0.2});
    expect(byClass.get("trade_measures")!.split).toEqual({count: 0, total: 5, share: 0});
  });

  it("classShares(types) lists classes outside the vocabulary after it, by name", () => {
    const other = classShares([...TYPES, {policy_id: "p6", miners_class: "zz_custom", weight: 1}, {policy_id: "p7", miners_class: "aa_custom", weight: 1}]);
    expect(other.slice(POLICY_CLASSES.length).map((s) => [s.miners_class, s.mentions.count, s.split.total])).toEqual([
      ["aa_custom", 1, 7],
      ["zz_custom", 1, 7]
    ]);
  });

  it("classShares([]) has no shares rather than 0", () => {
    expect(classShares([]).every((s) => s.mentions.share === null && s.split.share === null)).toBe(true);
  });

  it("classShares(types): the 'split' weights sum to the number of records and the 'mentions' to the number of types (property)", () => {
    const classIds = POLICY_CLASSES.map((c) => c.id as string);
    // Each record: one to five types, each of any class (two types of a record may share a class).
    const records = fc.array(fc.array(fc.constantFrom(...classIds), {minLength: 1, maxLength: 5}), {minLength: 1, maxLength: 20});
    fc.assert(
      fc.property(records, (recs) => {
        const types = recs.flatMap((classes, i) => classes.map((miners_class) => ({policy_id: `r${i}`, miners_class, weight: 1 / classes.length})));
        const result = classShares(types);
        expect(result.reduce((s, c) => s + c.split.count, 0)).toBeCloseTo(recs.length, 9);
        expect(result.reduce((s, c) => s + c.split.share!, 0)).toBeCloseTo(1, 9);
        expect(result.reduce((s, c) => s + c.mentions.count, 0)).toBe(types.length);
      }),
      {seed: 11}
    );
  });
});

describe("closerRule", () => {
  const shares = classShares(TYPES);

  it("closerRule(shares, paper) picks 'mentions' when the paper's shares are the mentions shares", () => {
    // mentions: 0; split: |4/15 - 0.25| + |7/30 - 0.375| = 1/60 + 17/120 = 19/120.
    const r = closerRule(shares, {governance_strategy: 0.25, financial_support: 0.375});
    expect(r.mentions).toBeCloseTo(0, 12);
    expect(r.split).toBeCloseTo(19 / 120, 12);
    expect(r.closer).toBe("mentions");
  });

  it("closerRule(shares, paper) picks 'split' when the paper's shares are the split shares", () => {
    // split: 0; mentions: |0.25 - 4/15| + |0.125 - 0.2| = 1/60 + 3/40 = 11/120.
    const r = closerRule(shares, {governance_strategy: 4 / 15, regulatory_permitting: 0.2});
    expect(r.split).toBeCloseTo(0, 12);
    expect(r.mentions).toBeCloseTo(11 / 120, 12);
    expect(r.closer).toBe("split");
  });

  it("closerRule(shares, paper) counts a class it has no share for as 0, and a tie goes to 'mentions'", () => {
    expect(closerRule(shares, {unknown_class: 0.1})).toEqual({mentions: 0.1, split: 0.1, closer: "mentions"});
  });
});

describe("shareSince, shareWithStatus", () => {
  it("shareSince(records, year) counts the records of that year or later: 4/5 from 2018, 3/5 from 2020, 0/5 from 2024", () => {
    expect(shareSince(RECORDS, 2018)).toEqual({count: 4, total: 5, share: 0.8});
    expect(shareSince(RECORDS, 2020)).toEqual({count: 3, total: 5, share: 0.6});
    expect(shareSince(RECORDS, 2024)).toEqual({count: 0, total: 5, share: 0});
    expect(shareSince([], 2020).share).toBeNull();
  });

  it("shareWithStatus(records) counts the records 'In force' (3/5); another status when given (Announced 1/5)", () => {
    expect(shareWithStatus(RECORDS)).toEqual({count: 3, total: 5, share: 0.6});
    expect(shareWithStatus(RECORDS, "Announced")).toEqual({count: 1, total: 5, share: 0.2});
  });
});

describe("participationCounts, initiativesSince", () => {
  it("participationCounts(rows) counts initiatives per party, most first", () => {
    expect(participationCounts(PARTICIPATION)).toEqual([
      {party: "USA", count: 4},
      {party: "JPN", count: 3},
      {party: "AUS", count: 2},
      {party: "EU", count: 1}
    ]);
  });

  it("participationCounts(rows) counts an initiative once for a party even if a row repeats; ties by code", () => {
    const rows = [{initiative_id: "i1", first_year: 2020, party: "USA"}, {initiative_id: "i1", first_year: 2020, party: "USA"}, {initiative_id: "i2", first_year: 2021, party: "CAN"}];
    expect(participationCounts(rows)).toEqual([{party: "CAN", count: 1}, {party: "USA", count: 1}]);
  });

  it("initiativesSince(rows) counts the initiatives, and those from 2020: i4 i1 i3 i5 of 5", () => {
    expect(initiativesSince(PARTICIPATION)).toEqual({count: 4, total: 5, share: 0.8});
    expect(initiativesSince(PARTICIPATION, 2023)).toEqual({count: 2, total: 5, share: 0.4});
    expect(initiativesSince([]).share).toBeNull();
  });
});

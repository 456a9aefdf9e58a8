import {describe, expect, it} from "vitest";
import {parseUrlState, serializeUrlState, type UrlSpec} from "../../../lib/reader/url-state.ts";

const spec = {
  country: {values: ["all", "IDN", "AUS"], fallback: "all"},
  set: {values: ["all", "icmm", "paper"], fallback: "all"},
  q: {values: null, fallback: "", maxLength: 10}
} satisfies UrlSpec;

describe("parseUrlState", () => {
  it("parseUrlState(search, spec) reads known values, with or without the leading ?", () => {
    expect(parseUrlState("?country=IDN&set=paper", spec)).toEqual({state: {country: "IDN", set: "paper", q: ""}, problems: []});
    expect(parseUrlState("country=AUS", spec).state.country).toBe("AUS");
  });

  it("parseUrlState(search, spec) matches values case-insensitively and returns the spec's spelling", () => {
    expect(parseUrlState("?country=idn", spec).state.country).toBe("IDN");
  });

  it("parseUrlState(search, spec) falls back and reports a value it does not know, without throwing", () => {
    const {state, problems} = parseUrlState("?country=XXX&set=icmm", spec);
    expect(state).toEqual({country: "all", set: "icmm", q: ""});
    expect(problems).toEqual([{param: "country", value: "XXX", reason: "not a value this page knows; ignored"}]);
  });

  it("parseUrlState(search, spec) ignores parameters outside the spec and treats empty values as absent", () => {
    expect(parseUrlState("?utm_source=x&country=&q=", spec)).toEqual({state: {country: "all", set: "all", q: ""}, problems: []});
  });

  it("parseUrlState(search, spec) keeps the first of repeated values and says so", () => {
    const {state, problems} = parseUrlState("?country=AUS&country=IDN", spec);
    expect(state.country).toBe("AUS");
    expect(problems).toEqual([{param: "country", value: "AUS, IDN", reason: "given more than once; the first value is used"}]);
  });

  it("parseUrlState(search, spec) decodes free text and refuses text longer than maxLength", () => {
    expect(parseUrlState("?q=Salar%20de", spec).state.q).toBe("Salar de");
    const {state, problems} = parseUrlState("?q=abcdefghijk", spec); // 11 characters, limit 10
    expect(state.q).toBe("");
    expect(problems.map((p) => p.param)).toEqual(["q"]);
  });

  it("parseUrlState(search, spec) survives malformed percent-encoding", () => {
    expect(() => parseUrlState("?country=%E0%A4%A", spec)).not.toThrow();
    expect(parseUrlState("?country=%E0%A4%A", spec).state.country).toBe("all");
  });
});

describe("serializeUrlState", () => {
  it("serializeUrlState(state, spec) writes non-default values in the spec's order", () => {
    expect(serializeUrlState({q: "Salar de", set: "paper", country: "IDN"}, spec)).toBe("?country=IDN&set=paper&q=Salar+de");
  });

  it("serializeUrlState(state, spec) writes nothing when every value is its default", () => {
    expect(serializeUrlState({country: "all", set: "all", q: ""}, spec)).toBe("");
  });

  it("serializeUrlState(state, spec) round-trips through parseUrlState", () => {
    const state = {country: "AUS", set: "icmm", q: "Ni & Co"}; // "&" must be encoded
    expect(parseUrlState(serializeUrlState(state, spec), spec).state).toEqual(state);
  });

  it("serializeUrlState(state, spec) throws RangeError for a value outside the list", () => {
    expect(() => serializeUrlState({country: "FRA"}, spec)).toThrow(RangeError);
  });
});

describe("list parameters (checkboxes)", () => {
  const TYPES = ["Brine", "Hard Rock", "Other (Oilfield)"];
  const lists = {type: {values: TYPES, fallback: TYPES.join(","), list: true}} satisfies UrlSpec;

  it("read the chosen values in the spec's order, matched case-insensitively; none means an empty choice", () => {
    expect(parseUrlState("?type=hard%20rock,Brine", lists)).toEqual({state: {type: "Brine,Hard Rock"}, problems: []});
    expect(parseUrlState("?type=none", lists).state.type).toBe("");
    expect(parseUrlState("", lists).state.type).toBe(TYPES.join(","));
  });

  it("drop and report values the page does not know, keeping the known ones; only unknown ones fall back", () => {
    expect(parseUrlState("?type=Brine,Lava", lists)).toEqual({state: {type: "Brine"}, problems: [{param: "type", value: "lava", reason: "not a value this page knows; ignored"}]});
    expect(parseUrlState("?type=Lava", lists).state.type).toBe(TYPES.join(","));
  });

  it("write a non-default choice in the spec's order, none for an empty one, nothing for the default, and round-trip", () => {
    expect(serializeUrlState({type: "Other (Oilfield),Brine"}, lists)).toBe("?type=Brine%2COther+%28Oilfield%29");
    expect(serializeUrlState({type: ""}, lists)).toBe("?type=none");
    expect(serializeUrlState({type: TYPES.join(",")}, lists)).toBe("");
    for (const type of ["", "Hard Rock", "Brine,Other (Oilfield)"]) expect(parseUrlState(serializeUrlState({type}, lists), lists).state.type).toBe(type);
    expect(() => serializeUrlState({type: "Brine,Lava"}, lists)).toThrow(RangeError);
  });
});

import {describe, expect, it} from "vitest";
import {splitList} from "../../../lib/policy/vocabulary.ts";

describe("splitList", () => {
  it("splitList(cell) gives the items of a ;-joined cell, none for a missing cell, nothing trimmed or dropped", () => {
    expect(splitList("AUS;EU;USA")).toEqual(["AUS", "EU", "USA"]);
    expect(splitList("Batteries")).toEqual(["Batteries"]);
    expect(splitList(null)).toEqual([]);
    expect(splitList(undefined)).toEqual([]);
    expect(splitList("")).toEqual([""]);
    expect(splitList("a; b;")).toEqual(["a", " b", ""]);
  });
});

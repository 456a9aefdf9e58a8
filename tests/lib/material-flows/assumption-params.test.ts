import {describe, expect, it} from "vitest";
import {SLIDERS, readSliderParams, sliderProblem, toAssumptions, toSliderValues, withSliderParams} from "../../../lib/material-flows/assumption-params.ts";

const D = {collection: 23.7, recovery: 100, lifetime: 10, lifetimeSd: 3, growth: 31.4};
const li = SLIDERS.lithium;
const spec = (param: string) => [...SLIDERS.lithium, ...SLIDERS.nickel].find((s) => s.param === param)!;

describe("slider values and assumptions", () => {
  it("toSliderValues gives percent and years; toAssumptions is its inverse", () => {
    const a = {collectionRate: 0.25, recoveryEfficiency: 0.9, lifetime: {mean: 12, sd: 2.5}, growth: -0.05};
    expect(toSliderValues(a)).toEqual({collection: 25, recovery: 90, lifetime: 12, lifetimeSd: 2.5, growth: -5});
    expect(toAssumptions(toSliderValues(a))).toEqual(a);
  });

  it("every slider has a distinct parameter", () => {
    const params = [...SLIDERS.lithium, ...SLIDERS.nickel].map((s) => s.param);
    expect(new Set(params).size).toBe(10);
    expect(li.map((s) => s.param)).toEqual(["li-collection", "li-recovery", "li-lifetime", "li-lifetime-sd", "li-growth"]);
  });
});

describe("sliderProblem", () => {
  it("accepts a number in range and on the steps", () => {
    expect(sliderProblem(spec("li-collection"), "50")).toBeNull();
    expect(sliderProblem(spec("li-collection"), "23.728813559")).toBeNull();
    expect(sliderProblem(spec("li-lifetime"), "12.5")).toBeNull(); // 2 + 21 x 0.5
    expect(sliderProblem(spec("li-growth"), "-10")).toBeNull();
  });

  it("names the parameter and the range of a value it refuses", () => {
    expect(sliderProblem(spec("li-collection"), "abc")).toBe("li-collection=abc is not a number from 0 to 100");
    expect(sliderProblem(spec("li-collection"), "150")).toBe("li-collection=150 is not a number from 0 to 100");
    expect(sliderProblem(spec("li-collection"), " ")).toBe("li-collection=  is not a number from 0 to 100");
    expect(sliderProblem(spec("ni-lifetime"), "7.3")).toBe("ni-lifetime=7.3 is not a number from 5 to 50 in steps of 0.5");
    expect(sliderProblem(spec("li-lifetime"), "Infinity")).toMatch(/not a number from 2 to 20/);
  });
});

describe("readSliderParams", () => {
  it("takes each good parameter and falls back to the default for a bad one, naming it", () => {
    const {values, problems} = readSliderParams("?li-collection=abc&li-lifetime=12&ni-lifetime=30&other=1", li, D);
    expect(values).toEqual({...D, lifetime: 12});
    expect(problems).toEqual(["li-collection=abc is not a number from 0 to 100; the default 23.7 is used"]);
  });

  it("without parameters gives the defaults and no problem", () => {
    expect(readSliderParams("", li, D)).toEqual({values: D, problems: []});
  });
});

describe("withSliderParams", () => {
  it("writes the values that differ from the defaults, keeps other parameters and the hash", () => {
    const href = withSliderParams("https://x.org/pages/material-flows?fig-5-query=t1&li-growth=5#fig-5", li, {...D, collection: 50}, D);
    expect(href).toBe("https://x.org/pages/material-flows?fig-5-query=t1&li-collection=50#fig-5");
  });

  it("leaves a plain address plain at the defaults", () => {
    expect(withSliderParams("https://x.org/p?li-collection=50", li, D, D)).toBe("https://x.org/p");
  });

  it("round-trips through readSliderParams", () => {
    const values = {collection: 12.5, recovery: 80, lifetime: 7.5, lifetimeSd: 0, growth: -2.25};
    const href = withSliderParams("https://x.org/p", li, values, D);
    expect(readSliderParams(new URL(href).search, li, D)).toEqual({values, problems: []});
  });
});

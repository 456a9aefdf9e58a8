/**
 * The reader's assumptions as sliders and as query parameters of the page's URL, so that a link
 * reopens the material-flow figures as the reader set them. A slider shows its assumption in the
 * reader's units (percent, years); the URL carries the same number, e.g. `?li-collection=50`. A
 * parameter that is not a number, lies outside the slider's range or off its steps falls back to
 * the default, and the reason is returned to be shown on the page.
 */

import type {Assumptions} from "./model.js";
import {parseUrlState, type UrlSpec} from "../reader/url-state.js";
import {withParam} from "../reader/permalink.js";

export type AssumptionKey = "collection" | "recovery" | "lifetime" | "lifetimeSd" | "growth";

/** One slider: its URL parameter, range and steps in the reader's units, and how it maps to the model's Assumptions. */
export interface SliderSpec {
  key: AssumptionKey;
  /** Query parameter and data-assumption id, e.g. "li-collection". */
  param: string;
  label: string;
  min: number;
  max: number;
  /** Step of the slider; null for any value. */
  step: number | null;
  /** Decimals the slider shows. */
  digits: number;
}

export type SliderValues = Record<AssumptionKey, number>;

const spec = (prefix: string, ranges: Record<AssumptionKey, [number, number, number | null, number]>, labels: Record<AssumptionKey, string>): readonly SliderSpec[] =>
  (Object.keys(ranges) as AssumptionKey[]).map((key) => {
    const [min, max, step, digits] = ranges[key];
    const suffix = {collection: "collection", recovery: "recovery", lifetime: "lifetime", lifetimeSd: "lifetime-sd", growth: "growth"}[key];
    return {key, param: `${prefix}-${suffix}`, label: labels[key], min, max, step, digits};
  });

/** The sliders of the two systems. */
export const SLIDERS: Readonly<Record<"lithium" | "nickel", readonly SliderSpec[]>> = {
  lithium: spec(
    "li",
    {collection: [0, 100, null, 1], recovery: [0, 100, null, 1], lifetime: [2, 20, 0.5, 1], lifetimeSd: [0, 8, 0.5, 1], growth: [-10, 60, null, 1]},
    {collection: "Collection rate (%)", recovery: "Recovery efficiency (%)", lifetime: "EV battery lifetime, mean (years)", lifetimeSd: "EV battery lifetime, sd (years)", growth: "Growth before 2021 (% a year)"}
  ),
  nickel: spec(
    "ni",
    {collection: [0, 100, null, 1], recovery: [0, 100, null, 1], lifetime: [5, 50, 0.5, 1], lifetimeSd: [0, 20, 0.5, 1], growth: [-5, 20, null, 2]},
    {collection: "Collection rate (%)", recovery: "Recovery efficiency (%)", lifetime: "Product lifetime, mean (years)", lifetimeSd: "Product lifetime, sd (years)", growth: "Growth before 2021 (% a year)"}
  )
};

/** The model's assumptions in the sliders' units: shares as percent, lifetimes in years. */
export function toSliderValues(a: Assumptions): SliderValues {
  return {collection: 100 * a.collectionRate, recovery: 100 * a.recoveryEfficiency, lifetime: a.lifetime.mean, lifetimeSd: a.lifetime.sd, growth: 100 * a.growth};
}

/** The sliders' values as the model's assumptions (inverse of toSliderValues). */
export function toAssumptions(v: SliderValues): Assumptions {
  return {collectionRate: v.collection / 100, recoveryEfficiency: v.recovery / 100, lifetime: {mean: v.lifetime, sd: v.lifetimeSd}, growth: v.growth / 100};
}

/** Why `text` cannot set the slider, or null if it can. */
export function sliderProblem(s: SliderSpec, text: string): string | null {
  const trimmed = text.trim();
  const v = trimmed === "" ? NaN : Number(trimmed);
  const range = `a number from ${s.min} to ${s.max}${s.step ? ` in steps of ${s.step}` : ""}`;
  if (!Number.isFinite(v) || v < s.min || v > s.max) return `${s.param}=${text} is not ${range}`;
  if (s.step !== null) {
    const k = (v - s.min) / s.step;
    if (Math.abs(k - Math.round(k)) > 1e-9) return `${s.param}=${text} is not ${range}`;
  }
  return null;
}

/**
 * The sliders' values from a query string: each parameter present and valid, else the default.
 * `problems` names every parameter that fell back, with the default used.
 */
export function readSliderParams(search: string, sliders: readonly SliderSpec[], defaults: SliderValues): {values: SliderValues; problems: string[]} {
  // Read through the site's URL state: a value that fails sliderProblem is dropped and reported.
  const spec: UrlSpec = Object.fromEntries(sliders.map((s) => [s.param, {values: null, fallback: "", maxLength: 50, check: (text: string) => (sliderProblem(s, text) ? "out of range" : null)}]));
  const {state, problems: found} = parseUrlState(search, spec);
  const values = {...defaults};
  for (const s of sliders) if (state[s.param]) values[s.key] = Number(state[s.param]);
  const problems = found.map((p) => {
    const s = sliders.find((x) => x.param === p.param)!;
    const why = sliderProblem(s, p.value);
    return why ? `${why}; the default ${formatSlider(s, defaults[s.key])} is used` : `${p.param}: ${p.reason}`;
  });
  return {values, problems};
}

/** A slider's value as the slider shows it (its digits). */
export function formatSlider(s: SliderSpec, v: number): string {
  return v.toFixed(s.digits);
}

/**
 * The URL with the sliders' parameters set: a value equal to its default (to 1e-9) is removed, so
 * that the plain page has a plain URL; every other parameter and the hash are kept.
 */
export function withSliderParams(href: string, sliders: readonly SliderSpec[], values: SliderValues, defaults: SliderValues): string {
  return sliders.reduce((url, s) => {
    const v = values[s.key];
    const isDefault = Math.abs(v - defaults[s.key]) <= 1e-9 * Math.max(1, Math.abs(defaults[s.key]));
    return withParam(url, s.param, isDefault ? null : String(Number(v.toPrecision(12))));
  }, href);
}

import * as Plot from "@observablehq/plot";
import type {TierMetrics} from "../../lib/resilience/tiers.js";
import type {ScenarioYear, TierPercolationYear} from "../../lib/resilience/tier-models.js";
import {elementBuilder} from "../reader/dom.js";

/** The order the charts list the minerals in: the paper's two first. */
export const MINERAL_ORDER = ["lithium", "nickel", "cobalt", "copper", "graphite", "magnet rare earths"];
const TIER_COLOURS = {mining: "#b5651d", refining: "var(--miners-blue, #3b5fc0)"};
const rank = (mineral: string) => {
  const i = MINERAL_ORDER.indexOf(mineral);
  return i < 0 ? MINERAL_ORDER.length : i;
};
const byMineral = (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b);

const one = (x: number) => x.toLocaleString("en-GB", {minimumFractionDigits: 1, maximumFractionDigits: 1});
const pct = (x: number) => `${(100 * x).toLocaleString("en-GB", {minimumFractionDigits: 1, maximumFractionDigits: 1})} %`;
/** A range as text: one value when both ends print the same. */
export function rangeText(range: {lower: number; upper: number}, format: (x: number) => string = one): string {
  const a = format(range.lower);
  const b = format(range.upper);
  return a === b ? a : `${a}–${b}`;
}

/** The fields of a row of Figure S17 (iea_supply_checks) the table shows. */
export interface SupplyCheckRow {
  mineral: string;
  tier: string;
  year: number;
  unit: string;
  total_kt: number;
  rows_sum_kt: number | null;
  difference_kt: number | null;
  status: string;
  counted_twice: string | null;
  choice: string;
}

/**
 * The IEA's blocks checked against their totals, as a matrix: one row per mineral and tier, one
 * column per year; a block that adds up reads "adds up", one that does not gives its rows' sum
 * against the stated total and the country counted twice, with the choice made in its title.
 * Cells carry data-block, data-year, data-status and data-difference.
 */
export function SupplyChecksTable(rows: readonly SupplyCheckRow[], {document = globalThis.document}: {document?: Document} = {}): HTMLTableElement {
  const h = elementBuilder(document);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const blocks = [...new Map(rows.map((r) => [`${r.mineral}/${r.tier}`, r])).values()].sort((a, b) => byMineral(a.mineral, b.mineral) || a.tier.localeCompare(b.tier));
  const kt = (x: number) => x.toLocaleString("en-GB", {maximumFractionDigits: 1});
  const body = h("tbody");
  for (const b of blocks) {
    const id = `${b.mineral}/${b.tier}`;
    const cells = years.map((year) => {
      const r = rows.find((x) => x.mineral === b.mineral && x.tier === b.tier && x.year === year);
      if (!r) return h("td", {class: "missing", "data-year": String(year)}, "no block");
      const attrs = {"data-block": id, "data-year": String(year), "data-status": r.status, "data-difference": String(r.difference_kt ?? ""), title: r.choice};
      if (r.status === "adds up") return h("td", {...attrs, class: "muted"}, "adds up");
      if (r.counted_twice === null) return h("td", {...attrs, class: "missing"}, r.status);
      return h("td", {...attrs, class: "off"}, `${kt(r.rows_sum_kt!)} vs ${kt(r.total_kt)}: `, h("strong", {}, `+${kt(r.difference_kt!)}`), ` = ${r.counted_twice} twice`);
    });
    body.append(h("tr", {"data-block": id}, h("th", {}, `${b.mineral}, ${b.tier}`, h("div", {class: "muted"}, b.unit)), ...cells));
  }
  return h("table", {class: "metrics supply-checks"}, h("thead", {}, h("tr", {}, h("th", {}, "Block"), ...years.map((y) => h("th", {}, String(y))))), body);
}

interface RangeDatum {
  mineral: string;
  tier: string;
  lower: number;
  upper: number;
}

const ranges = (metrics: readonly TierMetrics[], pick: (m: TierMetrics) => TierMetrics["hhi"]): RangeDatum[] =>
  metrics.flatMap((m) => {
    const v = pick(m).value;
    return v ? [{mineral: m.mineral, tier: m.tier, lower: v.lower, upper: v.upper}] : [];
  });

/**
 * The HHI of both tiers of every mineral in one year, each as a range: a bar from the lower bound
 * (the rest spread thin, filled dot) to the upper (the rest as one supplier, open dot); mining
 * above refining for each mineral, 2,500 (a highly concentrated market) marked.
 */
export function TierHhiChart(metrics: readonly TierMetrics[], {width = 640, document}: {width?: number; document?: Document} = {}): SVGSVGElement | HTMLElement {
  const data = ranges(metrics, (m) => m.hhi);
  const minerals = [...new Set(data.map((d) => d.mineral))].sort(byMineral);
  const missingOnes = metrics.filter((m) => m.hhi.value === null);
  const offset = (tier: string) => (tier === "mining" ? -6 : 6);
  // One tip for both tiers (two tipped marks would show two tips at once), nearest to the pointer.
  const hhiText = (x: RangeDatum) => `${x.mineral}, ${x.tier}: HHI ${rangeText(x)} (rest spread thin to rest as one supplier)`;
  const marks = (["mining", "refining"] as const).flatMap((tier) => {
    const d = data.filter((x) => x.tier === tier);
    return [
      Plot.ruleY(d, {y: "mineral", x1: "lower", x2: "upper", stroke: "tier", strokeWidth: 6, strokeOpacity: 0.45, dy: offset(tier)}),
      Plot.dot(d, {y: "mineral", x: "lower", fill: "tier", r: 4, dy: offset(tier), ariaLabel: hhiText}),
      Plot.dot(d, {y: "mineral", x: "upper", stroke: "tier", fill: "var(--plot-background, white)", r: 3.5, dy: offset(tier)})
    ];
  });
  return Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: 46 * minerals.length + 60,
    marginLeft: 118,
    x: {domain: [0, 10_000], label: "HHI (0-10,000) →", grid: true},
    y: {domain: minerals, label: null},
    color: {domain: ["mining", "refining"], range: [TIER_COLOURS.mining, TIER_COLOURS.refining], legend: true},
    caption: missingOnes.length ? `Missing: ${missingOnes.map((m) => `${m.mineral} ${m.tier} (${m.hhi.reason})`).join("; ")}.` : undefined,
    marks: [Plot.ruleX([2500], {strokeDasharray: "4,3"}), Plot.text([2500], {x: (d: number) => d, frameAnchor: "top", dy: -2, text: () => "2,500", textAnchor: "middle", lineAnchor: "bottom"}), ...marks, Plot.tip(data, Plot.pointer({y: "mineral", x: "lower", title: hhiText}))]
  });
}

/**
 * The Table 2 concentration metrics of both tiers, each as its range: HHI, top-3 share, effective
 * number of suppliers and governance-weighted HHI, the leader and the unsplit rest. Missing values
 * say why. Cells carry data-mineral, data-tier, data-metric, data-lower and data-upper.
 */
export function TierMetricsTable(metrics: readonly TierMetrics[], {document = globalThis.document}: {document?: Document} = {}): HTMLTableElement {
  const h = elementBuilder(document);
  const sorted = [...metrics].sort((a, b) => byMineral(a.mineral, b.mineral) || a.tier.localeCompare(b.tier));
  const cell = (m: TierMetrics, metric: string, value: TierMetrics["hhi"], format: (x: number) => string) =>
    value.value === null
      ? h("td", {class: "missing", "data-metric": metric, "data-tier": m.tier, title: value.reason}, "missing*")
      : h("td", {class: "num", "data-metric": metric, "data-tier": m.tier, "data-lower": String(value.value.lower), "data-upper": String(value.value.upper)}, rangeText(value.value, format));
  const count = (x: number) => x.toLocaleString("en-GB", {minimumFractionDigits: 2, maximumFractionDigits: 2});
  const whole = (x: number) => x.toLocaleString("en-GB", {maximumFractionDigits: 0});
  const body = h("tbody");
  for (const m of sorted) {
    const rest = m.rest.value;
    body.append(
      h(
        "tr",
        {"data-mineral": m.mineral, "data-tier": m.tier},
        h("td", {}, m.mineral),
        h("td", {}, m.tier),
        h("td", {}, m.leader ? `${m.leader.supplier} ${pct(m.leader.share)}` : "missing"),
        cell(m, "hhi", m.hhi, one),
        cell(m, "top3", m.top3, pct),
        cell(m, "effective", m.effective, count),
        cell(m, "hhi_wgi", m.hhiWgi, whole),
        h("td", {class: "num", "data-metric": "rest"}, rest === null ? "missing" : pct(rest / m.total))
      )
    );
  }
  const heads = ["Mineral", "Tier", "Largest", "HHI", "Top-3 share", "Effective suppliers", "HHI WGI", "Not split"];
  return h("table", {class: "metrics tier-metrics"}, h("thead", {}, h("tr", {}, ...heads.map((t, i) => h("th", i > 2 ? {class: "num"} : {}, t)))), body);
}

/**
 * The HHI range of each tier over the years, one panel per mineral: IEA bands (2024 and the base
 * case to 2040) for mining and refining, and the USGS's mine production as grey bars (2020-2023).
 * Panels wrap in as many columns as the width allows.
 */
export function TierTrajectoryChart(metrics: readonly TierMetrics[], {width = 640, document}: {width?: number; document?: Document} = {}): SVGSVGElement | HTMLElement {
  const minerals = [...new Set(metrics.map((m) => m.mineral))].sort(byMineral);
  const columns = width < 560 ? 1 : width < 900 ? 2 : 3;
  const at = new Map(minerals.map((m, i) => [m, {fx: i % columns, fy: Math.floor(i / columns)}]));
  type Datum = RangeDatum & {year: number; series: string; fx: number; fy: number};
  const data: Datum[] = metrics.flatMap((m) => {
    const v = m.hhi.value;
    if (!v) return [];
    const series = m.source === "IEA" ? `${m.tier} (IEA)` : "mining (USGS)";
    return [{mineral: m.mineral, tier: m.tier, lower: v.lower, upper: v.upper, year: m.year, series, ...at.get(m.mineral)!}];
  });
  const iea = data.filter((d) => d.series !== "mining (USGS)").sort((a, b) => a.year - b.year);
  const usgs = data.filter((d) => d.series === "mining (USGS)");
  const labels = minerals.map((mineral) => ({mineral, ...at.get(mineral)!}));
  const rows = Math.ceil(minerals.length / columns);
  const missingOnes = metrics.filter((m) => m.hhi.value === null);
  const pointText = (d: Datum) => (d.series === "mining (USGS)" ? `${d.mineral}, USGS mine production ${d.year}: HHI ${rangeText(d)}` : `${d.mineral}, ${d.series}, ${d.year}: HHI ${rangeText(d)}`);
  return Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: rows * 170 + 60,
    caption: missingOnes.length ? `Missing: ${missingOnes.map((m) => `${m.mineral}, ${m.source}, ${m.year} (${m.hhi.reason})`).join("; ")}.` : undefined,
    marginLeft: 48,
    fx: {axis: null},
    fy: {axis: null},
    x: {domain: [2019, 2041], label: "Year →", ticks: [2020, 2024, 2030, 2035, 2040], tickFormat: "d"},
    y: {domain: [0, 10_000], label: "↑ HHI", grid: true, ticks: 3},
    color: {domain: ["mining (IEA)", "refining (IEA)", "mining (USGS)"], range: [TIER_COLOURS.mining, TIER_COLOURS.refining, "#888"], legend: true},
    marks: [
      Plot.frame({strokeOpacity: 0.15}),
      Plot.areaY(iea, {x: "year", y1: "lower", y2: "upper", fill: "series", fx: "fx", fy: "fy", z: "series", fillOpacity: 0.3}),
      Plot.line(iea, {x: "year", y: "lower", stroke: "series", fx: "fx", fy: "fy", z: "series"}),
      Plot.dot(iea, {x: "year", y: "lower", fill: "series", fx: "fx", fy: "fy", r: 2.5, ariaLabel: pointText}),
      Plot.ruleX(usgs, {x: "year", y1: "lower", y2: (d: Datum) => Math.max(d.upper, d.lower + 60), stroke: "series", strokeWidth: 4, fx: "fx", fy: "fy", ariaLabel: pointText}),
      // One tip for both series, so that a USGS year beside an IEA year shows one value, the nearest.
      Plot.tip([...iea, ...usgs], Plot.pointer({x: "year", y: "lower", fx: "fx", fy: "fy", title: pointText})),
      Plot.text(labels, {fx: "fx", fy: "fy", text: "mineral", frameAnchor: "top-left", dx: 4, dy: 4, fontWeight: "bold"})
    ]
  });
}

/**
 * The time to survive of the named scenarios in each of the IEA's years (HiGHS), a line per
 * scenario; a scenario whose buffers cover the loss for ever is an open circle at the top, marked ∞.
 */
export function ScenarioYearsChart(rows: readonly ScenarioYear[], {width = 640, document}: {width?: number; document?: Document} = {}): SVGSVGElement | HTMLElement {
  const finite = rows.filter((r) => Number.isFinite(r.timeToSurvive));
  const top = Math.max(1, ...finite.map((r) => r.timeToSurvive)) * 1.2;
  const endless = rows.filter((r) => !Number.isFinite(r.timeToSurvive));
  const text = (r: ScenarioYear) => `${r.label}, ${r.year}: ${Number.isFinite(r.timeToSurvive) ? `${r.timeToSurvive.toFixed(2)} months` : "never runs short (∞)"}`;
  return Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: 260,
    x: {domain: [2022, 2042], label: "Year →", ticks: [2024, 2030, 2035, 2040], tickFormat: "d"},
    y: {domain: [0, top], label: "↑ Time to survive (months)", grid: true},
    color: {legend: true, domain: [...new Set(rows.map((r) => r.label))]},
    marks: [
      Plot.line(finite, {x: "year", y: "timeToSurvive", stroke: "label", z: "label"}),
      Plot.dot(finite, {x: "year", y: "timeToSurvive", fill: "label", r: 3.5, ariaLabel: text}),
      Plot.dot(endless, {x: "year", y: top, stroke: "label", r: 5, ariaLabel: text}),
      Plot.tip(rows, Plot.pointer({x: "year", y: (r: ScenarioYear) => (Number.isFinite(r.timeToSurvive) ? r.timeToSurvive : top), title: text})),
      Plot.ruleY([0])
    ]
  });
}

/** The table under Figure S21: each scenario and year, with HiGHS and the maximum-flow check. Rows carry data-scenario and data-year; cells data-value. */
export function ScenarioYearsTable(rows: readonly ScenarioYear[], {document = globalThis.document}: {document?: Document} = {}): HTMLTableElement {
  const h = elementBuilder(document);
  const months = (x: number) => (Number.isFinite(x) ? x.toLocaleString("en-GB", {minimumFractionDigits: 2, maximumFractionDigits: 2}) : "∞");
  return h(
    "table",
    {class: "metrics scenario-years"},
    h("thead", {}, h("tr", {}, ...["Scenario", "Year", "Share of its tier", "TTS, HiGHS (months)", "TTS, by max flow", "Lost over the outage"].map((t, i) => h("th", i > 1 ? {class: "num"} : {}, t)))),
    h(
      "tbody",
      {},
      ...rows.map((r) =>
        h(
          "tr",
          {"data-scenario": r.scenario, "data-year": String(r.year)},
          h("td", {}, r.label),
          h("td", {}, String(r.year)),
          h("td", {class: "num"}, pct(r.hitShare)),
          h("td", {class: "num", "data-value": String(r.timeToSurvive), "data-tts": ""}, months(r.timeToSurvive)),
          h("td", {class: "num", "data-value": String(r.handTimeToSurvive)}, months(r.handTimeToSurvive)),
          h("td", {class: "num"}, pct(r.lostShare))
        )
      )
    )
  );
}

/** The table under Figure S22: the network and its thresholds in each of the IEA's years. Rows carry data-year. */
export function TierPercolationTable(rows: readonly TierPercolationYear[], {document = globalThis.document}: {document?: Document} = {}): HTMLTableElement {
  const h = elementBuilder(document);
  return h(
    "table",
    {class: "metrics tier-percolation"},
    h("thead", {}, h("tr", {}, ...["Year", "Nodes", "Links", "Threshold, random", "Threshold, targeted", "Largest piece without China"].map((t, i) => h("th", i > 0 ? {class: "num"} : {}, t)))),
    h(
      "tbody",
      {},
      ...rows.map((r) =>
        h(
          "tr",
          {"data-year": String(r.year)},
          h("td", {}, String(r.year)),
          h("td", {class: "num"}, String(r.nodes)),
          h("td", {class: "num"}, String(r.links)),
          h("td", {class: "num", "data-value": String(r.random)}, pct(r.random)),
          h("td", {class: "num", "data-value": String(r.targeted)}, pct(r.targeted)),
          h("td", {class: "num", "data-value": String(r.withoutChina)}, pct(r.withoutChina))
        )
      )
    )
  );
}

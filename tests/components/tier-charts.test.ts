import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {ScenarioYearsChart, ScenarioYearsTable, SupplyChecksTable, TierHhiChart, TierMetricsTable, TierTrajectoryChart, rangeText, type SupplyCheckRow} from "../../src/components/resilience/tier-charts.ts";
import {tierMetrics, type TierSupply} from "../../lib/resilience/tiers.ts";
import type {ScenarioYear} from "../../lib/resilience/tier-models.ts";
import {tipOf} from "./hover.ts";
import {normalizeSvg} from "./normalize-svg.ts";

const doc = () => new JSDOM("<!doctype html><body></body>").window.document;

const supply = (mineral: string, tier: string, year: number, source: string, total: number, values: [string, number | null][]): TierSupply => ({
  mineral,
  tier,
  year,
  source,
  total,
  countries: values.map(([supplier, value]) => ({supplier, iso3: supplier.slice(0, 3).toUpperCase(), value}))
});
const wgi = new Map([
  ["AAA", 1],
  ["BBB", 0]
]);
const metrics = [
  tierMetrics(supply("nickel", "mining", 2024, "IEA", 100, [["AAA", 60], ["BBB", 20]]), wgi, 2023),
  tierMetrics(supply("nickel", "refining", 2024, "IEA", 100, [["AAA", 40], ["BBB", 40]]), wgi, 2023),
  tierMetrics(supply("lithium", "mining", 2024, "IEA", 10, [["AAA", 9], ["CCC", 1]]), wgi, 2023),
  tierMetrics(supply("lithium", "refining", 2024, "IEA", 10, [["AAA", null]]), wgi, 2023)
];

describe("rangeText", () => {
  it("rangeText(range) prints one value when both ends round alike, else lower–upper", () => {
    expect(rangeText({lower: 3000, upper: 3400})).toBe("3,000.0–3,400.0");
    expect(rangeText({lower: 5385.31, upper: 5385.34})).toBe("5,385.3");
  });
});

describe("SupplyChecksTable", () => {
  const rows: SupplyCheckRow[] = [
    {mineral: "nickel", tier: "mining", year: 2024, unit: "kt Ni", total_kt: 3861, rows_sum_kt: 3961, difference_kt: 100, status: "one country counted twice", counted_twice: "Australia", choice: "Kept as published."},
    {mineral: "nickel", tier: "mining", year: 2030, unit: "kt Ni", total_kt: 4490.87, rows_sum_kt: 4530.87, difference_kt: 40, status: "one country counted twice", counted_twice: "Australia", choice: "Kept."},
    {mineral: "lithium", tier: "refining", year: 2024, unit: "kt Li", total_kt: 241.6, rows_sum_kt: 241.6, difference_kt: 0, status: "adds up", counted_twice: null, choice: "Used as published."},
    {mineral: "lithium", tier: "refining", year: 2030, unit: "kt Li", total_kt: 450, rows_sum_kt: null, difference_kt: null, status: "not checked: a value is missing", counted_twice: null, choice: "Not checked."}
  ];

  it("SupplyChecksTable(rows) gives one row per mineral and tier, lithium first, a column per year", () => {
    const table = SupplyChecksTable(rows, {document: doc()});
    expect([...table.querySelectorAll("tbody tr")].map((tr) => tr.getAttribute("data-block"))).toEqual(["lithium/refining", "nickel/mining"]);
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["Block", "2024", "2030"]);
  });

  it("SupplyChecksTable(rows) shows the excess and the country counted twice, with the choice as its title, and a missing check as missing", () => {
    const table = SupplyChecksTable(rows, {document: doc()});
    const cell = table.querySelector("td[data-block='nickel/mining'][data-year='2024']")!;
    expect(cell.textContent).toBe("3,961 vs 3,861: +100 = Australia twice");
    expect(cell.getAttribute("data-difference")).toBe("100");
    expect(cell.getAttribute("title")).toBe("Kept as published.");
    expect(table.querySelector("td[data-block='lithium/refining'][data-year='2024']")!.textContent).toBe("adds up");
    const unchecked = table.querySelector("td[data-block='lithium/refining'][data-year='2030']")!;
    expect(unchecked.className).toBe("missing");
    expect(unchecked.textContent).toBe("not checked: a value is missing");
  });
});

describe("TierMetricsTable", () => {
  it("TierMetricsTable(metrics) gives each metric its range: nickel mining HHI 3,600 + 400 = 4,000 to 4,000 + 400 = 4,400", () => {
    const table = TierMetricsTable(metrics, {document: doc()});
    const hhi = table.querySelector("tr[data-mineral=nickel][data-tier=mining] [data-metric=hhi]")!;
    expect(hhi.textContent).toBe("4,000.0–4,400.0");
    expect(Number(hhi.getAttribute("data-lower"))).toBeCloseTo(4000, 9);
    expect(table.querySelector("tr[data-mineral=nickel][data-tier=mining] [data-metric=top3]")!.textContent).toBe("80.0 %–100.0 %");
    expect(table.querySelector("tr[data-mineral=nickel][data-tier=mining] [data-metric=rest]")!.textContent).toBe("20.0 %");
    expect([...table.querySelectorAll("tbody tr")].map((tr) => `${tr.getAttribute("data-mineral")}/${tr.getAttribute("data-tier")}`)).toEqual(["lithium/mining", "lithium/refining", "nickel/mining", "nickel/refining"]);
  });

  it("TierMetricsTable(metrics) shows a missing metric as missing with its reason, never as 0", () => {
    const table = TierMetricsTable(metrics, {document: doc()});
    const hhi = table.querySelector("tr[data-mineral=lithium][data-tier=refining] [data-metric=hhi]")!;
    expect(hhi.textContent).toBe("missing*");
    expect(hhi.getAttribute("title")).toBe("HHI: no value for AAA (lithium refining, 2024)");
    // CCC has no WGI: lithium mining's HHI WGI is missing, naming it.
    expect(table.querySelector("tr[data-mineral=lithium][data-tier=mining] [data-metric=hhi_wgi]")!.getAttribute("title")).toMatch(/for CCC/);
  });
});

describe("TierHhiChart and TierTrajectoryChart", () => {
  it("TierHhiChart(metrics) lists the minerals lithium first and names the missing ones in its caption", () => {
    const chart = TierHhiChart(metrics, {width: 640, document: doc()});
    expect([...chart.querySelectorAll("g[aria-label='y-axis tick label'] text")].map((t) => t.textContent)).toEqual(["lithium", "nickel"]);
    expect(chart.querySelector("figcaption")!.textContent).toBe("Missing: lithium refining (HHI: no value for AAA (lithium refining, 2024)).");
  });

  it("TierHhiChart(metrics) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(TierHhiChart(metrics, {width: 640, document: doc()}).outerHTML)).toMatchFileSnapshot("./__snapshots__/tier-hhi-chart.html");
  });

  it("TierTrajectoryChart(metrics) draws one panel per mineral, in one column at 390 px and two at 640 px", () => {
    const paths = [...metrics, tierMetrics(supply("nickel", "mining", 2023, "USGS MCS2024", 100, [["AAA", 50]]), wgi, 2023)];
    const narrow = TierTrajectoryChart(paths, {width: 390, document: doc()});
    const wide = TierTrajectoryChart(paths, {width: 640, document: doc()});
    const labels = (node: Element) => [...node.querySelectorAll("g[aria-label='text'] text")].map((t) => t.textContent);
    expect(labels(narrow)).toEqual(["lithium", "nickel"]);
    // The chart's own svg, not the legend's swatches.
    const svgHeight = (node: Element) => Math.max(...[node, ...node.querySelectorAll("svg")].filter((n) => n.tagName === "svg").map((n) => Number(n.getAttribute("height"))));
    expect(svgHeight(narrow)).toBe(2 * 170 + 60);
    expect(svgHeight(wide)).toBe(170 + 60);
  });
});

describe("ScenarioYearsChart and ScenarioYearsTable", () => {
  const years: ScenarioYear[] = [
    {scenario: "a", label: "Lithium: China's refining", year: 2024, timeToSurvive: 2.82, handTimeToSurvive: 2.82, lostUnits: 22.3, lostShare: 0.185, hitShare: 0.702},
    {scenario: "a", label: "Lithium: China's refining", year: 2030, timeToSurvive: Infinity, handTimeToSurvive: Infinity, lostUnits: 0, lostShare: 0, hitShare: 0.616}
  ];

  it("ScenarioYearsTable(rows) prints an endless time to survive as ∞ and keeps it in data-value", () => {
    const table = ScenarioYearsTable(years, {document: doc()});
    const cells = [...table.querySelectorAll("tr[data-scenario=a] [data-tts]")];
    expect(cells.map((c) => c.textContent)).toEqual(["2.82", "∞"]);
    expect(cells[1]!.getAttribute("data-value")).toBe("Infinity");
  });

  it("ScenarioYearsChart(rows) draws finite values on a line and an endless one as an open circle", () => {
    const chart = ScenarioYearsChart(years, {width: 640, document: doc()});
    const dots = [...chart.querySelectorAll("g[aria-label='dot'] circle")];
    expect(dots).toHaveLength(2);
    expect(dots.filter((d) => d.getAttribute("fill") === "none" || d.closest("g")!.getAttribute("fill") === "none")).toHaveLength(1);
  });

  it("ScenarioYearsChart(rows) names each point and shows its value on hover, an endless one as ∞", async () => {
    const chart = ScenarioYearsChart(years, {width: 640, document: doc()});
    const dots = [...chart.querySelectorAll("g[aria-label='dot'] circle")];
    const tips = [];
    for (const dot of dots) tips.push(await tipOf(dot));
    expect(tips).toEqual(dots.map((d) => d.getAttribute("aria-label")));
    expect(tips.some((t) => t.endsWith("never runs short (∞)"))).toBe(true);
  });

  it("TierHhiChart(metrics) shows one tip at a time, the nearest tier's HHI, though both tiers stand on one row", async () => {
    const chart = TierHhiChart(metrics, {width: 640, document: doc()});
    const lower = [...chart.querySelectorAll("g[aria-label='dot'] circle[aria-label]")];
    expect(lower.length).toBeGreaterThanOrEqual(2);
    for (const dot of lower) {
      const tip = await tipOf(dot);
      expect(tip).toBe(dot.getAttribute("aria-label"));
      expect(tip).toMatch(/^(lithium|nickel), (mining|refining): HHI /);
    }
  });
});

import * as Plot from "@observablehq/plot";
import {hover} from "../reader/hover.js";

/** The fields of a production snapshot row that the chart draws. */
export interface ProductionDatum {
  country: string;
  kind: string;
  value_t: number | null;
  status: string;
}

export interface ProductionChartOptions {
  width?: number;
  /** Shown in the axis label, e.g. "t Li content". */
  unit?: string;
  /** The world total, drawn as a note under the chart. */
  total?: number | null;
  document?: Document;
}

const STATUS_FILL: Record<string, string> = {reported: "var(--theme-foreground-focus, #3b5fc0)", estimated: "var(--miners-blue-light, #9db4e8)"};

/**
 * Mine production by country as horizontal bars, largest first. Estimated values are drawn
 * lighter; withheld ("W") and unavailable values get a labelled marker at zero instead of a bar,
 * so that a missing value is seen as missing rather than as no production. "Other countries" is
 * drawn last, in grey, as an aggregate.
 */
export function ProductionChart(rows: readonly ProductionDatum[], {width = 640, unit = "t", total = null, document}: ProductionChartOptions = {}): SVGSVGElement | HTMLElement {
  const countries = rows.filter((d) => d.kind === "country");
  const others = rows.filter((d) => d.kind === "other");
  const ordered = [...countries].sort((a, b) => (b.value_t ?? -1) - (a.value_t ?? -1) || a.country.localeCompare(b.country));
  const domain = [...ordered, ...others].map((d) => d.country);
  const present = [...ordered, ...others].filter((d) => d.value_t !== null);
  const missing = ordered.filter((d) => d.value_t === null);
  const kt = (d: ProductionDatum) => (d.value_t ?? 0) / 1000;
  return Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: 28 * domain.length + 50,
    marginLeft: 120,
    marginRight: 70,
    x: {label: `Mine production, thousand ${unit} →`, grid: true, nice: true},
    y: {domain, label: null},
    color: {domain: ["reported", "estimated", "aggregate"], range: [STATUS_FILL.reported!, STATUS_FILL.estimated!, "#aaa"], legend: true},
    caption: total != null ? `World total (USGS, rounded): ${(total / 1000).toLocaleString("en-GB")} thousand ${unit}.` : undefined,
    marks: [
      Plot.barX(present, {x: kt, y: "country", fill: (d: ProductionDatum) => (d.kind === "other" ? "aggregate" : d.status), ...hover((d: ProductionDatum) => `${d.country}: ${kt(d).toLocaleString("en-GB")} thousand ${unit} (${d.status})`)}),
      Plot.text(present, {x: kt, y: "country", text: (d: ProductionDatum) => kt(d).toLocaleString("en-GB", {maximumFractionDigits: 1}), dx: 4, textAnchor: "start"}),
      Plot.dot(missing, {x: 0, y: "country", r: 4, stroke: "currentColor", fill: "none"}),
      Plot.text(missing, {x: 0, y: "country", text: (d: ProductionDatum) => `${d.status} (${d.status === "withheld" ? "W" : "NA"})`, dx: 8, textAnchor: "start", fontStyle: "italic"}),
      Plot.ruleX([0])
    ]
  });
}

import * as Plot from "@observablehq/plot";
import type {RefiningShare} from "../../lib/material-flows/refining-check.js";
import {tagMarks} from "../reader/tag-marks.js";
import {formatFlow} from "./end-of-life-chart.js";
import {hover} from "../reader/hover.js";

const pct = (s: number | null) => (s === null ? "share missing" : `${(100 * s).toFixed(0)} %`);

/**
 * Figure S26: nickel's refining by country from the paper (2021, NPI and ferronickel) and the IEA
 * (2024, all refined nickel), one facet row each, bars in kt labelled with the share of their own
 * total. A missing value is left out of the bars and named in the labels as missing.
 */
export function RefiningChart(rows: readonly RefiningShare[], {width = 640, document}: {width?: number; document?: Document} = {}): SVGSVGElement | HTMLElement {
  const groups = [...new Set(rows.map((r) => r.group))];
  const drawn = rows.filter((r) => r.value_kt !== null);
  return Plot.plot({
    width,
    height: 60 + 100 * groups.length,
    marginLeft: 100,
    marginRight: 120,
    marginTop: 28,
    document,
    // Each facet is named above its bars, where a long name has the plot's whole width.
    fy: {domain: groups, label: null, axis: null, padding: 0.3},
    y: {domain: [...new Set([...rows].sort((a, b) => a.position - b.position).map((r) => r.country))], label: null},
    x: {label: "kt Ni", grid: true},
    marks: [
      Plot.text(groups, {fy: (g: string) => g, text: (g: string) => g, frameAnchor: "top-left", dy: -16, dx: -96, fontWeight: "bold", textAnchor: "start"}),
      Plot.barX(drawn, {
        fy: "group",
        y: "country",
        x: "value_kt",
        fill: (r: RefiningShare) => (r.country === "Rest of world" ? "var(--theme-foreground-faint, #bbb)" : "var(--theme-foreground-focus, #3b5fc0)"),
        ...hover((r: RefiningShare) => `${r.country}, ${r.group}: ${formatFlow(r.value_kt)} kt Ni, ${pct(r.share)} of ${formatFlow(r.total_kt)} kt`),
        render: tagMarks(drawn, (r) => ({"data-refining": `${r.source}:${r.country}`, "data-value": String(r.value_kt)}))
      }),
      Plot.text(rows, {fy: "group", y: "country", x: (r: RefiningShare) => r.value_kt ?? 0, text: (r: RefiningShare) => (r.value_kt === null ? "missing" : `${formatFlow(r.value_kt)} kt · ${pct(r.share)}`), textAnchor: "start", dx: 4}),
      Plot.ruleX([0])
    ]
  });
}

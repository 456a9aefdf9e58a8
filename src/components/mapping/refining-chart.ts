import * as Plot from "@observablehq/plot";
import {REFINING_COLORS} from "../../lib/mapping/palettes.js";
import {refiningModel, type RefiningRow} from "../../lib/mapping/refining.js";
import {hover} from "../reader/hover.js";

const MIN_WIDTH = 540;
const kt = (v: number) => v.toLocaleString("en-GB", {maximumFractionDigits: 0});
const pct = (v: number) => `${(v * 100).toLocaleString("en-GB", {maximumFractionDigits: 1})} %`;

/**
 * Figure S23: the IEA's 2024 nickel refining by country as horizontal bars, largest first and the
 * countries it does not name last, each labelled with its tonnage, its share of the stated total and
 * the number of nickel processing sites ICMM lists there, so that Figure 4b's dots can be read
 * against where the metal is refined. The selected country's bar is outlined in the text colour.
 */
export function RefiningChart(rows: readonly RefiningRow[], {width = 640, selected = null, document}: {width?: number; selected?: string | null; document?: Document}): SVGSVGElement | HTMLElement {
  const m = refiningModel(rows);
  const bars = m.bars.filter((b) => b.value_kt !== null);
  const sites = (n: number) => `${n} ICMM ${n === 1 ? "site" : "sites"}`;
  return Plot.plot({
    ...(document ? {document} : {}),
    // Never narrower than its labels need: on a phone the figure scrolls sideways instead.
    width: Math.max(width, MIN_WIDTH),
    height: 30 * m.bars.length + 60,
    marginLeft: 190,
    marginRight: 190,
    x: {label: `Refined nickel, 2024, IEA estimate (${m.unit}) →`, grid: true},
    y: {domain: m.bars.map((b) => b.label), label: null},
    color: {domain: ["country", "rest of world"], range: [...REFINING_COLORS]},
    marks: [
      Plot.barX(bars, {
        x: "value_kt",
        y: "label",
        fill: "kind",
        stroke: (b) => (selected !== null && b.iso3 === selected ? "var(--theme-foreground, #1b1e23)" : "none"),
        strokeWidth: 2,
        ...hover((b) => `${b.label}: ${kt(b.value_kt!)} ${m.unit} in 2024 (${pct(b.share!)} of the IEA's total of ${kt(m.total_kt)} ${m.unit})${b.stated_kt !== b.value_kt ? `; the IEA states ${kt(b.stated_kt!)} for Rest of world, which also holds ${m.countedTwice}` : ""}; ${sites(b.icmm_sites)} in Figure 4b`),
        className: "refining-bar"
      }),
      Plot.text(bars, {x: "value_kt", y: "label", text: (b) => `${kt(b.value_kt!)} kt (${pct(b.share!)}) · ${sites(b.icmm_sites)}`, dx: 4, textAnchor: "start", fill: "currentColor", className: "refining-label"}),
      Plot.ruleX([0])
    ]
  });
}

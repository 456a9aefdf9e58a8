import * as Plot from "@observablehq/plot";
import {tagMarks} from "../reader/tag-marks.js";
import {geoArea, geoCentroid} from "d3-geo";
import type {Feature, Geometry, MultiPolygon, Polygon} from "geojson";

/** A Natural Earth country from world-atlas (via topojson-client); id is the ISO numeric code. */
export type CountryFeature = Feature<Geometry | null, {name?: string} | null>;

/** One party in one initiative, with the party's numeric code (null for the EU). */
export interface MapParticipation {
  initiative_id: string;
  initiative_title: string;
  party: string;
  party_name: string;
  party_numeric: string | null;
}

export interface CooperationMapOptions {
  width?: number;
  /** Party to outline. */
  selected?: string | null;
  document?: Document;
}

/** Where the EU's links meet: Brussels, seat of the Commission (a drawing convention). */
export const EU_POINT: [number, number] = [4.35, 50.85];

/**
 * The label point of a country: the centroid of its largest polygon, so that overseas parts do not
 * pull it into the sea (France's centroid with French Guiana lies in the Atlantic).
 */
export function labelPoint(feature: CountryFeature): [number, number] | null {
  const g = feature.geometry;
  if (!g) return null;
  if (g.type === "Polygon") return geoCentroid(g);
  if (g.type !== "MultiPolygon") return null;
  const polygons = (g as MultiPolygon).coordinates.map((coordinates): Polygon => ({type: "Polygon", coordinates}));
  const largest = polygons.reduce((best, p) => (geoArea(p) > geoArea(best) ? p : best));
  return geoCentroid(largest);
}

const THRESHOLDS = [2, 3, 5, 10];
/** One class per threshold interval; the lightest still stands out from the sea and from grey. */
const CLASS_COLORS = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];

/**
 * The cooperation network as a world map: countries shaded by the number of initiatives they take
 * part in (grey: none in these data), and a great-circle line for each bilateral initiative (two
 * parties) between the parties' label points, the EU's at Brussels. Initiatives of three or more
 * parties are counted in the shading but not drawn as lines (all their pairs would hide the rest).
 * Parties not on the 1:110m map (too small, or no feature) are named in the caption. Countries
 * carry data-party and data-initiatives; lines data-initiative.
 */
export function CooperationMap(features: readonly CountryFeature[], rows: readonly MapParticipation[], {width = 640, selected = null, document}: CooperationMapOptions = {}): HTMLElement | SVGSVGElement {
  const counts = new Map<string, Set<string>>();
  const numeric = new Map<string, string | null>();
  const names = new Map<string, string>();
  for (const r of rows) {
    counts.set(r.party, (counts.get(r.party) ?? new Set()).add(r.initiative_id));
    numeric.set(r.party, r.party_numeric);
    names.set(r.party, r.party_name);
  }
  const byNumeric = new Map([...numeric].filter(([, n]) => n !== null).map(([party, n]) => [n!, party]));
  const featureById = new Map(features.map((f) => [String(f.id ?? ""), f]));
  const point = (party: string): [number, number] | null => {
    if (party === "EU") return EU_POINT;
    const f = featureById.get(numeric.get(party) ?? "");
    return f ? labelPoint(f) : null;
  };
  const missing = [...counts.keys()].filter((p) => point(p) === null).sort();
  const byInitiative = new Map<string, MapParticipation[]>();
  for (const r of rows) byInitiative.set(r.initiative_id, [...(byInitiative.get(r.initiative_id) ?? []), r]);
  const lines = [...byInitiative.values()]
    .filter((ps) => ps.length === 2)
    .map(([a, b]) => ({id: a!.initiative_id, title: a!.initiative_title, from: point(a!.party), to: point(b!.party), parties: [a!.party, b!.party]}))
    .filter((l) => l.from !== null && l.to !== null);
  const countOf = (f: CountryFeature) => {
    const party = byNumeric.get(String(f.id ?? ""));
    return party === undefined ? null : counts.get(party)!.size;
  };
  const color = Plot.scale({color: {type: "threshold", domain: THRESHOLDS, range: CLASS_COLORS}});
  const fillOf = (f: CountryFeature) => {
    const n = countOf(f);
    return n === null ? "var(--miners-no-data, #e4e4e4)" : String(color.apply(n));
  };
  const tagCountries = tagMarks(
    features,
    (f) => {
      const party = byNumeric.get(String(f.id ?? ""));
      return party ? {"data-party": party, "data-initiatives": String(counts.get(party)!.size)} : null;
    },
    {selector: "path"}
  );
  const tagLines = tagMarks(lines, (l) => ({"data-initiative": l.id}), {selector: "path"});
  const featureTitle = (f: CountryFeature) => {
    const n = countOf(f);
    const name = f.properties?.name ?? String(f.id ?? "");
    return n === null ? `${name}: no initiative in these data` : `${name}: ${n} ${n === 1 ? "initiative" : "initiatives"}`;
  };
  const selectedFeature = features.filter((f) => selected !== null && byNumeric.get(String(f.id ?? "")) === selected);
  const euCount = counts.get("EU")?.size ?? 0;
  const plot = Plot.plot({
    ...(document ? {document} : {}),
    width,
    projection: "equal-earth",
    color: {type: "threshold", domain: THRESHOLDS, range: CLASS_COLORS, legend: true, label: "International initiatives a country takes part in", tickFormat: (d: number) => String(d)},
    caption: missing.length ? `Not on the map (no 1:110m outline): ${missing.map((p) => `${names.get(p)} (${p}, ${counts.get(p)!.size})`).join(", ")}.` : undefined,
    marks: [
      Plot.sphere({fill: "var(--miners-ocean, #f3f6fa)", stroke: "var(--theme-foreground-fainter, #b8bec8)", strokeWidth: 0.75}),
      Plot.geo(features, {fill: {value: fillOf, scale: null}, stroke: "var(--plot-background, white)", strokeWidth: 0.5, title: featureTitle, render: tagCountries}),
      Plot.geo(selectedFeature, {fill: "none", stroke: "var(--miners-accent, #b45309)", strokeWidth: 1.5}),
      Plot.link(lines, {x1: (d) => d.from![0], y1: (d) => d.from![1], x2: (d) => d.to![0], y2: (d) => d.to![1], stroke: {value: (d: {parties: string[]}) => (selected !== null && d.parties.includes(selected) ? "var(--miners-accent, #b45309)" : "var(--theme-foreground-muted, #4a4a4a)"), scale: null}, strokeOpacity: 0.7, strokeWidth: 1, title: (d) => d.title, render: tagLines}),
      euCount ? Plot.dot([EU_POINT], {x: (d) => d[0], y: (d) => d[1], r: 4 + Math.sqrt(euCount), fill: selected === "EU" ? "var(--miners-accent, #b45309)" : "var(--miners-blue, #3b5fc0)", stroke: "var(--plot-background, white)", title: () => `European Union: ${euCount} initiatives (drawn at Brussels)`}) : null,
      euCount ? Plot.text([EU_POINT], {x: (d) => d[0], y: (d) => d[1], text: () => "EU", dy: -12, fontSize: 10, fontWeight: "bold"}) : null
    ]
  });
  plot.setAttribute("data-lines", String(lines.length));
  return plot;
}

import * as Plot from "@observablehq/plot";
import type {Feature, Geometry} from "geojson";
import {regionProjection, type MapRegion} from "../../lib/mapping/regions.js";

/** A Natural Earth country from world-atlas (via topojson-client): id is the ISO numeric code. */
export type CountryFeature = Feature<Geometry | null, {name?: string} | null>;

/** Anything with a position; points without one are not drawn. */
export interface MapPoint {
  longitude: number | null;
  latitude: number | null;
}

/** Countries shaded by a value, in classes; missing and unlisted drawn apart from any value. */
export interface MapShading {
  /** Value by feature id; null when the source lists the country but gives no value (withheld, NA). */
  values: ReadonlyMap<string, number | null>;
  /** Class breaks, ascending, in the unit of the values. */
  thresholds: readonly number[];
  /** Sequential scheme the classes are taken from (default "blues"). */
  scheme?: Plot.ColorScheme;
  /** Legend title, e.g. "Nickel mine production 2021 (kt Ni)". */
  label: string;
  tickFormat?: (value: number) => string;
  /** A country's value in words for its tooltip, e.g. "1,040 kt Ni (reported)". */
  describe?: (id: string) => string;
  /** Legend text for a listed country without a value. */
  missingLabel: string;
  /** Legend text for a country the source does not list. */
  absentLabel: string;
}

export interface MapPoints<T> {
  /** Category for the fill colour. */
  fill?: (d: T) => string;
  fillDomain?: readonly string[];
  fillRange?: readonly string[];
  fillLabel?: string;
  /** Category for the symbol. */
  symbol?: (d: T) => string;
  symbolDomain?: readonly string[];
  /** Symbols, by default filled ones, so that every dot shows its colour. */
  symbolRange?: readonly string[];
  symbolLabel?: string;
  /** Quantity for the area of the dot; null draws a hollow ring ("not known"), 0 a small dot. */
  r?: (d: T) => number | null;
  /** The quantity drawn at the largest radius. */
  rMax?: number;
  /** Size key title, e.g. "Resources (kt Li)". */
  rLabel?: string;
  rTicks?: readonly number[];
  /** Radius when no quantity is drawn (default 3). */
  radius?: number;
  /** Tooltip text: the site's fields and its source. */
  title?: (d: T) => string;
  /** When given, points for which it is false are faded (e.g. sites outside the selected country). */
  selected?: (d: T) => boolean;
  /**
   * Draw the dots as one path per colour (and faded state) instead of one element per site, for
   * thousands of sites: far fewer elements to create, lay out and paint. Needs no r and no symbol;
   * each path carries its number of dots as data-count. The tooltip works as for single dots.
   */
  dense?: boolean;
  /** Class of the dot groups: "site", "site-zero" and "site-unknown" by default. */
  label?: string;
  /**
   * The site's country (ISO3), written on its dot as data-key (on a dense map, each path holds the
   * dots of one country), so that highlightCountry can fade the other countries' dots without a redraw.
   */
  key?: (d: T) => string | null;
}

/** A line from where a site is to where its source says it is (a quality flag). */
export interface MapLink {
  from: [number, number];
  to: [number, number];
  title?: string;
}

export interface WorldMapOptions<T> {
  width?: number;
  /** A Plot projection name; equal-earth keeps areas true, as a world thematic map should. */
  projection?: Plot.ProjectionName;
  shading?: MapShading | null;
  points?: MapPoints<T>;
  /** Feature id of the selected country, outlined. */
  selected?: string | null;
  /** Called with a feature id when a country is clicked, and with null when the selected one is. */
  onSelect?: (id: string | null) => void;
  links?: readonly MapLink[];
  /**
   * A region to re-project the map on (see lib/mapping/regions.ts): the projection is centred on it
   * and fitted to it, and what lies outside the frame is clipped. Null or the world: the whole globe.
   */
  region?: MapRegion | null;
  /** Prefix for the ids in the SVG (the missing-value pattern); unique per page. */
  idPrefix?: string;
  document?: Document;
}

const R_RANGE = 18;
const FILLED_SYMBOLS = ["circle", "triangle", "square", "diamond", "star", "cross", "wye"];
// The map's furniture follows the page's colour scheme (light, or dark under prefers-color-scheme):
// CSS variables of the Framework theme, with a fallback for a page or an export without them.
export const ABSENT_FILL = "var(--theme-foreground-faintest, #e4e4e4)";
const SPHERE_FILL = "var(--theme-background-alt, #f3f6fa)";
const SPHERE_STROKE = "var(--theme-foreground-faint, #b8bec8)";
const BACKGROUND = "var(--theme-background, #ffffff)";
const HATCH_STROKE = "var(--theme-foreground-muted, #888888)";
const SWATCH_STROKE = "var(--theme-foreground-faint, #999999)";
const OUTLINE = "var(--theme-foreground, #111111)";
const DEFAULT_DOT = "#2b6cb0";

/**
 * n colours from a sequential scheme between 30 % and 100 % of its ramp: the lowest class (which
 * holds a reported zero) must not look like the near-white or grey of a country without a value.
 */
export function classColors(scheme: Plot.ColorScheme, n: number): string[] {
  const ramp = Plot.scale({color: {type: "sequential", domain: [0, 1], scheme}});
  return Array.from({length: n}, (_, i) => String(ramp.apply(n === 1 ? 1 : 0.3 + (0.7 * i) / (n - 1))));
}

const titleCache = new WeakMap<object, WeakMap<object, string>>();

/**
 * A title function that remembers its text per site: Plot computes every tooltip text at each
 * redraw, and a filter change redraws the same sites. A new function (a new cell run) starts afresh.
 */
function memoized<T extends object>(title: (d: T) => string): (d: T) => string {
  let texts = titleCache.get(title);
  if (!texts) titleCache.set(title, (texts = new WeakMap()));
  const cache = texts;
  return (d) => {
    let text = cache.get(d);
    if (text === undefined) cache.set(d, (text = title(d)));
    return text;
  };
}

const pathCache = new WeakMap<readonly CountryFeature[], Map<string, string[]>>();
const PATH_CACHE_SIZES = 8;

/** The SVG path of each feature under a projection and frame (the key), computed once. */
function projectedPaths(features: readonly CountryFeature[], key: string, path: ReturnType<Plot.Context["path"]>): string[] {
  let bySize = pathCache.get(features);
  if (!bySize) pathCache.set(features, (bySize = new Map()));
  let paths = bySize.get(key);
  if (!paths) {
    paths = features.map((f) => path(f as Parameters<typeof path>[0]) ?? "");
    if (bySize.size >= PATH_CACHE_SIZES) bySize.delete(bySize.keys().next().value!);
    bySize.set(key, paths);
  }
  return paths;
}

export function featureId(feature: CountryFeature): string {
  return feature.id === undefined ? "" : String(feature.id);
}

function featureName(feature: CountryFeature): string {
  return feature.properties?.name ?? featureId(feature);
}

function placed<T extends MapPoint>(d: T): boolean {
  return d.longitude !== null && d.latitude !== null && Number.isFinite(d.longitude) && Number.isFinite(d.latitude);
}

function svgElement(doc: Document, name: string, attributes: Record<string, string | number>): SVGElement {
  const element = doc.createElementNS("http://www.w3.org/2000/svg", name) as SVGElement;
  for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, String(v));
  return element;
}

/** Diagonal hatching: the style of a value the source withholds or lacks. */
function hatchPattern(doc: Document, id: string): SVGElement {
  const pattern = svgElement(doc, "pattern", {id, width: 5, height: 5, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)"});
  pattern.append(svgElement(doc, "rect", {width: 5, height: 5, fill: BACKGROUND}), svgElement(doc, "line", {x1: 0, y1: 0, x2: 0, y2: 5, stroke: HATCH_STROKE, "stroke-width": 2}));
  return pattern;
}

function swatch(doc: Document, fill: string, text: string, pattern?: SVGElement): HTMLElement {
  const item = doc.createElement("span");
  item.className = "world-map-swatch";
  const svg = svgElement(doc, "svg", {width: 15, height: 15, "aria-hidden": "true"});
  if (pattern) {
    const defs = svgElement(doc, "defs", {});
    defs.append(pattern);
    svg.append(defs);
  }
  svg.append(svgElement(doc, "rect", {width: 15, height: 15, fill, stroke: SWATCH_STROKE, "stroke-width": 0.5}));
  item.append(svg, doc.createTextNode(` ${text}`));
  return item;
}

/**
 * A world map drawn with Plot: Natural Earth countries, shaded by a value in classes (a listed
 * country without a value hatched, an unlisted one grey, so that neither reads as zero), and sites
 * as dots coloured, shaped and sized by their fields, with a tooltip each. Clicking a country calls
 * onSelect with its id. Returns a div holding the legends, the map and the size key.
 */
export function WorldMap<T extends MapPoint & object>(features: readonly CountryFeature[], sites: readonly T[], options: WorldMapOptions<T> = {}): HTMLElement {
  const {width = 640, projection = "equal-earth", shading = null, points = {}, selected = null, onSelect, links = [], region = null, idPrefix = "world-map", document} = options;
  const fitted = region ? regionProjection(region) : null;
  // Cached projected paths and points are keyed by projection, region and frame.
  const projectionKey = fitted ? `${projection}@${region!.id}` : projection;
  const doc = document ?? globalThis.document;
  const container = doc.createElement("div");
  container.className = "world-map";
  const missingId = `${idPrefix}-missing`;

  let shadeOf: (id: string) => "value" | "missing" | "absent" = () => "absent";
  let fillOf: (f: CountryFeature) => string = () => ABSENT_FILL;
  if (shading) {
    const range = classColors(shading.scheme ?? "blues", shading.thresholds.length + 1);
    const color = Plot.scale({color: {type: "threshold", domain: [...shading.thresholds], range}});
    shadeOf = (id) => (!shading.values.has(id) ? "absent" : shading.values.get(id) === null ? "missing" : "value");
    fillOf = (f) => {
      const id = featureId(f);
      const state = shadeOf(id);
      return state === "absent" ? ABSENT_FILL : state === "missing" ? `url(#${missingId})` : String(color.apply(shading.values.get(id)));
    };
    const legend = doc.createElement("div");
    legend.className = "world-map-legend";
    legend.append(
      // Plot's legend takes the document like Plot.plot does; its type declarations omit it.
      Plot.legend({color: {type: "threshold", domain: [...shading.thresholds], range, label: shading.label}, tickFormat: shading.tickFormat, document: doc} as Plot.LegendScales) as Element,
      swatch(doc, `url(#${missingId}-key)`, shading.missingLabel, hatchPattern(doc, `${missingId}-key`)),
      swatch(doc, ABSENT_FILL, shading.absentLabel)
    );
    container.append(legend);
  }
  const countryTitle = (f: CountryFeature) => {
    const id = featureId(f);
    const text = shading?.describe ? shading.describe(id) : "";
    return text ? `${featureName(f)}: ${text}` : featureName(f);
  };

  const shown = sites.filter(placed);
  const dimmed = (d: T) => points.selected !== undefined && !points.selected(d);
  // A per-dot opacity only when some dots are faded: with thousands of dots, every attribute counts.
  const opacity = points.selected ? {value: (d: T) => (dimmed(d) ? 0.18 : 0.9), scale: null} : 0.9;
  const r = points.r;
  // Small dots are drawn without the white outline that separates large overlapping ones.
  const outline = r !== undefined || (points.radius ?? 3) >= 2.5 ? {stroke: BACKGROUND, strokeWidth: 0.5} : {};
  const sized = r ? shown.filter((d) => (r(d) ?? 0) > 0) : shown;
  const zero = r ? shown.filter((d) => r(d) === 0) : [];
  const unknown = r ? shown.filter((d) => r(d) === null) : [];
  const radius = points.radius ?? 3;
  const label = points.label ?? "site";
  const keyOf = points.key;
  // Writes each dot's key on it: Plot draws a mark's elements in the order of its index.
  const tagKeys = (data: readonly T[]): Plot.RenderFunction | undefined =>
    keyOf
      ? function (index, scales, values, dimensions, context, next) {
          const g = next!(index, scales, values, dimensions, context)!;
          const children = g.children;
          Array.from(index).forEach((i, j) => {
            const key = keyOf(data[i]!);
            if (key !== null && children[j]) children[j]!.setAttribute("data-key", key);
          });
          return g;
        }
      : undefined;
  const xy = {x: (d: T) => d.longitude, y: (d: T) => d.latitude};
  const category = points.fill ? {fill: points.fill} : {fill: DEFAULT_DOT};
  const symbol = points.symbol ? {symbol: points.symbol} : {};

  // Countries are drawn from projected paths cached per size: projecting Natural Earth is most of
  // the cost of a redraw, and a filter change or a second map of the same width reuses it.
  const drawCountries: Plot.RenderFunction = function (index, _scales, _values, dimensions, context) {
    const paths = projectedPaths(features, `${projectionKey} ${dimensions.width}x${dimensions.height} ${dimensions.marginTop} ${dimensions.marginRight} ${dimensions.marginBottom} ${dimensions.marginLeft}`, context.path());
    const g = svgElement(doc, "g", {"aria-label": "geo", "aria-description": "countries", class: "country", stroke: BACKGROUND, "stroke-width": 0.5, "stroke-linejoin": "round", "stroke-linecap": "round"});
    for (const i of index) {
      const feature = features[i]!;
      const id = featureId(feature);
      const path = svgElement(doc, "path", {d: paths[i]!, fill: fillOf(feature), "data-id": id, "data-shade": shadeOf(id)});
      const title = svgElement(doc, "title", {});
      title.textContent = countryTitle(feature);
      path.append(title);
      if (onSelect && id) {
        path.style.cursor = "pointer";
        path.addEventListener("click", () => onSelect(id === selected ? null : id));
      }
      g.append(path);
    }
    return g;
  };

  const dense = points.dense === true && !r && !points.symbol;
  // Dense dots: one path per cluster of round-capped zero-length strokes, from positions projected
  // once per site and frame size, so that a filter change only rebuilds the path strings.
  const drawDense: Plot.RenderFunction = function (index, _scales, values, dimensions, context) {
    const key = `${projectionKey} ${dimensions.width}x${dimensions.height} ${dimensions.marginTop} ${dimensions.marginRight} ${dimensions.marginBottom} ${dimensions.marginLeft}`;
    const project = pointProjector(context.projection!, key);
    const g = svgElement(doc, "g", {"aria-label": "geo", "aria-description": "sites", class: label, fill: "none", "stroke-linecap": "round", "stroke-width": 2 * radius});
    for (const i of index) {
      const cluster = clusters[i]!;
      let d = "";
      for (const site of cluster.sites) {
        const xy = project(site);
        if (xy) d += `M${xy[0]},${xy[1]}h0`;
      }
      const color = (values.fill as ArrayLike<string> | undefined)?.[i] ?? String(category.fill);
      const attributes: Record<string, string | number> = {d, stroke: color, "stroke-opacity": cluster.faded ? 0.18 : 0.9, "data-count": cluster.sites.length};
      if (cluster.key !== null) attributes["data-key"] = cluster.key;
      g.append(svgElement(doc, "path", attributes));
    }
    return g;
  };
  const clusters = dense ? denseClusters(shown, points.fill ?? (() => ""), dimmed, keyOf) : [];

  const selectedFeatures = features.filter((f) => selected !== null && featureId(f) === selected);
  const plot = Plot.plot({
    ...(document ? {document} : {}),
    width,
    className: "world-map-plot",
    projection: fitted ? {type: projection, domain: fitted.domain, rotate: fitted.rotate, inset: 8} : projection,
    ...(region?.bounds ? {height: regionHeight(region.bounds, width)} : {}),
    color: points.fill ? {type: "ordinal", domain: points.fillDomain ? [...points.fillDomain] : undefined, range: points.fillRange ? [...points.fillRange] : undefined, legend: true, label: points.fillLabel} : undefined,
    symbol: points.symbol ? {domain: points.symbolDomain ? [...points.symbolDomain] : undefined, range: [...(points.symbolRange ?? FILLED_SYMBOLS)], legend: true, label: points.symbolLabel} : undefined,
    r: r ? {type: "sqrt", domain: [0, points.rMax ?? 1], range: [0, R_RANGE], clamp: true} : undefined,
    marks: [
      () => {
        const defs = svgElement(doc, "defs", {});
        defs.append(hatchPattern(doc, missingId));
        return defs as SVGElement;
      },
      Plot.sphere({fill: SPHERE_FILL, stroke: SPHERE_STROKE, strokeWidth: 0.75}),
      Plot.geo(features, {render: drawCountries}),
      Plot.geo(selectedFeatures, {fill: "none", stroke: OUTLINE, strokeWidth: 1.5, className: "selected-country", ariaDescription: "selected country"}),
      Plot.link(links, {x1: (d: MapLink) => d.from[0], y1: (d: MapLink) => d.from[1], x2: (d: MapLink) => d.to[0], y2: (d: MapLink) => d.to[1], stroke: "#b45309", strokeDasharray: "3,2", markerEnd: "arrow", title: (d: MapLink) => d.title ?? "", className: "flag-link", ariaDescription: "from the stated country to the coordinates"}),
      dense
        ? Plot.dot(clusters, {x: 0, y: 0, fill: points.fill ? (c: DenseCluster<T>) => c.category : category.fill, render: drawDense})
        : null,
      dense ? null : Plot.dot(sized, {...xy, ...category, ...symbol, r: r ? (d: T) => r(d) : radius, ...outline, fillOpacity: opacity, strokeOpacity: opacity, sort: r ? {channel: "r", order: "descending"} : undefined, className: label, ariaDescription: "sites", render: tagKeys(sized)}),
      Plot.dot(zero, {...xy, ...category, ...symbol, r: 1.5, fillOpacity: opacity, className: `${label}-zero`, ariaDescription: "sites with a value of zero", render: tagKeys(zero)}),
      Plot.dot(unknown, {...xy, ...symbol, stroke: category.fill, fill: "none", r: radius, strokeWidth: 1, strokeOpacity: opacity, className: `${label}-unknown`, ariaDescription: "sites whose size value is not known", render: tagKeys(unknown)}),
      points.title ? Plot.tip(shown, Plot.pointer({...xy, title: memoized(points.title), fontSize: 12})) : null
    ]
  });
  container.append(plot as Element);

  if (r) container.append(sizeKey(doc, points, document));
  return container;
}

/**
 * The height of a map re-projected on a region: the box's shape (its width shrunk by the cosine of
 * its middle latitude), between 300 and 640 px, so that a tall region stays legible on a phone.
 */
export function regionHeight([[w, s], [e, n]]: [[number, number], [number, number]], width: number): number {
  const aspect = (n - s) / ((e - w) * Math.cos((((s + n) / 2) * Math.PI) / 180));
  return Math.round(Math.min(640, Math.max(300, width * aspect)));
}

interface DenseCluster<T> {
  category: string;
  faded: boolean;
  /** The country of the cluster's sites, when the map keys its dots. */
  key: string | null;
  sites: T[];
}

/** The sites by category, faded state (and key, if given), faded ones first so that the others lie on top. */
function denseClusters<T extends MapPoint>(sites: readonly T[], categoryOf: (d: T) => string, faded: (d: T) => boolean, keyOf?: (d: T) => string | null): DenseCluster<T>[] {
  const groups = new Map<string, DenseCluster<T>>();
  for (const d of sites) {
    const category = categoryOf(d);
    const dim = faded(d);
    const siteKey = keyOf ? keyOf(d) : null;
    const key = `${dim ? 0 : 1}\u0000${category}\u0000${siteKey ?? ""}`;
    let c = groups.get(key);
    if (!c) groups.set(key, (c = {category, faded: dim, key: siteKey, sites: []}));
    c.sites.push(d);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
}

const pointCache = new WeakMap<object, {key: string; xy: [number, number] | null}>();

/**
 * Projects a site's position through the plot's projection stream (which fits, clips and
 * resamples as Plot does), remembering the result per site for the frame size given as key.
 * Returns null for a point the projection clips away.
 */
function pointProjector(projection: NonNullable<Plot.Context["projection"]>, key: string): (site: MapPoint) => [number, number] | null {
  let out: [number, number] | null = null;
  const noop = () => {};
  const stream = projection.stream({point: (x: number, y: number) => void (out = [Math.round(x * 10) / 10, Math.round(y * 10) / 10]), lineStart: noop, lineEnd: noop, polygonStart: noop, polygonEnd: noop, sphere: noop});
  return (site) => {
    const hit = pointCache.get(site);
    if (hit && hit.key === key) return hit.xy;
    out = null;
    stream.point(site.longitude!, site.latitude!);
    pointCache.set(site, {key, xy: out});
    return out;
  };
}

/** Circles for a few quantities at the map's radius, a dot for zero and a ring for "not known". */
function sizeKey<T>(doc: Document, points: MapPoints<T>, document: Document | undefined): HTMLElement {
  const rMax = points.rMax ?? 1;
  const ticks = points.rTicks ?? [rMax / 100, rMax / 10, rMax];
  const format = (v: number) => v.toLocaleString("en-GB", {maximumSignificantDigits: 3});
  const items = [...ticks.map((v) => ({key: format(v), r: v, kind: "value"})), {key: "0", r: 0, kind: "zero"}, {key: "not known", r: null, kind: "unknown"}];
  const wrap = doc.createElement("div");
  wrap.className = "world-map-size-key";
  const title = doc.createElement("div");
  title.className = "world-map-size-title";
  title.textContent = points.rLabel ?? "Size";
  wrap.append(
    title,
    Plot.plot({
      ...(document ? {document} : {}),
      width: 90 * items.length,
      height: 2 * R_RANGE + 28,
      margin: 0,
      marginBottom: 18,
      x: {type: "point", domain: items.map((d) => d.key), axis: "bottom", tickSize: 0, label: null, inset: 40},
      y: {axis: null, domain: [0, 1]},
      r: {type: "sqrt", domain: [0, rMax], range: [0, R_RANGE], clamp: true},
      marks: [
        Plot.dot(items.filter((d) => d.kind === "value"), {x: "key", y: 0.5, r: "r", stroke: "currentColor", fill: "none"}),
        Plot.dot(items.filter((d) => d.kind === "zero"), {x: "key", y: 0.5, r: 1.5, fill: "currentColor"}),
        Plot.dot(items.filter((d) => d.kind === "unknown"), {x: "key", y: 0.5, r: points.radius ?? 3, stroke: "currentColor", fill: "none"})
      ]
    }) as Element
  );
  return wrap;
}

/**
 * Shows a chosen country on a drawn map without redrawing it: outlines the country (feature id) and
 * fades the dots whose data-key (see MapPoints.key) is not the chosen key; null for both clears the
 * choice. Returns the number of dots left unfaded.
 */
export function highlightCountry(root: Element, {id, key}: {id: string | null; key: string | null}): number {
  const svg = root.querySelector("svg.world-map-plot");
  if (!svg) return 0;
  const doc = svg.ownerDocument;
  for (const g of svg.querySelectorAll("g.selected-country")) g.remove();
  const country = id === null ? null : svg.querySelector(`g.country path[data-id="${id.replace(/["\\]/g, "\\$&")}"]`);
  if (country) {
    const g = svgElement(doc, "g", {class: "selected-country", "aria-description": "selected country", fill: "none", stroke: OUTLINE, "stroke-width": 1.5});
    g.append(svgElement(doc, "path", {d: country.getAttribute("d") ?? ""}));
    country.parentElement!.after(g);
  }
  let kept = 0;
  for (const dot of svg.querySelectorAll("[data-key]")) {
    if (key === null || dot.getAttribute("data-key") === key) {
      dot.removeAttribute("opacity");
      kept += 1;
    } else dot.setAttribute("opacity", "0.2");
  }
  return kept;
}

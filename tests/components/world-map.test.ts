import {readFileSync} from "node:fs";
import {JSDOM} from "jsdom";
import {feature} from "topojson-client";
import type {GeometryCollection, Topology} from "topojson-specification";
import {describe, expect, it, vi} from "vitest";
import {WorldMap, classColors, highlightCountry, type CountryFeature, type WorldMapOptions} from "../../src/components/mapping/world-map.ts";
import {normalizeSvg} from "./normalize-svg.ts";

const topology = JSON.parse(readFileSync("node_modules/world-atlas/countries-110m.json", "utf-8")) as Topology<{countries: GeometryCollection<{name: string}>}>;
const countries = feature(topology, topology.objects.countries).features as CountryFeature[];

// Real rows of the sites table (Busch et al. 2024), trimmed to the fields drawn; the last has no
// coordinates, like most rows of the paper's Table 3.
interface Site {
  name: string;
  iso_numeric: string;
  longitude: number | null;
  latitude: number | null;
  resource: string;
  status: string;
  reserves_kt: number | null;
  production_kt: number | null;
}
const sites: Site[] = [
  {name: "Salar de Atacama (SQM)", iso_numeric: "152", longitude: -68.36, latitude: -23.55, resource: "Brine", status: "Producing", reserves_kt: 360, production_kt: 27.14},
  {name: "Cauchari", iso_numeric: "032", longitude: -66.75, latitude: -23.7, resource: "Brine", status: "Producing", reserves_kt: 682.92, production_kt: 1.92},
  {name: "Salar de Olaroz (Allkem)", iso_numeric: "032", longitude: -66.73, latitude: -23.46, resource: "Brine", status: "Producing", reserves_kt: null, production_kt: 1.2},
  {name: "Salar del Hombre Muerto (POSCO)", iso_numeric: "032", longitude: -66.96, latitude: -25.22, resource: "Brine", status: "Construction", reserves_kt: 2539.47, production_kt: 0},
  {name: "Greenbushes", iso_numeric: "036", longitude: 116.06, latitude: -33.85, resource: "Hard Rock", status: "Producing", reserves_kt: 1668.57, production_kt: 27.96},
  {name: "Pilgangoora", iso_numeric: "036", longitude: 118.91, latitude: -21.04, resource: "Hard Rock", status: "Producing", reserves_kt: 1184.06, production_kt: 11.13},
  {name: "North Kenawe (paper Table 3, row 5)", iso_numeric: "360", longitude: null, latitude: null, resource: "Laterite?", status: "Producing", reserves_kt: 8632, production_kt: 24.3}
];

// MCS 2023 lithium mine production 2021, kt Li: the United States withheld, Canada a reported 0.
const values = new Map<string, number | null>([["036", 55.3], ["152", 28.3], ["032", 5.97], ["124", 0], ["840", null]]);

function render(options: Partial<WorldMapOptions<Site>> = {}, features = countries) {
  const {document} = new JSDOM("<!doctype html><body></body>").window;
  return WorldMap(features, sites, {
    width: 800,
    idPrefix: "test",
    shading: {values, thresholds: [1, 5, 20], label: "Lithium mine production 2021 (kt Li)", missingLabel: "withheld", absentLabel: "not listed"},
    points: {
      fill: (d) => d.resource,
      fillDomain: ["Brine", "Hard Rock"],
      symbol: (d) => d.status,
      symbolDomain: ["Producing", "Construction"],
      r: (d) => d.reserves_kt,
      rMax: 3000,
      rLabel: "Reserves (kt Li)",
      title: (d) => d.name
    },
    document,
    ...options
  });
}

const mapSvg = (root: HTMLElement) => root.querySelector("svg.world-map-plot") as SVGSVGElement;
const marks = (root: HTMLElement, label: string) => [...mapSvg(root).querySelectorAll(`g.${label} > *`)];

/** The bounding box of a path's absolute coordinates (d3-geo writes M/L with absolute pairs). */
function bbox(d: string) {
  const pairs = [...d.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  return {x0: Math.min(...pairs.map((p) => p[0])), x1: Math.max(...pairs.map((p) => p[0])), y0: Math.min(...pairs.map((p) => p[1])), y1: Math.max(...pairs.map((p) => p[1]))};
}

/** Where a dot is drawn: symbols are paths moved by a translate. */
function position(element: Element): [number, number] {
  const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(element.getAttribute("transform") ?? "");
  if (m) return [Number(m[1]), Number(m[2])];
  return [Number(element.getAttribute("cx")), Number(element.getAttribute("cy"))];
}

describe("WorldMap", () => {
  it("WorldMap(features, sites) draws every Natural Earth country once, tagged with its id", () => {
    const paths = marks(render(), "country");
    expect(paths).toHaveLength(177); // countries-110m has 177 features
    expect(paths.filter((p) => p.getAttribute("data-id") === "036")).toHaveLength(1);
  });

  it("WorldMap(features, sites, {shading}) shades listed values, hatches a withheld one and greys the unlisted", () => {
    const paths = marks(render(), "country");
    const shade = (id: string) => paths.find((p) => p.getAttribute("data-id") === id)!;
    expect(paths.filter((p) => p.getAttribute("data-shade") === "value").map((p) => p.getAttribute("data-id")).sort()).toEqual(["032", "036", "124", "152"]);
    expect(shade("840").getAttribute("data-shade")).toBe("missing");
    expect(shade("840").getAttribute("fill")).toBe("url(#test-missing)");
    expect(shade("250").getAttribute("data-shade")).toBe("absent"); // France: not listed by the USGS
    // The unlisted grey is the theme's faintest foreground, so that it follows a dark page too.
    expect(shade("250").getAttribute("fill")).toBe("var(--theme-foreground-faintest, #e4e4e4)");
  });

  it("WorldMap draws its outlines, ocean and hatching in the theme's colours, none fixed to a light page", () => {
    const svg = mapSvg(render({selected: "036"}));
    expect(svg.querySelector("g.country")!.getAttribute("stroke")).toBe("var(--theme-background, #ffffff)");
    expect(svg.querySelector("g.selected-country")!.getAttribute("stroke")).toBe("var(--theme-foreground, #111111)");
    expect(svg.querySelector("g[aria-label=sphere] path, g[aria-label=geo] path[d]")).not.toBeNull();
    const pattern = svg.querySelector("pattern#test-missing")!;
    expect(pattern.querySelector("rect")!.getAttribute("fill")).toBe("var(--theme-background, #ffffff)");
    expect(pattern.querySelector("line")!.getAttribute("stroke")).toBe("var(--theme-foreground-muted, #888888)");
    // No colour of the map's furniture is a fixed white, black or grey.
    const fixed = [...svg.querySelectorAll("[fill], [stroke]")].flatMap((e) => [e.getAttribute("fill"), e.getAttribute("stroke")]).filter((c) => c !== null && /^#(fff|ffffff|000|000000|111111|e4e4e4|888888|999999?|b8bec8|f3f6fa)$/i.test(c));
    expect(fixed).toEqual([]);
  });

  it("WorldMap(features, sites, {region}) re-projects on the region: its sites spread over the frame, the others clipped away", () => {
    const andes = {id: "andes", label: "Andes", bounds: [[-71.5, -29], [-64.5, -17.5]] as [[number, number], [number, number]]};
    const world = render();
    const zoomed = render({region: andes});
    const dots = (root: HTMLElement) => [...marks(root, "site"), ...marks(root, "site-zero"), ...marks(root, "site-unknown")];
    // The largest distance between two of the four Andean sites (Atacama, Cauchari, Olaroz, Hombre Muerto).
    const extent = (xy: (readonly [number, number])[]) => Math.max(...xy.flatMap((a) => xy.map((b) => Math.hypot(a[0] - b[0], a[1] - b[1]))));
    const worldAndes = dots(world).map(position).filter(([x]) => x < 400); // west of the Atlantic: the Andean four
    expect(dots(world)).toHaveLength(6);
    expect(worldAndes).toHaveLength(4);
    expect(extent(worldAndes)).toBeLessThan(15); // within a few pixels: one blot
    const height = Number(mapSvg(zoomed).getAttribute("height"));
    expect(height).toBeGreaterThanOrEqual(300);
    expect(height).toBeLessThanOrEqual(640);
    // Only the four Andean sites are drawn in the region (Australia is clipped away), now far apart and inside the frame.
    const inside = dots(zoomed).map(position);
    expect(inside).toHaveLength(4);
    expect(extent(inside)).toBeGreaterThan(10 * extent(worldAndes));
    for (const [x, y] of inside) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(800);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(height);
    }
  });

  it("WorldMap(features, sites, {shading}) puts each value in its class, the lowest class well apart from the unlisted grey", () => {
    const paths = marks(render(), "country");
    const fill = (id: string) => paths.find((p) => p.getAttribute("data-id") === id)!.getAttribute("fill");
    // Thresholds 1, 5, 20 kt give four classes: d3.interpolateBlues at 0.3, 0.53, 0.77 and 1.
    expect(fill("124")).toBe("rgb(181, 212, 233)"); // Canada, a reported 0: a value in the lowest class
    expect(fill("032")).toBe("rgb(31, 109, 177)"); // Argentina, 5.97 kt: third class (5-20)
    expect(fill("152")).toBe("rgb(8, 48, 107)"); // Chile, 28.3 kt
    expect(fill("036")).toBe("rgb(8, 48, 107)"); // Australia, 55.3 kt
  });

  it("classColors(scheme, n) spans 30 % to 100 % of the ramp, ending at the scheme's darkest colour", () => {
    expect(classColors("blues", 4)).toHaveLength(4);
    expect(classColors("blues", 4)[3]).toBe("rgb(8, 48, 107)"); // #08306b, the end of d3's Blues
    expect(classColors("blues", 1)).toEqual(["rgb(8, 48, 107)"]);
  });

  it("WorldMap(features, sites, {points: {r}}) draws a dot per placed site: sized, zero and not known apart", () => {
    const root = render();
    expect(marks(root, "site")).toHaveLength(5); // six placed sites, one with no reserve
    expect(marks(root, "site-zero")).toHaveLength(0);
    expect(marks(root, "site-unknown")).toHaveLength(1);
    const byProduction = render({points: {r: (d) => d.production_kt, rMax: 30, title: (d) => d.name}});
    expect(marks(byProduction, "site")).toHaveLength(5);
    expect(marks(byProduction, "site-zero")).toHaveLength(1); // Hombre Muerto (POSCO), under construction
  });

  it("WorldMap(features, sites) places the Andean brines in Chile and Argentina and Pilbara hard rock in Australia", () => {
    const root = render({points: {title: (d) => d.name}});
    const paths = marks(root, "country");
    const box = (id: string) => bbox(paths.find((p) => p.getAttribute("data-id") === id)!.getAttribute("d")!);
    const dots = marks(root, "site");
    expect(dots).toHaveLength(6);
    const inside = ([x, y]: [number, number], b: ReturnType<typeof bbox>) => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;
    // Dots come in the order of the placed sites.
    expect(inside(position(dots[0]!), box("152"))).toBe(true);
    for (const i of [1, 2, 3]) expect(inside(position(dots[i]!), box("032"))).toBe(true);
    for (const i of [4, 5]) expect(inside(position(dots[i]!), box("036"))).toBe(true);
    expect(inside(position(dots[4]!), box("152"))).toBe(false);
  });

  it("WorldMap(features, sites, {selected, points: {selected}}) outlines the country and fades the sites of others", () => {
    const root = render({selected: "036", points: {title: (d) => d.name, selected: (d) => d.iso_numeric === "036"}});
    expect(marks(root, "selected-country")).toHaveLength(1);
    const opacities = marks(root, "site").map((d) => d.getAttribute("fill-opacity"));
    expect(opacities).toEqual(["0.18", "0.18", "0.18", "0.18", "0.9", "0.9"]);
  });

  it("WorldMap(features, sites, {points: {dense}}) draws one path per colour and faded state, counting every placed site", () => {
    const root = render({points: {dense: true, fill: (d) => d.resource, fillDomain: ["Brine", "Hard Rock"], title: (d) => d.name, selected: (d) => d.iso_numeric === "036"}});
    const paths = marks(root, "site");
    // Faded brines (Chile, Argentina: 4), then Australian hard rock (2); the site without coordinates is left out.
    expect(paths.map((p) => [p.getAttribute("data-count"), p.getAttribute("stroke-opacity")])).toEqual([["4", "0.18"], ["2", "0.9"]]);
    // One round-capped zero-length stroke per dot, where the projection puts it.
    const dots = [...paths[1]!.getAttribute("d")!.matchAll(/M(-?[\d.]+),(-?[\d.]+)h0/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);
    expect(dots).toHaveLength(2);
    const australia = bbox(marks(root, "country").find((p) => p.getAttribute("data-id") === "036")!.getAttribute("d")!);
    for (const [x, y] of dots) expect(x >= australia.x0 && x <= australia.x1 && y >= australia.y0 && y <= australia.y1).toBe(true);
  });

  it("WorldMap(features, sites, {onSelect}) reports a clicked country, and null when the selected one is clicked", () => {
    const onSelect = vi.fn();
    const root = render({onSelect, selected: "036"});
    const click = (id: string) => marks(root, "country").find((p) => p.getAttribute("data-id") === id)!.dispatchEvent(new root.ownerDocument.defaultView!.MouseEvent("click"));
    click("152");
    click("036");
    expect(onSelect.mock.calls).toEqual([["152"], [null]]);
  });

  it("WorldMap(features, sites, {shading}) has a legend with the classes, the missing and the unlisted styles", () => {
    const legend = render().querySelector(".world-map-legend")!;
    expect(legend.textContent).toContain("Lithium mine production 2021 (kt Li)");
    expect([...legend.querySelectorAll(".world-map-swatch")].map((s) => s.textContent?.trim())).toEqual(["withheld", "not listed"]);
    expect(render().querySelector(".world-map-size-title")?.textContent).toBe("Reserves (kt Li)");
  });

  it("WorldMap(features, sites) matches its SVG snapshot", async () => {
    // The countries of the fixture and one unlisted (France), to keep the snapshot readable.
    const some = countries.filter((f) => ["032", "036", "124", "152", "250", "840"].includes(String(f.id)));
    await expect(normalizeSvg(render({}, some).outerHTML)).toMatchFileSnapshot("./__snapshots__/world-map.html");
  });
});

describe("WorldMap keys and highlightCountry", () => {
  const keyed = (options: Partial<WorldMapOptions<Site>> = {}) => render({points: {fill: (d) => d.resource, r: (d) => d.reserves_kt, rMax: 3000, key: (d) => d.iso_numeric}, ...options});

  it("writes its key on every dot of a placed site, sized, zero or unknown", () => {
    const root = keyed();
    const keys = [...mapSvg(root).querySelectorAll("[data-key]")].map((e) => e.getAttribute("data-key")).sort();
    // Six sites have coordinates: Chile 1, Argentina 3, Australia 2 (the paper's row has none).
    expect(keys).toEqual(["032", "032", "032", "036", "036", "152"]);
  });

  it("outlines the chosen country and fades the other countries' dots, and clears both", () => {
    const root = keyed();
    expect(highlightCountry(root, {id: "036", key: "036"})).toBe(2);
    expect(mapSvg(root).querySelectorAll("g.selected-country path")).toHaveLength(1);
    expect(mapSvg(root).querySelector("g.selected-country path")!.getAttribute("d")).toBe(mapSvg(root).querySelector('g.country path[data-id="036"]')!.getAttribute("d"));
    expect(mapSvg(root).querySelectorAll('[data-key][opacity="0.2"]')).toHaveLength(4);
    expect(highlightCountry(root, {id: null, key: null})).toBe(6);
    expect(mapSvg(root).querySelectorAll("g.selected-country")).toHaveLength(0);
    expect(mapSvg(root).querySelectorAll("[opacity]")).toHaveLength(0);
  });

  it("a dense map keeps one path per colour and country, each keyed", () => {
    const root = render({points: {fill: (d) => d.resource, dense: true, key: (d) => d.iso_numeric}});
    const paths = [...mapSvg(root).querySelectorAll("g.site > path")].map((p) => `${p.getAttribute("data-key")}:${p.getAttribute("data-count")}`).sort();
    expect(paths).toEqual(["032:3", "036:2", "152:1"]);
  });
});

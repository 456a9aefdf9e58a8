/**
 * The regions a map can be re-projected on, so that a cluster of sites that overlaps at world scale
 * (the salars of the Andean plateau above all) can be read dot by dot. A region is a box in
 * longitude and latitude; the map fits the box into its frame and shows what lies around it.
 */

export interface MapRegion {
  /** URL value, e.g. "andes". */
  id: string;
  label: string;
  /** [[west, south], [east, north]] in degrees; null for the whole world. */
  bounds: [[number, number], [number, number]] | null;
}

export const WORLD: MapRegion = {id: "world", label: "World", bounds: null};

/** The regions of Figure 3: each holds a group of lithium sites that touch or overlap at world scale. */
export const LITHIUM_REGIONS: readonly MapRegion[] = [
  WORLD,
  {id: "andes", label: "Andean plateau (Argentina, Bolivia, Chile)", bounds: [[-71.5, -29], [-64.5, -17.5]]},
  {id: "western-australia", label: "Western Australia", bounds: [[112, -35.5], [126, -19]]},
  {id: "north-america", label: "North America", bounds: [[-125, 25], [-60, 60]]},
  {id: "europe", label: "Europe", bounds: [[-11, 35], [32, 66]]},
  {id: "china", label: "China", bounds: [[73, 18], [125, 45]]},
  {id: "africa", label: "Southern and West Africa", bounds: [[-18, -35], [42, 16]]},
  {id: "brazil", label: "Eastern Brazil", bounds: [[-48, -22], [-38, -12]]}
];

/** The region of an id; throws RangeError for an unknown one. */
export function regionOf(id: string, regions: readonly MapRegion[] = LITHIUM_REGIONS): MapRegion {
  const region = regions.find((r) => r.id === id);
  if (!region) throw new RangeError(`regionOf: unknown region ${JSON.stringify(id)}`);
  return region;
}

/** Whether a position lies in the region (edges included); the world holds every placed site, and a site without coordinates lies in none. */
export function inRegion(site: {longitude: unknown; latitude: unknown}, region: MapRegion): boolean {
  const {longitude: x, latitude: y} = site;
  if (typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x) || !Number.isFinite(y)) return false;
  if (region.bounds === null) return true;
  const [[w, s], [e, n]] = region.bounds;
  return x >= w && x <= e && y >= s && y <= n;
}

/**
 * What a Plot projection is fitted to for the region: the box's corners and edge midpoints (a
 * MultiPoint, so that no winding order can turn the box into its complement on the sphere), and the
 * longitude to centre the projection on, so that the region's meridians stand upright. Null for the world.
 */
export function regionProjection(region: MapRegion): {domain: {type: "MultiPoint"; coordinates: [number, number][]}; rotate: [number, number]} | null {
  if (region.bounds === null) return null;
  const [[w, s], [e, n]] = region.bounds;
  const mx = (w + e) / 2;
  const my = (s + n) / 2;
  return {
    domain: {type: "MultiPoint", coordinates: [[w, s], [mx, s], [e, s], [e, my], [e, n], [mx, n], [w, n], [w, my]]},
    rotate: [-mx, 0]
  };
}

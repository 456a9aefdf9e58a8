import {readFileSync} from "node:fs";
import {JSDOM} from "jsdom";
import {feature} from "topojson-client";
import type {GeometryCollection, Topology} from "topojson-specification";
import {describe, expect, it, vi} from "vitest";
import {partyName, partyNumeric} from "../../lib/policy/parties.ts";
import {CooperationMap, EU_POINT, labelPoint, type CountryFeature} from "../../src/components/policy/cooperation-map.ts";
import {CooperationNetwork} from "../../src/components/policy/cooperation-network.ts";
import {normalizeSvg} from "./normalize-svg.ts";

const topology = JSON.parse(readFileSync("node_modules/world-atlas/countries-110m.json", "utf-8")) as Topology<{countries: GeometryCollection<{name: string}>}>;
const countries = feature(topology, topology.objects.countries).features as CountryFeature[];
const doc = () => new JSDOM("<!doctype html><body></body>").window.document;
/** Rows of policy_participation for two initiatives: i1 (USA, JPN) and i2 (EU, AUS, CAN, JPN). */
const initiative = (id: string, parties: string[]) =>
  parties.map((party) => ({initiative_id: id, initiative_title: `Initiative ${id}`, first_year: 2022, statuses: "In force", record_count: 1, party, party_name: partyName(party), party_numeric: partyNumeric(party), party_count: parties.length}));
const links = [...initiative("i1", ["USA", "JPN"]), ...initiative("i2", ["EU", "AUS", "CAN", "JPN"])];

describe("CooperationNetwork", () => {
  it("CooperationNetwork(links) draws a circle per party sized by its initiatives and a square per initiative", () => {
    const chart = CooperationNetwork(links, {document: doc()});
    const parties = Object.fromEntries([...chart.querySelectorAll("[data-party]")].map((e) => [e.getAttribute("data-party"), e.getAttribute("data-initiatives")]));
    expect(parties).toEqual({JPN: "2", AUS: "1", CAN: "1", EU: "1", USA: "1"});
    expect([...chart.querySelectorAll("[data-initiative]")].map((e) => [e.getAttribute("data-initiative"), e.getAttribute("data-parties")])).toEqual([["i1", "2"], ["i2", "4"]]);
    expect([chart.getAttribute("data-initiatives"), chart.getAttribute("data-parties")]).toEqual(["2", "5"]);
    const r = (code: string) => Number(chart.querySelector(`[data-party=${code}]`)!.getAttribute("r"));
    expect(r("JPN")).toBeCloseTo(4 + 3 * Math.SQRT2, 6);
    expect(r("USA")).toBe(7);
  });

  it("CooperationNetwork(links, {onSelect}) reports the party clicked", () => {
    const onSelect = vi.fn();
    const chart = CooperationNetwork(links, {onSelect, document: doc()});
    const japan = chart.querySelector("[data-party=JPN]")!;
    japan.dispatchEvent(new (japan.ownerDocument.defaultView!.Event)("click"));
    expect(onSelect.mock.calls).toEqual([["JPN"]]);
  });

  it("CooperationNetwork(links) lays the same data out the same way", () => {
    const a = normalizeSvg(CooperationNetwork(links, {document: doc()}).outerHTML);
    expect(normalizeSvg(CooperationNetwork(links, {document: doc()}).outerHTML)).toBe(a);
  });

  it("CooperationNetwork(links) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(CooperationNetwork(links, {width: 640, selected: "JPN", document: doc()}).outerHTML)).toMatchFileSnapshot("./__snapshots__/cooperation-network.html");
  });

  it("CooperationNetwork(links) colours an initiative by its number of parties: bilateral, or three or more", () => {
    const chart = CooperationNetwork(links, {document: doc()});
    const fill = (id: string) => chart.querySelector(`[data-initiative=${id}]`)!.getAttribute("fill");
    expect([fill("i1"), fill("i2")]).toEqual(["#4e79a7", "#e15759"]);
  });
});

describe("labelPoint", () => {
  it("labelPoint(France) lies in metropolitan France, not pulled towards French Guiana", () => {
    const [lon, lat] = labelPoint(countries.find((f) => String(f.id) === "250")!)!;
    expect(lon).toBeGreaterThan(-5);
    expect(lon).toBeLessThan(8);
    expect(lat).toBeGreaterThan(42);
    expect(lat).toBeLessThan(51);
  });
});

describe("CooperationMap", () => {
  it("CooperationMap(features, links) shades parties by initiatives and draws bilateral initiatives only", () => {
    const map = CooperationMap(countries, links, {document: doc()});
    const shaded = Object.fromEntries([...map.querySelectorAll("path[data-party]")].map((e) => [e.getAttribute("data-party"), e.getAttribute("data-initiatives")]));
    expect(shaded).toEqual({AUS: "1", CAN: "1", JPN: "2", USA: "1"}); // the EU has no outline; it is a dot
    expect([...map.querySelectorAll("[data-initiative]")].map((e) => e.getAttribute("data-initiative"))).toEqual(["i1"]);
    expect(map.getAttribute("data-lines")).toBe("1");
    expect(EU_POINT).toEqual([4.35, 50.85]);
  });

  it("CooperationMap(features, links) names in its caption the parties it cannot place", () => {
    const extra = [...links, ...initiative("i3", ["SGP"])];
    expect(CooperationMap(countries, extra, {document: doc()}).querySelector("figcaption")?.textContent).toBe("Not on the map (no 1:110m outline): Singapore (SGP, 1).");
  });

  it("CooperationMap(features, links) matches its SVG snapshot", async () => {
    await expect(normalizeSvg(CooperationMap(countries, links, {width: 640, selected: "JPN", document: doc()}).outerHTML)).toMatchFileSnapshot("./__snapshots__/cooperation-map.html");
  });
});

/**
 * How fast a reader sees figures, as ratios to floor pages built by the same install and measured
 * interleaved in one run (the machine is noisy; ratios are what carry over):
 * - first figure on each section page, against a page holding one Plot chart;
 * - first query result after the reader's first Run (Figure S1's Query tool, clicked as soon as the
 *   figure shows), against a page whose one cell runs `SELECT 42` in DuckDB-WASM;
 * - bytes fetched while each page loads, and whether any DuckDB file was among them.
 * Builds the site with the two floor pages (bench/floor/*.md) into .bench-dist/, then removes them.
 * Usage: npx tsx bench/figure-speed.ts   (RUNS=7 by default). A benchmark, not a test.
 */
import {spawnSync} from "node:child_process";
import {copyFileSync, rmSync} from "node:fs";
import {serveDist} from "../scripts/serve-dist.ts";
import {launch} from "../tests/browser/chromium.ts";
import {SECTIONS} from "../lib/figures/define.ts";
import {median} from "./open-page.ts";

const RUNS = Number(process.env.RUNS ?? 7);
const OUT = ".bench-dist";
const FLOORS = ["floor-plot", "floor-sql"];

if (!process.env.SKIP_BUILD) {
  try {
    for (const f of FLOORS) copyFileSync(`bench/floor/${f}.md`, `src/${f}.md`);
    const built = spawnSync("npx", ["tsx", "scripts/build.ts"], {stdio: "inherit", env: {...process.env, MINERS_DIST: OUT}});
    if (built.status !== 0) throw new Error("the build failed");
  } finally {
    for (const f of FLOORS) rmSync(`src/${f}.md`, {force: true});
  }
}

const {server, origin} = await serveDist(OUT);
const browser = await launch();

type Probe = {name: string; path: string; until: (page: import("playwright-core").Page) => Promise<void>};
const probes: Probe[] = [
  {name: "floor: one Plot chart", path: "/floor-plot", until: (p) => p.waitForSelector("#observablehq-main svg", {timeout: 60_000}).then(() => {})},
  {name: "floor: SELECT 42", path: "/floor-sql", until: (p) => p.waitForSelector("#floor-answer", {timeout: 60_000}).then(() => {})},
  ...SECTIONS.map((s) => ({name: `/pages/${s}: first figure`, path: `/pages/${s}`, until: (p: import("playwright-core").Page) => p.waitForSelector("figure.live-figure .figure-body > :not(.qc-error)", {timeout: 60_000}).then(() => {})})),
  {
    name: "/pages/production: Run -> first result",
    path: "/pages/production",
    until: async (p) => {
      await p.waitForSelector("figure#fig-s1 .figure-body svg", {timeout: 60_000});
      await p.click("figure#fig-s1 [data-tool=query]");
      await p.click("#fig-s1-query button[data-action=run]", {timeout: 60_000});
      await p.waitForSelector("#fig-s1-query[data-state=done]", {timeout: 60_000});
    }
  }
];

const times = new Map<string, number[]>(probes.map((p) => [p.name, []]));
const bytes = new Map<string, number>();
const duckdb = new Map<string, boolean>();
for (let run = 0; run < RUNS; run++) {
  for (const probe of probes) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let loaded = 0;
    let sawDuckDB = false;
    page.on("response", (r) => {
      loaded += Number(r.headers()["content-length"] ?? 0);
      if (/duckdb/i.test(r.url())) sawDuckDB = true;
    });
    const start = performance.now();
    await page.goto(origin + probe.path, {waitUntil: "commit"});
    await probe.until(page);
    times.get(probe.name)!.push(performance.now() - start);
    bytes.set(probe.name, loaded);
    duckdb.set(probe.name, sawDuckDB);
    await context.close();
  }
}
await browser.close();
server.close();

const plotFloor = median(times.get(probes[0]!.name)!);
const sqlFloor = median(times.get(probes[1]!.name)!);
console.log(`${RUNS} interleaved runs, fresh browser context each, ${origin}`);
console.log("probe | median ms | ratio to floor | kB fetched | DuckDB fetched");
for (const probe of probes) {
  const m = median(times.get(probe.name)!);
  const floor = probe.name.includes("Run") || probe.name.includes("SELECT") ? sqlFloor : plotFloor;
  console.log(`${probe.name} | ${m.toFixed(0)} | ${(m / floor).toFixed(2)} | ${((bytes.get(probe.name) ?? 0) / 1024).toFixed(0)} | ${duckdb.get(probe.name) ? "yes" : "no"}`);
}

/**
 * Where the time to a page's first figure goes: opens each page given (default the resilience and
 * policy pages) in a built site (.bench-dist/ from figure-speed.ts, or DIST), with a CPU profile
 * from navigation to the first figure, and prints the time to the first figure body, to the first
 * drawn chart (an svg, table or canvas in a figure body), the long tasks before it, the requests
 * that finished before it, and the functions and scripts that took the CPU until then.
 * Usage: npx tsx bench/first-figure-trace.ts [/pages/resilience ...]   (RUNS=3). A benchmark, not a test.
 */
import {serveDist} from "../scripts/serve-dist.ts";
import {launch} from "../tests/browser/chromium.ts";
import {median} from "./open-page.ts";

const DIST = process.env.DIST ?? ".bench-dist";
const RUNS = Number(process.env.RUNS ?? 3);
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ["/pages/resilience", "/pages/policy"];

const FIRST = "figure.live-figure .figure-body > :not(.qc-error)";
const DRAWN = "figure.live-figure .figure-body :is(svg, table, canvas)";

type ProfileNode = {id: number; callFrame: {functionName: string; url: string; lineNumber: number}; children?: number[]};
type Profile = {nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number};

const {server, origin} = await serveDist(DIST);
const browser = await launch();
for (const path of paths) {
  const first: number[] = [];
  const drawn: number[] = [];
  let last: {profile: Profile; longTasks: {start: number; duration: number}[]; resources: {name: string; end: number; size: number}[]; firstAt: number} | null = null;
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({viewport: {width: 1280, height: 900}});
    const page = await context.newPage();
    // A string, not a function: tsx would wrap named functions in a helper the page does not have.
    await page.addInitScript(`(() => {
      window.__marks = {};
      window.__long = [];
      const check = () => {
        if (!window.__marks.first && document.querySelector(${JSON.stringify(FIRST)})) window.__marks.first = performance.now();
        if (!window.__marks.drawn && document.querySelector(${JSON.stringify(DRAWN)})) window.__marks.drawn = performance.now();
      };
      new MutationObserver(check).observe(document, {childList: true, subtree: true});
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__long.push({start: e.startTime, duration: e.duration});
      }).observe({type: "longtask", buffered: true});
    })()`);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", {interval: 200});
    await cdp.send("Profiler.start");
    await page.goto(origin + path, {waitUntil: "commit"});
    await page.waitForSelector(DRAWN, {timeout: 60_000});
    const {profile} = (await cdp.send("Profiler.stop")) as {profile: Profile};
    const info = await page.evaluate(() => {
      const w = window as unknown as {__marks: Record<string, number>; __long: {start: number; duration: number}[]};
      return {
        marks: w.__marks,
        longTasks: w.__long,
        resources: performance.getEntriesByType("resource").map((e) => ({name: e.name.replace(location.origin, ""), end: (e as PerformanceResourceTiming).responseEnd, size: (e as PerformanceResourceTiming).encodedBodySize}))
      };
    });
    first.push(info.marks.first ?? NaN);
    drawn.push(info.marks.drawn ?? NaN);
    last = {profile, longTasks: info.longTasks, resources: info.resources, firstAt: info.marks.first ?? 0};
    await context.close();
  }
  console.log(`\n${path}: first figure body ${first.map((x) => x.toFixed(0)).join(", ")} ms (median ${median(first).toFixed(0)}); first drawn chart ${drawn.map((x) => x.toFixed(0)).join(", ")} ms (median ${median(drawn).toFixed(0)})`);
  if (!last) continue;
  console.log(`long tasks before the first figure: ${last.longTasks.filter((t) => t.start < last!.firstAt).map((t) => `${t.start.toFixed(0)}+${t.duration.toFixed(0)}`).join(", ")}`);
  const before = last.resources.filter((r) => r.end < last!.firstAt);
  console.log(`requests done before it: ${before.length}, ${(before.reduce((n, r) => n + r.size, 0) / 1024).toFixed(0)} kB; after it, before the chart: ${last.resources.length - before.length}`);
  for (const r of [...last.resources].sort((a, b) => b.size - a.size).slice(0, 8)) console.log(`  ${(r.size / 1024).toFixed(0).padStart(6)} kB done at ${r.end.toFixed(0)} ms  ${r.name}`);
  // Self time by function and by script, over the whole profile (navigation to the first chart).
  const {nodes, samples, timeDeltas} = last.profile;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (timeDeltas[i] ?? 0) / 1000));
  const byFunction = new Map<string, number>();
  const byScript = new Map<string, number>();
  for (const [id, ms] of self) {
    const f = byId.get(id)!.callFrame;
    const script = f.url.replace(origin, "").replace(/\?.*/, "") || "(native)";
    const key = `${f.functionName || "(anonymous)"} ${script}:${f.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ms  ${k}`).join("\n");
  console.log(`CPU by script:\n${top(byScript, 12)}\nCPU by function:\n${top(byFunction, 20)}`);
}
await browser.close();
server.close();

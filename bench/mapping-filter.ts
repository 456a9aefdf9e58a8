/**
 * Redraw time of the mapping page's all-sites map (all 8,508 ICMM sites loaded) when a filter
 * changes, in headless Chromium: from the change event on the "Commodity group" select until the
 * new map is in the page and a frame has been painted. Alternates between all commodities (8,508
 * dots) and one group, and prints the median of RUNS changes of each kind, in wall time and in
 * CPU time of all Chromium processes (steadier on a shared machine). Serves dist/ (run
 * `npm run build` first), or measures a running server given as MINERS_ORIGIN. A benchmark, not a test.
 */
import {cpus, loadavg} from "node:os";
import {median, openPage} from "./open-page.ts";

const RUNS = Number(process.env.RUNS ?? 15);
const {page, browser, close} = await openPage("/pages/mapping");

// Runs in the page. A string, because tsx would wrap named functions in a helper the page lacks.
const CHANGE = `(label) => {
  const figure = document.querySelector("#fig-s7");
  const select = [...document.querySelectorAll("label")].find((l) => l.textContent === "Commodity group").parentElement.querySelector("select");
  const old = figure.querySelector("svg.world-map-plot");
  const index = [...select.options].findIndex((o) => o.textContent === label);
  return new Promise((resolve) => {
    let start = 0;
    const observer = new MutationObserver(() => {
      const svg = figure.querySelector("svg.world-map-plot");
      if (!svg || svg === old) return;
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve({ms: performance.now() - start, dots: [...svg.querySelectorAll("g.site > *")].reduce((n, p) => n + Number(p.getAttribute("data-count") ?? 1), 0)})));
    });
    observer.observe(figure, {childList: true, subtree: true});
    start = performance.now();
    select.selectedIndex = index;
    select.dispatchEvent(new Event("input", {bubbles: true}));
  });
}`;

// CPU time of all Chromium processes, which on a shared machine says what a redraw costs better
// than wall time, since it leaves out the time other processes hold the CPU.
const cdp = await browser.newBrowserCDPSession();
async function cpuSeconds(): Promise<number> {
  const {processInfo} = (await cdp.send("SystemInfo.getProcessInfo")) as {processInfo: {cpuTime: number}[]};
  return processInfo.reduce((s, p) => s + p.cpuTime, 0);
}

/** Changes the select to the option with this label: ms until the new map is painted, CPU ms used. */
async function change(label: string): Promise<{ms: number; cpu: number; dots: number}> {
  const before = await cpuSeconds();
  const result = (await page.evaluate(`(${CHANGE})(${JSON.stringify(label)})`)) as {ms: number; dots: number};
  return {...result, cpu: ((await cpuSeconds()) - before) * 1000};
}

const all: number[] = [];
const subset: number[] = [];
const allCpu: number[] = [];
const subsetCpu: number[] = [];
let allDots = 0;
let subsetDots = 0;
await change("copper"); // warm up
for (let i = 0; i < RUNS; i++) {
  const a = await change("All commodities");
  all.push(a.ms);
  allCpu.push(a.cpu);
  allDots = a.dots;
  const b = await change("copper");
  subset.push(b.ms);
  subsetCpu.push(b.cpu);
  subsetDots = b.dots;
}
console.log(`/pages/mapping, all-sites map, filter change -> new map painted (median of ${RUNS}):`);
const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
console.log(`  to all commodities (${allDots} dots): ${median(all).toFixed(0)} ms wall, ${median(allCpu).toFixed(0)} ms CPU  [wall: ${list(all)}]`);
console.log(`  to copper (${subsetDots} dots): ${median(subset).toFixed(0)} ms wall, ${median(subsetCpu).toFixed(0)} ms CPU  [wall: ${list(subset)}]`);
console.log(`  load average during the run: ${loadavg().map((x) => x.toFixed(1)).join(", ")} on ${cpus().length} CPUs`);
await close();

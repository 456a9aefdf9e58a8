/**
 * Time from choosing a country on the mapping page until the page has settled and painted: the
 * Country select is changed (alternately to Indonesia and Australia), every DOM change the page
 * makes in answer is watched, and the time is that of the first frame painted after the last
 * change (the second frame callback after it, so that the style, layout and paint of the first
 * frame are counted). Prints the median of RUNS changes in wall time and in CPU time of all Chromium processes.
 * Serves dist/ (run `npm run build` first), or measures MINERS_ORIGIN. A benchmark, not a test.
 */
import {cpus, loadavg} from "node:os";
import {median, openPage} from "./open-page.ts";

const RUNS = Number(process.env.RUNS ?? 9);
const {page, browser, close} = await openPage("/pages/mapping");

// Runs in the page. A string, because tsx would wrap named functions in a helper the page lacks.
const CHANGE = `(label) => new Promise((resolve) => {
  const select = [...document.querySelectorAll("label")].find((l) => l.textContent === "Country").parentElement.querySelector("select");
  const index = [...select.options].findIndex((o) => o.textContent === label);
  let last = 0;
  let mutations = 0;
  const frames = [];
  let stop = false;
  const observer = new MutationObserver((records) => { last = performance.now(); mutations += records.length; });
  observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  const loop = () => { frames.push(performance.now()); if (!stop) requestAnimationFrame(loop); };
  const start = performance.now();
  requestAnimationFrame(loop);
  select.selectedIndex = index;
  select.dispatchEvent(new Event("input", {bubbles: true}));
  setTimeout(() => {
    stop = true;
    observer.disconnect();
    // The second frame callback after the last change: the first one runs before that frame's style,
    // layout and paint, the second once they are done.
    const after = frames.filter((t) => t > last);
    const frame = after[1] ?? after[0] ?? last;
    resolve({ms: frame - start, mutations});
  }, 2000);
})`;

const cdp = await browser.newBrowserCDPSession();
async function cpuSeconds(): Promise<number> {
  const {processInfo} = (await cdp.send("SystemInfo.getProcessInfo")) as {processInfo: {cpuTime: number}[]};
  return processInfo.reduce((s, p) => s + p.cpuTime, 0);
}

async function change(label: string): Promise<{ms: number; cpu: number}> {
  const before = await cpuSeconds();
  const result = (await page.evaluate(`(${CHANGE})(${JSON.stringify(label)})`)) as {ms: number};
  return {ms: result.ms, cpu: ((await cpuSeconds()) - before) * 1000};
}

await change("Australia"); // warm up
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < RUNS; i++) {
  for (const label of ["Indonesia", "Australia"]) {
    const r = await change(label);
    wall.push(r.ms);
    cpu.push(r.cpu);
  }
}
console.log(`/pages/mapping, Country select changed -> first frame after the page's last DOM change (median of ${wall.length}):`);
console.log(`  ${median(wall).toFixed(0)} ms wall  [${wall.map((x) => x.toFixed(0)).join(", ")}]`);
console.log(`  (CPU of all Chromium processes over each 2 s window: ${median(cpu).toFixed(0)} ms)`);
console.log(`  load average: ${loadavg().map((x) => x.toFixed(1)).join(", ")} on ${cpus().length} CPUs`);
await close();

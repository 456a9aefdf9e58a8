/**
 * A timeline of one page until its first figure, from a Chromium trace: the main thread's tasks
 * over 8 ms (with what ran in them: the script, the layout, the parse), the requests as they end,
 * and marks for the first figure body and the first drawn chart. Reads a built site (.bench-dist/
 * from figure-speed.ts, or DIST). Usage: npx tsx bench/first-figure-timeline.ts /pages/resilience
 * A benchmark, not a test.
 */
import {serveDist} from "../scripts/serve-dist.ts";
import {launch} from "../tests/browser/chromium.ts";

const DIST = process.env.DIST ?? ".bench-dist";
const path = process.argv[2] ?? "/pages/resilience";
const FIRST = "figure.live-figure .figure-body > :not(.qc-error)";
const DRAWN = "figure.live-figure .figure-body :is(svg, table, canvas)";

type TraceEvent = {name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: {data?: Record<string, unknown>; [k: string]: unknown}};

const {server, origin} = await serveDist(DIST);
const browser = await launch();
const context = await browser.newContext({viewport: {width: 1280, height: 900}});
const page = await context.newPage();
// A string, not a function: tsx would wrap named functions in a helper the page does not have.
await page.addInitScript(`(() => {
  const marks = {};
  const check = () => {
    if (!marks.first && document.querySelector(${JSON.stringify(FIRST)})) performance.mark("first-figure-body"), (marks.first = 1);
    if (!marks.drawn && document.querySelector(${JSON.stringify(DRAWN)})) performance.mark("first-drawn-chart"), (marks.drawn = 1);
  };
  new MutationObserver(check).observe(document, {childList: true, subtree: true});
})()`);
await browser.startTracing(page, {categories: ["devtools.timeline", "blink.user_timing", "loading", "v8.execute", "disabled-by-default-devtools.timeline"]});
await page.goto(origin + path, {waitUntil: "commit"});
await page.waitForSelector(DRAWN, {timeout: 60_000});
await page.waitForTimeout(300);
const buffer = await browser.stopTracing();
await browser.close();
server.close();

const events: TraceEvent[] = JSON.parse(buffer.toString()).traceEvents;
const nav = events.find((e) => e.name === "navigationStart" && (e.args?.data as {isLoadingMainFrame?: boolean} | undefined)?.isLoadingMainFrame) ?? events.find((e) => e.name === "navigationStart")!;
const t = (ts: number) => ((ts - nav.ts) / 1000).toFixed(0).padStart(5);
// The renderer's main thread: where the page's FunctionCalls run.
const calls = events.filter((e) => e.name === "FunctionCall" || e.name === "EvaluateScript" || e.name === "v8.evaluateModule");
const counts = new Map<string, number>();
for (const e of calls) counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
const [main] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ts >= nav.ts);
const marks = events.filter((e) => e.cat.includes("user_timing") && /first-/.test(e.name));
const lines: [number, string][] = [];
for (const m of marks) lines.push([m.ts, `MARK ${m.name}`]);
for (const task of onMain.filter((e) => e.name === "RunTask" && (e.dur ?? 0) > 8000)) {
  const inside = onMain.filter((e) => e.ts >= task.ts && e.ts < task.ts + task.dur! && e !== task && e.dur);
  const by = new Map<string, number>();
  for (const e of inside) {
    if (!["FunctionCall", "EvaluateScript", "v8.evaluateModule", "Layout", "UpdateLayoutTree", "ParseHTML", "Paint", "v8.compile", "v8.compileModule", "FireAnimationFrame", "ResizeObserver", "RunMicrotasks", "TimerFire", "GCEvent", "MajorGC", "MinorGC", "ParseAuthorStyleSheet"].includes(e.name)) continue;
    const d = e.args?.data as {url?: string; functionName?: string} | undefined;
    const key = `${e.name}${d?.url ? " " + String(d.url).replace(origin, "").replace(/\?.*/, "") : ""}${d?.functionName ? " " + d.functionName : ""}`;
    by.set(key, (by.get(key) ?? 0) + e.dur! / 1000);
  }
  const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${v.toFixed(0)}`).join("; ");
  lines.push([task.ts, `task ${(task.dur! / 1000).toFixed(0)} ms: ${top}`]);
}
const requests = new Map<string, string>();
for (const e of events.filter((e) => e.name === "ResourceSendRequest")) requests.set(String(e.args?.data?.requestId), String(e.args?.data?.url).replace(origin, ""));
for (const e of events.filter((e) => e.name === "ResourceSendRequest")) if (/_file|highs|world-atlas/.test(String(e.args?.data?.url))) lines.push([e.ts, `  request ${requests.get(String(e.args?.data?.requestId))}`]);
for (const e of events.filter((e) => e.name === "ResourceFinish")) {
  const url = requests.get(String(e.args?.data?.requestId)) ?? "?";
  if (/_file|highs|world-atlas/.test(url)) lines.push([e.ts, `  done ${url} (${(Number(e.args?.data?.encodedDataLength ?? 0) / 1024).toFixed(0)} kB)`]);
}
const paints = onMain.filter((e) => e.name === "Paint" || e.name === "PaintImage");
let lastPaint = 0;
for (const p of paints) if (p.ts - lastPaint > 30_000) (lines.push([p.ts, "  paint"]), (lastPaint = p.ts));
console.log(`${path}: main thread ${main}; times in ms from navigation`);
for (const [ts, text] of lines.sort((a, b) => a[0] - b[0])) console.log(`${t(ts)}  ${text}`);
const requested = events.filter((e) => e.name === "ResourceSendRequest").length;
console.log(`${requested} requests in the trace`);

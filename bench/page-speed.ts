/**
 * Page weight and speed of the built site in headless Chromium on 127.0.0.1 (run `npm run build`
 * first): per page, the JavaScript and total bytes it loads and the time from navigation until every
 * cell has settled; on /pages/production, the time to the first chart and to the first SQL result.
 * Prints medians over RUNS fresh browser contexts (no cache). A benchmark, not a test.
 */
import {execSync} from "node:child_process";
import {serveDist} from "../scripts/serve-dist.ts";
import {launch, sitePages} from "../tests/browser/chromium.ts";
import {median} from "./open-page.ts";

const RUNS = Number(process.env.RUNS ?? 5);
const kB = (n: number) => `${(n / 1024).toFixed(0)} kB`;

const {server, origin} = await serveDist("dist");
const browser = await launch();
console.log(`dist/: ${execSync("du -sh dist").toString().split("\t")[0]}`);
console.log("page | JS loaded | all bytes loaded | cells settled (median ms)");
const only = process.env.PAGES?.split(",");
for (const path of sitePages("dist").filter((p) => !only || only.includes(p))) {
  const times: number[] = [];
  let js = 0;
  let all = 0;
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let jsBytes = 0;
    let allBytes = 0;
    page.on("response", (response) => {
      const length = Number(response.headers()["content-length"] ?? 0);
      allBytes += length;
      if (/\.js(\?|$)/.test(response.url())) jsBytes += length;
    });
    const start = Date.now();
    await page.goto(origin + path, {waitUntil: "load"});
    await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, undefined, {timeout: 60_000});
    times.push(Date.now() - start);
    js = jsBytes;
    all = allBytes;
    await context.close();
  }
  console.log(`${path} | ${kB(js)} | ${kB(all)} | ${median(times)}`);
}

const chart: number[] = [];
const sql: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const start = Date.now();
  await page.goto(`${origin}/pages/production`);
  await page.waitForSelector("figure svg g[aria-label=bar]", {timeout: 60_000});
  chart.push(Date.now() - start);
  await page.waitForFunction(() => /\d/.test(document.querySelector("[data-sql=sum-lithium]")?.textContent ?? ""), undefined, {timeout: 60_000});
  sql.push(Date.now() - start);
  await context.close();
}
console.log(`/pages/production: navigation -> first chart ${median(chart)} ms, -> first SQL result ${median(sql)} ms (median of ${RUNS}; all: ${sql.join(", ")})`);
await browser.close();
server.close();

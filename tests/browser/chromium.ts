/** Debian's Chromium driven by playwright-core, with the flags that work on a closed network. */
import {existsSync, readdirSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import type {Server} from "node:http";
import {chromium, type Browser, type Page} from "playwright-core";
import {afterAll, beforeAll} from "vitest";
import {serveDist} from "../../scripts/serve-dist.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}; apt-get install chromium, or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
  });
}

/** Every page of a built site, as URL paths (/pages/production), from its .html files. */
export function sitePages(dist = "dist"): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name.startsWith("_")) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".html") && name !== "404.html") pages.push("/" + relative(dist, path).replace(/(index)?\.html$/, ""));
    }
  };
  walk(dist);
  return pages.sort();
}

export interface PageReport {
  consoleErrors: string[];
  foreignRequests: string[];
  failedRequests: string[];
  cellErrors: string[];
  pendingCells: number;
}

/**
 * Opens a page and waits until every Framework cell has settled (no <observablehq-loading> left),
 * recording console errors, uncaught exceptions, requests to any other origin, failed requests
 * and cells that render an error.
 */
export async function checkPage(page: Page, url: string, {timeout = 60_000} = {}): Promise<PageReport> {
  const origin = new URL(url).origin;
  const report: PageReport = {consoleErrors: [], foreignRequests: [], failedRequests: [], cellErrors: [], pendingCells: 0};
  page.on("console", (message) => {
    if (message.type() === "error") report.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => report.consoleErrors.push(`uncaught: ${error.message}`));
  page.on("request", (request) => {
    const u = request.url();
    if (!u.startsWith("data:") && !u.startsWith("blob:") && new URL(u).origin !== origin) report.foreignRequests.push(u);
  });
  // ERR_ABORTED is the page cancelling its own request: Arrow's stream reader cancels a response
  // body once it has read the last record batch. A load that really fails shows as another error.
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText;
    if (reason !== "net::ERR_ABORTED") report.failedRequests.push(`${request.url()} (${reason})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) report.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  });
  await page.goto(url, {waitUntil: "load", timeout});
  try {
    // Framework shows <observablehq-loading> only for inline expressions; a code block waiting on
    // data has none, so also wait until the page has stopped fetching.
    await page.waitForLoadState("networkidle", {timeout});
    await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, undefined, {timeout});
  } catch {
    // Reported below as pending cells.
  }
  report.pendingCells = await page.locator("observablehq-loading").count();
  report.cellErrors = await page.locator(".observablehq--error").allTextContents();
  return report;
}

/**
 * The built site served on a free port of 127.0.0.1 (MINERS_DIST names another build folder;
 * MINERS_ORIGIN a server already running) and one Chromium, for a test file: set up before its
 * tests, closed after them. Read `site.origin` and `site.browser` inside tests and hooks.
 */
export function useSite(): {origin: string; browser: Browser} {
  const site = {} as {origin: string; browser: Browser; server?: Server};
  beforeAll(async () => {
    if (process.env.MINERS_ORIGIN) site.origin = process.env.MINERS_ORIGIN;
    else ({server: site.server, origin: site.origin} = await serveDist(process.env.MINERS_DIST ?? "dist"));
    site.browser = await launch();
  });
  afterAll(async () => {
    await site.browser?.close();
    site.server?.close();
  });
  return site;
}

/** Charts drawn outside a live figure: each sizeable <svg> not inside another (legend swatches are small). */
export function looseCharts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("#observablehq-main svg")]
      .filter((svg) => !svg.parentElement?.closest("svg") && !svg.closest("figure.live-figure"))
      .filter((svg) => svg.getBoundingClientRect().width >= 120 && svg.getBoundingClientRect().height >= 60)
      .map((svg) => svg.getAttribute("aria-label") ?? svg.outerHTML.slice(0, 80))
  );
}

/** A query cell of a page, by its id. */
export const queryCell = (page: Page, id: string) => page.locator(`.query-cell#${id}`);

/** Waits until a query cell has finished (done, error or cancelled) and returns its state. */
export async function settled(page: Page, id: string): Promise<string> {
  await page.waitForFunction((id) => !["loading", "running"].includes(document.getElementById(id)?.dataset.state ?? "loading"), id, {timeout: 120_000});
  return (await queryCell(page, id).getAttribute("data-state"))!;
}

/** Replaces a query cell's text as a reader does (focus, select all, type) and runs it with Ctrl-Enter. */
export async function typeAndRun(page: Page, id: string, sql: string): Promise<string> {
  await queryCell(page, id).locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(sql);
  // The key handler starts the run at once (state "loading"), so waiting for the end cannot see the last run's.
  await page.keyboard.press("Control+Enter");
  return settled(page, id);
}

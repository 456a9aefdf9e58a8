/**
 * The paper as one PDF: `npm run pdf [out.pdf]` serves the built site (dist/; built first if it is
 * missing), opens every page of the paper in the sidebar's order (observablehq.config.ts `pages`:
 * the home page, the four sections and production, the data catalog and source provenance; the
 * query workspace is left out, being a tool with nothing to read on paper) in headless Chromium,
 * waits until every cell has settled and every figure is drawn, prints each page in print media
 * (src/print.css) on A4, and merges them with pdf-lib behind a title page that names the edition
 * (commit and date, from /data/site-version.json) and says "Working paper for discussion, not for
 * citation". Every page carries a footer with the edition, that notice and its page number.
 *
 * Figures are printed as published: the build-time results, with every input at its default.
 */
import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, writeFileSync} from "node:fs";
import type {Server} from "node:http";
import {dirname, resolve} from "node:path";
import {PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, StandardFonts, rgb, type PDFPage} from "pdf-lib";
import type {Browser, BrowserContext, Page} from "playwright-core";
import {checkPage, launch} from "../tests/browser/chromium.ts";
import {serveDist} from "./serve-dist.ts";

export const DEFAULT_OUT = "dist-pdf/miners-live-working-paper.pdf";
/** Pages of the site that are tools, not text: left out of the PDF. */
export const LEFT_OUT = ["/pages/workspace"];
export const NOTICE = "Working paper for discussion, not for citation";

/** A4, with the margins of src/print.css's @page; the bottom one holds the footer. */
const MARGIN = {top: "16mm", right: "15mm", bottom: "18mm", left: "15mm"};
/** The printable width, 210 mm less the side margins, in CSS pixels: pages are laid out and drawn at it. */
const PRINT_WIDTH = Math.floor(((210 - 30) / 25.4) * 96);

export interface Edition {
  commit: string;
  short: string;
  date: string;
}

export interface PdfOptions {
  /** The built site; default dist/ (or MINERS_DIST). */
  dist?: string;
  /** Where the PDF goes; default dist-pdf/miners-live-working-paper.pdf. */
  out?: string;
  /** A server already serving the site; else `dist` is served on a free port while printing. */
  origin?: string;
  /** A Chromium already running; else one is launched and closed. */
  browser?: Browser;
  /** Paths left out; default LEFT_OUT. */
  leaveOut?: string[];
  /** Progress lines; default none. */
  log?: (line: string) => void;
}

export interface PdfReport {
  out: string;
  bytes: number;
  pages: number;
  seconds: number;
  edition: Edition;
  /** Each printed page of the site, with the PDF page it starts on (1 is the title page). */
  sections: {path: string; title: string; firstPage: number; pages: number}[];
}

/**
 * The edition of a served site: /data/site-version.json, or else the hashed copy that a page of
 * the site registers as a file attachment (Framework publishes it only under a hashed name).
 */
export async function readEdition(origin: string, paths: readonly string[] = ["/"]): Promise<Edition> {
  const direct = await fetch(new URL("/data/site-version.json", origin));
  if (direct.ok && (direct.headers.get("content-type") ?? "").includes("json")) return (await direct.json()) as Edition;
  for (const path of paths) {
    const url = new URL(path, origin);
    const html = await (await fetch(url)).text();
    const file = /registerFile\("[./]*data\/site-version\.json",\s*\{[^}]*"path":"([^"]+)"/.exec(html)?.[1];
    if (!file) continue;
    const response = await fetch(new URL(file, url));
    if (!response.ok) throw new Error(`pdf: ${file}: HTTP ${response.status}`);
    return (await response.json()) as Edition;
  }
  throw new Error(`pdf: the site at ${origin} has no data/site-version.json`);
}

/** The site's pages in the sidebar's order (observablehq.config.ts), the home page first, with their names there. */
async function paperOrder(page: Page, origin: string): Promise<Map<string, string>> {
  await page.goto(new URL("/", origin).href, {waitUntil: "domcontentloaded"});
  const links = await page.$$eval("#observablehq-sidebar a[href]", (links) =>
    links.map((a) => [new URL((a as HTMLAnchorElement).href).pathname, a.textContent?.trim() ?? ""] as const)
  );
  const order = new Map<string, string>([["/", "Overview"]]);
  for (const [path, name] of links) if (!order.has(path)) order.set(path, name);
  return order;
}

/** Waits until every live figure has drawn its body and no cell is loading, then two frames more. */
async function figuresDrawn(page: Page, timeout = 60_000): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForFunction(
    () =>
      document.querySelectorAll("observablehq-loading").length === 0 &&
      [...document.querySelectorAll("figure.live-figure")].every((figure) => figure.querySelector(".figure-body > *")),
    undefined,
    {timeout}
  );
}

/** Opens one page of the site, waits for it to settle in print media and prints it. */
async function printPage(context: BrowserContext, url: string): Promise<{title: string; pdf: Uint8Array}> {
  const page = await context.newPage();
  try {
    const report = await checkPage(page, url, {timeout: 120_000});
    if (report.pendingCells || report.cellErrors.length) {
      throw new Error(`pdf: ${url} did not settle: ${report.pendingCells} pending cells; errors: ${report.cellErrors.join("; ").slice(0, 500)}`);
    }
    await figuresDrawn(page);
    // Print media hides the sidebar and tools, so the main column widens and figures redraw to it.
    await page.emulateMedia({media: "print"});
    await figuresDrawn(page);
    // Links to other pages of the site would point at this temporary server: on paper they are
    // text. An external link whose text is its address is marked, so print.css does not repeat it.
    // (No named functions inside: tsx would wrap them in a helper the page does not have.)
    await page.evaluate(() => {
      for (const a of document.querySelectorAll<HTMLAnchorElement>("a[href]")) {
        const target = new URL(a.href, location.href);
        if (target.origin === location.origin && !(target.pathname === location.pathname && target.hash)) {
          a.removeAttribute("href");
          continue;
        }
        const [text, address] = [a.textContent ?? "", a.href].map((s) => s.trim().replace(/^https?:\/\/(www\.)?/, "").replace(/\/$/, ""));
        if (/^https?:/.test(a.getAttribute("href") ?? "") && text === address) a.dataset.printHref = "shown";
      }
    });
    const title = (await page.title()).replace(/ \| MINERS live working paper$/, "");
    const pdf = await page.pdf({format: "A4", margin: MARGIN, printBackground: true});
    return {title, pdf};
  } finally {
    await page.close();
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})[c]!);

/** The title page: what this is, its edition, the notice, and the contents with page numbers. */
async function printTitlePage(context: BrowserContext, origin: string, edition: Edition, sections: PdfReport["sections"], leftOut: readonly string[]): Promise<Uint8Array> {
  const page = await context.newPage();
  try {
    // The site's own stylesheet, for its fonts.
    await page.goto(new URL("/", origin).href, {waitUntil: "domcontentloaded"});
    const styles = await page.$$eval('link[rel="stylesheet"]', (links) => links.map((l) => (l as HTMLLinkElement).href));
    const contents = sections
      .map(({title, firstPage}) => `<tr><td>${escapeHtml(title)}</td><td class="n">${firstPage}</td></tr>`)
      .join("");
    await page.setContent(
      `<!doctype html><html lang="en"><head><meta charset="utf-8">${styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join("")}
<style>
  body { font: 16px/1.5 var(--serif, serif); color: #000; background: #fff; margin: 0; }
  .cover { padding-top: 35mm; max-width: 150mm; }
  h1 { font-size: 30px; line-height: 1.2; margin: 0 0 6mm; }
  .sub { font-size: 18px; margin: 0 0 12mm; }
  .notice { font: 600 16px/1.4 var(--sans-serif, sans-serif); border: 2px solid #000; padding: 3mm 4mm; margin: 0 0 12mm; }
  .edition { font: 13px/1.5 var(--sans-serif, sans-serif); margin: 0 0 12mm; }
  .edition code { font-size: 12px; }
  table { border-collapse: collapse; font: 14px/1.6 var(--sans-serif, sans-serif); width: 110mm; }
  td { padding: 0.5mm 0; border-bottom: 1px dotted #999; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  h2 { font: 600 14px var(--sans-serif, sans-serif); margin: 0 0 2mm; }
  .left-out { font: 12px/1.5 var(--sans-serif, sans-serif); margin-top: 8mm; max-width: 130mm; }
</style></head><body><div class="cover">
<h1>MINERS: Key Summary of Initial Results</h1>
<p class="sub">Resilience of critical-mineral supply chains. The live edition, after Domenech, Liu, Aden et al., UCL, January 2026.</p>
<p class="notice">${NOTICE}.</p>
<p class="edition">Site edition <b>${escapeHtml(edition.short)}</b>${edition.date ? ` of <b>${escapeHtml(edition.date)}</b>` : ""}<br>commit <code>${escapeHtml(edition.commit)}</code><br>
Printed from the site with npm run pdf. Every figure shows the site's published result for this edition, with the reader's inputs at their defaults; its data, query and citation are on the site.</p>
<h2>Contents</h2><table>${contents}</table>
${leftOut.length ? `<p class="left-out">Left out: ${leftOut.map(escapeHtml).join(", ")}, a tool for the reader with nothing to read on paper.</p>` : ""}
</div></body></html>`,
      {waitUntil: "load"}
    );
    await page.evaluate(() => document.fonts.ready);
    return await page.pdf({format: "A4", margin: MARGIN, printBackground: true});
  } finally {
    await page.close();
  }
}

/** pdf-lib's standard fonts write WinAnsi only. */
const winAnsi = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[^\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2022]/g, "?");

/**
 * Carries one part's in-page links over to the merged PDF. Chromium links an anchor (a citation,
 * a heading, a figure's number) to a named destination in its document's /Dests; the merged
 * document has none of those, and two parts share names (every page has #references). Each
 * part's names get its own prefix, and its destinations point at the copied pages.
 */
function carryDestinations(merged: PDFDocument, dests: PDFDict, source: PDFDocument, copied: PDFPage[], prefix: string): void {
  const pageOf = new Map(source.getPages().map((page, i) => [page.ref.toString(), copied[i]!.ref]));
  const own = source.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  for (const [name, value] of own?.entries() ?? []) {
    const target = own!.context.lookupMaybe(value, PDFArray);
    const page = target?.get(0);
    const ref = page instanceof PDFRef ? pageOf.get(page.toString()) : undefined;
    if (!target || !ref) continue;
    dests.set(PDFName.of(prefix + name.decodeText()), merged.context.obj([ref, ...target.asArray().slice(1)]));
  }
  for (const page of copied) {
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookupMaybe(i, PDFDict);
      const dest = annot?.get(PDFName.of("Dest"));
      if (dest instanceof PDFName) annot!.set(PDFName.of("Dest"), PDFName.of(prefix + dest.decodeText()));
    }
  }
}

/** Prints the paper to one PDF; see the top of this file. */
export async function writePdf(options: PdfOptions = {}): Promise<PdfReport> {
  const started = performance.now();
  const dist = options.dist ?? process.env.MINERS_DIST ?? "dist";
  const out = resolve(options.out ?? DEFAULT_OUT);
  const leaveOut = options.leaveOut ?? LEFT_OUT;
  const log = options.log ?? (() => {});
  let server: Server | undefined;
  let origin = options.origin;
  if (!origin) {
    if (!existsSync(`${dist}/index.html`)) throw new Error(`pdf: ${dist}/ has no site; run npm run build first`);
    ({server, origin} = await serveDist(dist));
  }
  const browser = options.browser ?? (await launch());
  const context = await browser.newContext({viewport: {width: PRINT_WIDTH, height: 1100}, deviceScaleFactor: 1});
  try {
    const first = await context.newPage();
    const order = await paperOrder(first, origin);
    await first.close();
    const edition = await readEdition(origin, [...order.keys()]);
    const paths = [...order.keys()].filter((path) => !leaveOut.includes(path));
    const printed: {path: string; title: string; pdf: PDFDocument}[] = [];
    for (const path of paths) {
      const t0 = performance.now();
      const {title, pdf} = await printPage(context, new URL(path, origin).href);
      const document = await PDFDocument.load(pdf);
      // Named as in the sidebar ("1. Resilience framework"; the home page "Overview").
      printed.push({path, title: order.get(path) || title, pdf: document});
      log(`pdf: ${path} ${document.getPageCount()} pages, ${(pdf.byteLength / 1024).toFixed(0)} kB, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const sections: PdfReport["sections"] = [];
    let next = 2;
    for (const {path, title, pdf} of printed) {
      sections.push({path, title, firstPage: next, pages: pdf.getPageCount()});
      next += pdf.getPageCount();
    }
    const leftOut = [...order].filter(([path]) => leaveOut.includes(path)).map(([, name]) => name);
    const cover = await PDFDocument.load(await printTitlePage(context, origin, edition, sections, leftOut));

    const merged = await PDFDocument.create();
    const font = await merged.embedFont(StandardFonts.Helvetica);
    const parts = [{title: "", pdf: cover}, ...printed];
    const total = parts.reduce((n, {pdf}) => n + pdf.getPageCount(), 0);
    const edited = `MINERS live working paper, edition ${edition.short}${edition.date ? ` of ${edition.date}` : ""}. ${NOTICE}.`;
    const dests = merged.context.obj({});
    merged.catalog.set(PDFName.of("Dests"), merged.context.register(dests));
    for (const [part, {title, pdf}] of parts.entries()) {
      const copied = await merged.copyPages(pdf, pdf.getPageIndices());
      carryDestinations(merged, dests, pdf, copied, `p${part}-`);
      for (const page of copied) {
        merged.addPage(page);
        const n = merged.getPageCount();
        const size = 7.5;
        const y = (9 / 25.4) * 72;
        const x = (15 / 25.4) * 72;
        page.drawText(winAnsi(edited), {x, y, size, font, color: rgb(0.25, 0.25, 0.25)});
        const right = winAnsi(`${title ? `${title}  \u2022  ` : ""}${n} / ${total}`);
        page.drawText(right, {x: page.getWidth() - x - font.widthOfTextAtSize(right, size), y, size, font, color: rgb(0.25, 0.25, 0.25)});
      }
    }
    const date = edition.date ? new Date(`${edition.date}T00:00:00Z`) : new Date(0);
    merged.setTitle(`MINERS: Key Summary of Initial Results (live edition ${edition.short})`);
    merged.setAuthor("Domenech, Liu, Aden et al. (UCL); live edition of the MINERS working paper");
    merged.setSubject(`${NOTICE}. Site edition ${edition.commit}${edition.date ? ` of ${edition.date}` : ""}.`);
    merged.setKeywords(["critical minerals", "supply chain resilience", "lithium", "nickel", "MINERS"]);
    merged.setCreator("scripts/pdf.ts (headless Chromium)");
    merged.setProducer("pdf-lib");
    merged.setCreationDate(date);
    merged.setModificationDate(date);
    const bytes = await merged.save();
    mkdirSync(dirname(out), {recursive: true});
    writeFileSync(out, bytes);
    const seconds = (performance.now() - started) / 1000;
    log(`pdf: ${out}: ${total} pages, ${(bytes.byteLength / 1024 / 1024).toFixed(2)} MB, ${seconds.toFixed(1)} s`);
    return {out, bytes: bytes.byteLength, pages: total, seconds, edition, sections};
  } finally {
    await context.close();
    if (!options.browser) await browser.close();
    server?.close();
  }
}

if (resolve(process.argv[1] ?? "") === resolve(import.meta.filename)) {
  const dist = process.env.MINERS_DIST ?? "dist";
  if (!process.env.MINERS_ORIGIN && !existsSync(`${dist}/index.html`)) {
    console.error(`pdf: ${dist}/ has no site; building it first`);
    const build = spawnSync("npm", ["run", "build"], {stdio: "inherit"});
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  writePdf({dist, out: process.argv[2], origin: process.env.MINERS_ORIGIN, log: (line) => console.error(line)}).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

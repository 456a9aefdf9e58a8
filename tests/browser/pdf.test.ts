/**
 * The paper as a PDF (scripts/pdf.ts, `npm run pdf`) from the built site: it is made, has pages in
 * the paper's order behind a title page that names the edition, and every figure's and table's
 * caption title can be read in it (text extracted with pdf.js). And src/print.css: in print media
 * the site's navigation and the figures' tools are not displayed.
 */
import {mkdtempSync, readFileSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {PDFDocument} from "pdf-lib";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {FIGURES} from "../../lib/figures/index.ts";
import {NOTICE, writePdf, type PdfReport} from "../../scripts/pdf.ts";
import {checkPage, useSite} from "./chromium.ts";

const site = useSite();

/** The paper's pages, in observablehq.config.ts's order, less the query workspace. */
const ORDER = ["/", "/pages/resilience", "/pages/production", "/pages/mapping", "/pages/material-flows", "/pages/policy", "/pages/data", "/pages/provenance"];

/** Each page's text, by pdf.js (its legacy build runs in Node). */
async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const {getDocument} = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await getDocument({data: bytes, verbosity: 0, isEvalSupported: false}).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const {items} = await (await document.getPage(n)).getTextContent();
    pages.push(items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  await document.destroy();
  return pages;
}

/** For finding a phrase whatever the line breaks: compatibility forms (ligatures) folded, no white space. */
const squeeze = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

describe("the paper as a PDF", () => {
  let dir: string;
  let report: PdfReport;
  let pages: string[];
  let bytes: Uint8Array;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "miners-pdf-"));
    report = await writePdf({origin: site.origin, browser: site.browser, out: join(dir, "paper.pdf")});
    console.log(`pdf: ${report.pages} pages, ${(report.bytes / 1024 / 1024).toFixed(2)} MB, ${report.seconds.toFixed(1)} s`);
    bytes = new Uint8Array(readFileSync(report.out));
    // pdf.js takes its buffer over: give it a copy.
    pages = await pdfText(bytes.slice());
  }, 300_000);
  afterAll(() => {
    if (dir) rmSync(dir, {recursive: true, force: true});
  });

  it("is written, with pages in the paper's order and a reasonable size", async () => {
    expect(statSync(report.out).size).toBe(report.bytes);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(report.pages);
    expect(pages).toHaveLength(report.pages);
    // 144 pages at this writing; far fewer would mean pages printed empty or cut short.
    expect(report.pages).toBeGreaterThan(80);
    expect(report.sections.map((s) => s.path)).toEqual(ORDER);
    for (const section of report.sections) expect(section.pages, section.path).toBeGreaterThan(0);
    expect(report.bytes).toBeLessThan(15 * 1024 * 1024);
  });

  it("names the edition and says it is not for citation, on its title page and in every footer", () => {
    const {short, commit, date} = report.edition;
    expect(short).toMatch(/^[0-9a-f]{7,}$|^uncommitted$/);
    expect(pages[0]).toContain(commit);
    expect(pages[0]).toContain(NOTICE);
    if (date) expect(pages[0]).toContain(date);
    // The contents give each section's first page.
    for (const {title, firstPage} of report.sections.slice(1)) expect(squeeze(pages[0]!)).toContain(squeeze(`${title}${firstPage}`));
    for (const [i, text] of pages.entries()) {
      expect(text, `page ${i + 1}`).toContain(`edition ${short}`);
      expect(text, `page ${i + 1}`).toContain(`${i + 1} / ${pages.length}`);
    }
  });

  it("holds every figure's and table's caption title", () => {
    const all = squeeze(pages.join("\n"));
    const missing = FIGURES.map((f) => `${f.kind === "table" ? `Table ${f.number.replace(/^T/, "")}` : `Figure ${f.number}`}. ${f.title}`).filter((caption) => !all.includes(squeeze(caption)));
    expect(missing).toEqual([]);
  });

  it("puts each figure in its own section", () => {
    const sectionOf = (page: number) => report.sections.findLast((s) => s.firstPage <= page)?.path;
    for (const figure of FIGURES) {
      const label = squeeze(`${figure.kind === "table" ? `Table ${figure.number.replace(/^T/, "")}` : `Figure ${figure.number}`}. ${figure.title}`);
      const page = pages.findIndex((text) => squeeze(text).includes(label)) + 1;
      // A caption broken over two pages is found in the whole text by the test above.
      if (page > 0) expect(sectionOf(page), figure.id).toBe(`/pages/${figure.section}`);
    }
  });
});

describe("the print stylesheet", () => {
  it("hides the sidebar, the table of contents and the figures' tools, and repeats table headers", async () => {
    const page = await site.browser.newPage({viewport: {width: 1280, height: 900}});
    try {
      const report = await checkPage(page, `${site.origin}/pages/production`);
      expect(report.pendingCells).toBe(0);
      const shown = () =>
        page.evaluate(() => {
          const display = (selector: string) => [...document.querySelectorAll(selector)].map((e) => getComputedStyle(e).display);
          return {
            sidebar: display("#observablehq-sidebar"),
            toc: display("#observablehq-toc"),
            tools: display(".figure-tools"),
            queryButtons: display(".query-cell button"),
            pager: display("#observablehq-footer nav"),
            thead: display("thead"),
            figures: [...document.querySelectorAll("figure.live-figure")].map((e) => getComputedStyle(e).breakInside)
          };
        });
      const screen = await shown();
      // On screen, at this width, the sidebar and the tools are there to be hidden.
      expect(screen.sidebar).toEqual(["block"]);
      expect(screen.tools.length).toBeGreaterThan(0);
      expect(screen.tools.every((d) => d !== "none")).toBe(true);
      await page.emulateMedia({media: "print"});
      const print = await shown();
      expect(print.sidebar).toEqual(["none"]);
      expect(print.toc.every((d) => d === "none")).toBe(true);
      expect(print.tools).toEqual(screen.tools.map(() => "none"));
      expect(print.queryButtons.every((d) => d === "none")).toBe(true);
      expect(print.pager.every((d) => d === "none")).toBe(true);
      expect(print.thead.every((d) => d === "table-header-group")).toBe(true);
      expect(print.figures.length).toBeGreaterThan(0);
      expect(print.figures.every((b) => b === "avoid")).toBe(true);
    } finally {
      await page.close();
    }
  });
});

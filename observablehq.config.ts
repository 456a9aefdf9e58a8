import {execSync} from "node:child_process";
import {setCurrentDate} from "@observablehq/framework/dist/config.js";
import {FIGURES} from "./lib/figures/index.js";
import {TABLES} from "./lib/tables/index.js";

/** The commit and its date identify the edition of the site; the date keeps builds reproducible. */
function gitInfo(): {commit: string; date: string} {
  try {
    const [commit = "", date = ""] = execSync("git log -1 --format=%h%n%cs", {encoding: "utf-8", stdio: ["ignore", "pipe", "ignore"]}).trim().split("\n");
    return {commit, date};
  } catch {
    return {commit: "uncommitted", date: ""};
  }
}

const {commit, date} = gitInfo();

/**
 * The time Framework writes as every file's lastModified (and mixes into the hashed file names):
 * the commit's time, or SOURCE_DATE_EPOCH, so that one commit builds the same bytes in any folder
 * at any time. Only for builds (scripts/build.ts sets MINERS_OUTPUT): the preview server needs the
 * real modification times to see edits.
 */
function sourceDate(): Date | null {
  if (process.env.SOURCE_DATE_EPOCH) return new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000);
  try {
    return new Date(Number(execSync("git log -1 --format=%ct", {encoding: "utf-8", stdio: ["ignore", "pipe", "ignore"]}).trim()) * 1000);
  } catch {
    return new Date(0);
  }
}
if (process.env.MINERS_OUTPUT) setCurrentDate(sourceDate());

export default {
  root: "src",
  // scripts/build.ts builds into a staging folder and swaps it in only when the build succeeds.
  output: process.env.MINERS_OUTPUT ?? "dist",
  title: "MINERS live working paper",
  pages: [
    {
      name: "The paper",
      open: true,
      pages: [
        {name: "1. Resilience framework", path: "/pages/resilience"},
        {name: "Mine production and concentration, 2021", path: "/pages/production"},
        {name: "2. Mine-level mapping", path: "/pages/mapping"},
        {name: "3. Material flows", path: "/pages/material-flows"},
        {name: "4. Policy landscape", path: "/pages/policy"}
      ]
    },
    {
      name: "Data",
      open: true,
      pages: [
        {name: "Data catalog", path: "/pages/data"},
        {name: "Query workspace", path: "/pages/workspace"},
        {name: "Source provenance", path: "/pages/provenance"}
      ]
    }
  ],
  // Stable download URLs (/data/tables/production.csv ...), beside the hashed copies pages load.
  dynamicPaths: [
    ...TABLES.flatMap(({name}) => ["arrow", "csv", "parquet"].map((ext) => `/data/tables/${name}.${ext}`)),
    "/data/tables/catalog.json",
    "/data/tables/datapackage.json",
    ...FIGURES.flatMap(({id}) => ["arrow", "csv"].map((ext) => `/data/figures/${id}.${ext}`)),
    "/data/figures/catalog.json"
  ],
  pager: true,
  search: true,
  toc: true,
  style: "style.css",
  // No Google Fonts: the serif face is self-hosted through style.css, so that a published paper
  // makes no third-party request (see scripts/prime-npm-cache.ts).
  globalStylesheets: [],
  // The json and parquet extensions would be downloaded at build time; snapshots are Arrow streams.
  // Both DuckDB builds ship: Framework 1.13's DuckDBClient looks up the MVP build's files even in a
  // browser that runs the exception-handling one, and fails without them. A reader downloads one.
  duckdb: {extensions: {json: null, parquet: null}},
  // Figures and queries need JavaScript; the data downloads do not.
  header:
    '<noscript><p class="noscript">This site draws its figures and runs its queries with JavaScript, which is off in this browser. The prose still reads, and every table and figure result can be downloaded from the <a href="/pages/data">data catalog</a> (CSV, Parquet, Arrow).</p></noscript>',
  head: '<link rel="icon" href="/favicon.svg" type="image/svg+xml"><meta name="citation_title" content="MINERS: Key Summary of Initial Results (live edition)">',
  footer: `MINERS live working paper, after Domenech, Liu and Aden, <i>MINERS: Key Summary of Initial Results</i>, working paper for discussion, UCL, January 2026 (<b>not for citation</b>). Site edition ${commit}${date ? ` of ${date}` : ""}. Data: USGS, ICMM, World Bank, UN Comtrade, IEA; see the <a href="/pages/data">data catalog</a>.`
};

import {execSync} from "node:child_process";
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
  head: '<link rel="icon" href="/favicon.svg" type="image/svg+xml"><meta name="citation_title" content="MINERS: Key Summary of Initial Results (live edition)">',
  footer: `MINERS live working paper, after Domenech, Liu and Aden, <i>MINERS: Key Summary of Initial Results</i>, working paper for discussion, UCL, January 2026 (<b>not for citation</b>). Site edition ${commit}${date ? ` of ${date}` : ""}. Data: USGS, ICMM, World Bank, UN Comtrade, IEA; see the <a href="/pages/data">data catalog</a>.`
};

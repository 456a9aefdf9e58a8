/**
 * The browser libraries the site may import with `npm:`, primed into Framework's npm cache from
 * node_modules (see prime-npm-cache.ts). Versions come from package-lock.json; to add a library,
 * `npm install --save-exact <name>` and add it here.
 */

/** Packages (or package subpaths) bundled as ES modules, with their whole dependency closure. */
export const modules: string[] = [
  "@observablehq/plot",
  "d3",
  "htl",
  "apache-arrow",
  "d3-dsv",
  "@duckdb/duckdb-wasm",
  "topojson-client",
  "d3-sankey",
  "parquet-wasm",
  "highs",
  "codemirror",
  "@codemirror/lang-sql",
  "@codemirror/language",
  "@lezer/highlight"
];

/** Files the browser loads at run time, copied as they are (package path). */
export const files: string[] = [
  "@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm",
  "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm",
  "@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js",
  "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js",
  "parquet-wasm/esm/parquet_wasm_bg.wasm",
  "highs/build/highs.wasm",
  "world-atlas/countries-110m.json",
  "world-atlas/countries-50m.json"
];

/**
 * Libraries that Framework's client links lazily (its implicit `_`, `aq`, `echarts`, `L`,
 * `mapboxgl`, React for JSX pages, sample datasets) but this site does not load. Only their
 * version is registered, so the client bundle can name them; a page that used one would stop the
 * build, naming it, until it is installed and moved to `modules`.
 */
export const linked: Record<string, string> = {
  lodash: "4.18.1",
  arquero: "8.0.3",
  echarts: "6.1.0",
  leaflet: "1.9.4",
  "mapbox-gl": "3.32.0",
  react: "19.3.1",
  "react-dom": "19.3.1",
  "@observablehq/sample-datasets": "1.0.1"
};

/**
 * Packages resolved to the project's own top-level copy wherever they are imported, so that one
 * instance exists in the page. Framework resolves DuckDB's Arrow the same way ("latest").
 */
export const singletons: string[] = ["apache-arrow"];

/** The self-hosted serif face; Framework's theme names it "Source Serif 4". Imported by src/style.css. */
export const font = {
  package: "@fontsource-variable/source-serif-4",
  stylesheet: "src/.observablehq/cache/_fonts/source-serif-4.css",
  family: "Source Serif 4",
  faces: [
    {style: "normal", file: "files/source-serif-4-latin-wght-normal.woff2"},
    {style: "italic", file: "files/source-serif-4-latin-wght-italic.woff2"}
  ],
  unicodeRange:
    "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD"
};

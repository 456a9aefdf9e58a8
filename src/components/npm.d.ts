// Components import browser packages as pages do, "npm:<name>", so that Framework serves one copy
// of each (its npm cache, primed from node_modules); the type checker reads them from node_modules.
declare module "npm:@observablehq/plot" {
  export * from "@observablehq/plot";
}
declare module "npm:d3-force" {
  export * from "d3-force";
}
declare module "npm:d3-geo" {
  export * from "d3-geo";
}
declare module "npm:d3-sankey" {
  export * from "d3-sankey";
}
declare module "npm:codemirror" {
  export * from "codemirror";
}
declare module "npm:@codemirror/lang-sql" {
  export * from "@codemirror/lang-sql";
}
declare module "npm:@codemirror/state" {
  export * from "@codemirror/state";
}
declare module "npm:@codemirror/view" {
  export * from "@codemirror/view";
}
declare module "npm:@codemirror/language" {
  export * from "@codemirror/language";
}
declare module "npm:@lezer/highlight" {
  export * from "@lezer/highlight";
}
declare module "npm:@observablehq/duckdb" {
  export const DuckDBClient: import("./reader/database.js").DuckDBClientStatic;
}

// Components import CodeMirror as pages do, "npm:<name>", so that Framework serves one copy of each
// (its npm cache, primed from node_modules); the type checker reads them from node_modules. Plot,
// d3 and topojson are imported bare, from node_modules, as lib/ imports d3-array: one resolution,
// so Plot and lib/ share one copy of each d3 module.
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

/**
 * A figure of the site, defined once: what it shows (number, title, caption, source line), the SQL
 * over the published tables that makes its data, the tables that SQL reads, and the paper's values
 * to show beside it. The build runs the SQL with native DuckDB and publishes the result as
 * figures/<id>.arrow; the page draws that result at once, and a reader who edits the SQL reruns it
 * with DuckDB-WASM over the same tables and sees the same chart redrawn.
 *
 * The chart itself is a browser function (src/components/figures/<section>.ts, keyed by id), and a
 * model figure names the lib/ function that turns the query's rows and the reader's inputs into
 * what is drawn (`model`), so that the query stays the data and the model stays in lib/.
 */

/** The pages that hold figures, by their path under /pages/. */
export const SECTIONS = ["resilience", "production", "mapping", "material-flows", "policy"] as const;
export type Section = (typeof SECTIONS)[number];

export interface FigureDefinition {
  /** Anchor, snapshot name and URL key: "fig-" + the number in lower case, e.g. "fig-10a", "fig-s1". */
  id: string;
  /** As printed: the paper's number ("10a") where the figure rebuilds one of the paper's, "S1" for the site's own. */
  number: string;
  section: Section;
  title: string;
  caption: string;
  /** Where the data comes from, in words: publisher, edition, file or table. */
  source: string;
  /** DuckDB SQL over the published tables; aggregates cast to INTEGER or DOUBLE so both engines agree. */
  sql: string;
  /** Every table the SQL reads; the build gives the query these and no others. */
  tables: readonly string[];
  /** The lib/ function that turns the rows and the reader's inputs into the drawn data, by module path and name. */
  model?: string;
  /** Ids of paper_values rows the figure is compared with. */
  paper?: readonly string[];
  /** "table" for the paper's tables, which get Data, CSV, Cite and Link but no picture. */
  kind?: "chart" | "map" | "sankey" | "table";
}

const ID = /^fig-[a-z0-9]+(-[a-z0-9]+)*$/;
const NUMBER = /^(S?\d+[a-z]?|T\d+)$/;
const TABLE = /^[a-z][a-z0-9_]*$/;

/** Checks a definition; throws RangeError naming the figure and the field. */
export function defineFigure<const F extends FigureDefinition>(figure: F): F {
  const where = `figure ${JSON.stringify(figure.id)}`;
  if (!ID.test(figure.id)) throw new RangeError(`${where}: id must look like fig-10a or fig-s1`);
  if (!NUMBER.test(figure.number)) throw new RangeError(`${where}: number ${JSON.stringify(figure.number)} must look like 10a, S1 or T3`);
  if (figure.id !== `fig-${figure.number.toLowerCase()}`) throw new RangeError(`${where}: id must be fig-${figure.number.toLowerCase()}, from its number`);
  if (!SECTIONS.includes(figure.section)) throw new RangeError(`${where}: unknown section ${JSON.stringify(figure.section)}`);
  for (const field of ["title", "caption", "source", "sql"] as const) {
    if (!figure[field].trim()) throw new RangeError(`${where}: empty ${field}`);
  }
  if (!figure.tables.length) throw new RangeError(`${where}: names no table`);
  for (const table of figure.tables) if (!TABLE.test(table)) throw new RangeError(`${where}: table name ${JSON.stringify(table)}`);
  return figure;
}

/** One list of figures: throws when two share an id. */
export function figureList(...groups: readonly (readonly FigureDefinition[])[]): readonly FigureDefinition[] {
  const all = groups.flat();
  const seen = new Set<string>();
  for (const f of all) {
    if (seen.has(f.id)) throw new RangeError(`two figures are ${f.id}`);
    seen.add(f.id);
  }
  return all;
}

/**
 * A live figure: one definition of lib/figures drawn at once from its build-time result, with its
 * tools under it: Query (the SQL that made the data, editable; Run starts the reader's DuckDB and
 * redraws the same chart from the result), Data (the drawn rows as a table), SVG, PNG, CSV, Cite
 * (commit, build date, SHA-256 of the figure's data and of every table it reads) and Link (the page
 * as it stands, with the edited query and the page's own selections, at the figure's anchor).
 *
 * A page makes its figures with `figureKit(context)`, then `live(definition, snapshot, draw)`.
 * `draw(rows, {width})` returns the chart; a figure that depends on the reader's inputs gets a new
 * draw function with `element.redraw(draw)`, and keeps the reader's query result.
 */
import {accessible} from "./accessibility.js";
import type {FigureDefinition} from "../../lib/figures/define.js";
import type {SnapshotRef} from "../../lib/reader/citation.js";
import {arrowRows, type ArrowTableLike} from "../../lib/reader/arrow-rows.js";
import {readParam} from "../../lib/reader/permalink.js";
import {displayValue, type ValueKind} from "../../lib/reader/sql-values.js";
import {CitePanel} from "./cite.js";
import {figureCsv, figureSvg, svgToPng} from "./figure-export.js";
import type {QueryCellElement} from "./query-cell.js";
import {firstRows, type QueryResult} from "./query-result.js";
import {ensureStyle, saveBlob} from "./style.js";

export type Row = Record<string, unknown>;
export type Draw = (rows: Row[], options: {width: number; document: Document}) => Node;

/** A figure's entry in figures/catalog.json (src/data/figure-results.ts). */
export interface FigureCatalogEntry {
  id: string;
  rows: number;
  columns: {name: string; type: string}[];
  files: {format: string; path: string; sha256: string}[];
  tables: {name: string; path: string; sha256: string}[];
  /** The paper's values the figure is compared with. */
  paper?: {id: string; quantity: string; value: number; unit: string; qualifier: string | null; location: string}[];
}

export interface FigureContext {
  /** The page's title, for citations. */
  page: string;
  /** The site's edition (src/data/site-version.json). */
  edition: {commit: string; date: string};
  /** figures/catalog.json. */
  catalog: {figures: FigureCatalogEntry[]};
  document?: Document;
}

/** The figure's element, with its state for scripts and tests. */
export interface LiveFigureElement extends HTMLElement {
  /** The rows drawn now: the build-time result, or the reader's query result. */
  rows: Row[];
  /** The build-time result. */
  snapshotRows: Row[];
  /** "snapshot" (the published result), "query" (the reader's result) or "error" (it could not be drawn). */
  source: "snapshot" | "query";
  /** Replaces the chart function (the reader's inputs changed) and redraws the current rows. */
  redraw(draw?: Draw): void;
  /** Opens the Query tool, runs the editor's SQL (the figure's own, unless edited) and resolves with the rows drawn. */
  runQuery(sql?: string): Promise<Row[]>;
}

/** Rows of an Arrow table (FileAttachment(...).arrow()) or of an array. */
function rowsOf(snapshot: ArrowTableLike | readonly Row[]): Row[] {
  return Array.isArray(snapshot) ? [...snapshot] : arrowRows(snapshot as ArrowTableLike);
}

const MAX_DRAWN = 100_000;
const MAX_SHOWN = 200;

/** The page's first draws, one an animation frame, in the order the figures were laid out. */
const firstDraws = (() => {
  const queue: (() => void)[] = [];
  let running = false;
  const next = (window: Window) => {
    const draw = queue.shift();
    if (!draw) {
      running = false;
      return;
    }
    draw();
    window.requestAnimationFrame(() => next(window));
  };
  return {
    schedule(window: Window, draw: () => void) {
      queue.push(draw);
      if (!running) {
        running = true;
        next(window);
      }
    }
  };
})();

/** The figure maker for one page. */
export function figureKit(context: FigureContext) {
  return (definition: FigureDefinition, snapshot: ArrowTableLike | readonly Row[], draw: Draw) => LiveFigure(definition, rowsOf(snapshot), draw, context);
}

export function LiveFigure(definition: FigureDefinition, snapshotRows: Row[], initialDraw: Draw, context: FigureContext): LiveFigureElement {
  const document = context.document ?? globalThis.document;
  const window = document.defaultView;
  const {id, number, title} = definition;
  const entry = context.catalog.figures.find((f) => f.id === id);
  if (!entry) throw new Error(`figure ${id} is not in the figures catalog; rebuild the site`);
  const columns = entry.columns.map((c) => c.name);
  const queryParam = `${id}-query`;
  ensureStyle(document);

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className = "", text?: string) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const figure = el("figure", "site-figure live-figure") as unknown as LiveFigureElement;
  figure.id = id;
  figure.dataset.figure = number;
  figure.dataset.state = "snapshot";
  const heading = el("div", "figure-title");
  // The paper's tables are numbered T1, T2 ... and printed "Table 1".
  const label = definition.kind === "table" ? `Table ${number.replace(/^T/, "")}` : `Figure ${number}`;
  const anchor = el("a", "figure-anchor", label);
  anchor.href = `#${id}`;
  heading.append(anchor, document.createTextNode(`. ${title}`));
  const body = el("div", "figure-body");
  const caption = el("p", "figure-caption", definition.caption);
  const source = el("p", "figure-source", `Source: ${definition.source}`);
  const origin = el("p", "figure-origin qc-note");
  origin.setAttribute("role", "status");
  figure.append(heading, body, caption, source);
  if (entry.paper?.length) {
    // The paper's own numbers for what the figure shows, as printed, with where they stand.
    const paper = el("p", "figure-paper");
    paper.append(el("b", "", "In the paper: "));
    entry.paper.forEach((v, i) => {
      const item = el("span", "", `${i ? "; " : ""}${v.quantity}, ${v.qualifier ? `${v.qualifier} ` : ""}${v.value.toLocaleString("en-GB")} ${v.unit}`);
      item.dataset.paper = v.id;
      item.title = v.location;
      paper.append(item);
    });
    paper.append(document.createTextNode("."));
    figure.append(paper);
  }
  figure.append(origin);

  // --- drawing ---------------------------------------------------------------------------------
  let dataPanel: HTMLElement | null = null;
  let lastResult: Row[] | null = null;
  let draw = initialDraw;
  let width = 0;
  figure.snapshotRows = snapshotRows;
  figure.rows = snapshotRows;
  figure.source = "snapshot";
  const render = () => {
    const w = width || body.clientWidth || 640;
    try {
      body.replaceChildren(draw(figure.rows, {width: w, document}));
      // Plot names its marks' groups with aria-label; a label needs a role to be read (WCAG 4.1.2).
      accessible(body);
      figure.dataset.state = figure.source;
    } catch (error) {
      const box = el("p", "qc-error");
      box.setAttribute("role", "alert");
      box.textContent = `This chart cannot be drawn from ${figure.source === "query" ? "your query's result" : "its data"}: ${error instanceof Error ? error.message : String(error)}. The rows are under Data; Reset in the Query tool restores the figure.`;
      body.replaceChildren(box);
      figure.dataset.state = "error";
    }
    describeOrigin();
    if (dataPanel && !dataPanel.hidden) fillData();
  };
  // Until the body is laid out there is no width to draw at: the first layout draws.
  let laidOut = typeof window?.ResizeObserver !== "function";
  figure.redraw = (next?: Draw) => {
    if (next) draw = next;
    if (laidOut) render();
  };
  const describeOrigin = () => {
    const n = figure.rows.length.toLocaleString("en-GB");
    origin.textContent =
      figure.source === "snapshot"
        ? ""
        : `Drawn from your edited query: ${n} ${figure.rows.length === 1 ? "row" : "rows"}. Reset in the Query tool restores the published figure.`;
  };
  if (typeof window?.ResizeObserver === "function") {
    // Drawn once the body is laid out, at its width (before the first paint), and again when that
    // width changes; a body that is not laid out (hidden) is drawn at the default width.
    let queued = false;
    new window.ResizeObserver(([e]) => {
      const w = Math.floor(e?.contentRect.width ?? 0);
      if (!laidOut) {
        if (w > 0) width = w;
        if (queued) return;
        queued = true;
        // A page's figures are laid out together; drawn one a frame, the first shows at once.
        firstDraws.schedule(window, () => {
          laidOut = true;
          render();
        });
      } else if (w > 0 && w !== width) {
        width = w;
        render();
      }
    }).observe(body);
  } else render();

  // --- tools -----------------------------------------------------------------------------------
  const tools = el("div", "figure-tools");
  tools.setAttribute("role", "group");
  tools.setAttribute("aria-label", `${label}: tools`);
  const panels = el("div", "figure-panels");
  const toggle = (label: string, kind: string, open: (panel: HTMLElement) => void) => {
    const button = el("button", "", label);
    button.type = "button";
    button.dataset.tool = kind;
    const panel = el("div", `figure-panel figure-panel-${kind}`);
    panel.id = `${id}-panel-${kind}`;
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", panel.id);
    const show = (visible: boolean) => {
      panel.hidden = !visible;
      button.setAttribute("aria-expanded", String(visible));
      if (visible) open(panel);
    };
    button.addEventListener("click", () => show(button.getAttribute("aria-expanded") !== "true"));
    panels.append(panel);
    tools.append(button);
    return {panel, show};
  };
  const action = (label: string, kind: string, run: () => void | Promise<void>) => {
    const button = el("button", "", label);
    button.type = "button";
    button.dataset.download = kind;
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        await run();
      } catch (error) {
        const note = tools.querySelector(".figure-error") ?? tools.appendChild(el("p", "figure-error qc-note"));
        note.textContent = `${label} failed: ${error instanceof Error ? error.message : String(error)}`;
      } finally {
        button.disabled = false;
      }
    });
    tools.append(button);
  };

  // Query: the editor is made on first use, so a page's figures cost nothing until then.
  let cell: Promise<QueryCellElement> | null = null;
  const makeCell = (panel: HTMLElement) => {
    // The page's DuckDB-WASM, in a module loaded on the first use of a Query tool; it starts on the first run.
    cell ??= Promise.all([import("./query-cell.js"), import("./reader-database.js")]).then(async ([{QueryCell}, {readerDatabase, tableColumns}]) => {
      const schema = await tableColumns(definition.tables).catch(() => ({}));
      const note = el("p", "qc-note", `The SQL that made this figure's data, over the published table${definition.tables.length > 1 ? "s" : ""} ${definition.tables.join(", ")}. Edit it and run it (Ctrl-Enter or Cmd-Enter): the first run starts DuckDB in your browser, and the result redraws the chart. Reset restores the published figure.`);
      const queryCell = QueryCell({
        database: () => readerDatabase(definition.tables),
        query: definition.sql,
        id: queryParam,
        anchor: id,
        schema,
        autorun: false,
        showResult: false,
        filename: `miners-${id}-query`,
        document,
        onResult: (result: QueryResult) => {
          // The figure's own query draws the published rows (the agreement test compares the two).
          const original = queryCell.query.trim() === definition.sql.trim();
          lastResult = firstRows(result, MAX_DRAWN);
          figure.rows = original ? snapshotRows : lastResult;
          figure.source = original ? "snapshot" : "query";
          render();
        }
      });
      panel.append(note, queryCell);
      return queryCell;
    });
    return cell;
  };
  const query = toggle("Query", "query", (panel) => void makeCell(panel));

  // The drawn rows' columns: the published result's, or those of the reader's result.
  const drawnColumns = () => (figure.source === "snapshot" ? columns : Object.keys(figure.rows[0] ?? {}));

  // Data: the rows drawn, as a table a keyboard can reach and scroll.
  const fillData = () => {
    if (!dataPanel) return;
    dataPanel.replaceChildren(RowsTable(figure.rows, drawnColumns(), {document, label: `${label}: data`}));
  };
  dataPanel = toggle("Data", "data", fillData).panel;

  const filename = `miners-${id}`;
  if (definition.kind !== "table") {
    const svgText = () => figureSvg(figure, {document});
    action("SVG", "svg", () => saveBlob(document, new Blob([svgText()], {type: "image/svg+xml"}), `${filename}.svg`));
    action("PNG", "png", async () => saveBlob(document, await svgToPng(svgText(), document), `${filename}.png`));
  }
  action("CSV", "csv", () =>
    saveBlob(document, new Blob([figureCsv(figure.rows, drawnColumns())], {type: "text/csv"}), `${filename}.csv`)
  );

  const arrow = entry.files.find((f) => f.format === "arrow");
  const snapshots: SnapshotRef[] = [...(arrow ? [{path: arrow.path, sha256: arrow.sha256}] : []), ...entry.tables.map((t) => ({path: t.path, sha256: t.sha256}))];
  toggle("Cite", "cite", (panel) => {
    if (panel.firstChild) return;
    const cite = CitePanel({number, title, page: context.page, commit: context.edition.commit, date: context.edition.date, snapshots, anchor: id}, {document});
    cite.open = true;
    panel.append(cite);
  });

  const link = el("a", "figure-link", "Link");
  link.dataset.tool = "link";
  link.title = "A link that reopens this figure as it is now: your query and this page's selections";
  const updateLink = () => (link.href = `${(window?.location.href ?? "").replace(/#.*$/, "")}#${id}`);
  updateLink();
  for (const event of ["focus", "pointerenter", "click"]) link.addEventListener(event, updateLink);
  tools.append(link);
  figure.append(tools, panels);

  figure.runQuery = async (sql?: string) => {
    query.show(true);
    const queryCell = await makeCell(query.panel);
    if (sql !== undefined) queryCell.query = sql;
    lastResult = null;
    await queryCell.run();
    if (queryCell.dataset.state !== "done") throw new Error(queryCell.querySelector(".qc-error[data-slot=run]")?.textContent ?? `the query ended ${queryCell.dataset.state}`);
    return lastResult ?? figure.rows;
  };

  // A link with this figure's edited query opens its Query tool; the cell runs the linked query.
  if (readParam(window?.location.search ?? "", queryParam)) query.show(true);
  return figure;
}

/** Rows as a table (the first 200; the CSV holds all), in a region the keyboard can scroll. */
export function RowsTable(rows: readonly Row[], columns: readonly string[], {document = globalThis.document, label = "Data"}: {document?: Document; label?: string} = {}): HTMLElement {
  const root = document.createElement("div");
  const note = document.createElement("p");
  note.className = "qc-note";
  const shown = rows.slice(0, MAX_SHOWN);
  note.textContent = `${rows.length.toLocaleString("en-GB")} ${rows.length === 1 ? "row" : "rows"}${shown.length < rows.length ? `; the first ${shown.length} are shown, the CSV holds all` : ""}.`;
  const wrap = document.createElement("div");
  wrap.className = "qc-table-wrap";
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", label);
  const table = document.createElement("table");
  table.className = "qc-table";
  const kinds = columns.map((c): ValueKind => {
    const v = rows.find((r) => r[c] !== null && r[c] !== undefined)?.[c];
    return typeof v === "number" || typeof v === "bigint" ? "number" : typeof v === "boolean" ? "boolean" : typeof v === "string" ? "string" : "other";
  });
  const head = table.createTHead().insertRow();
  columns.forEach((c, j) => {
    const th = document.createElement("th");
    th.scope = "col";
    if (kinds[j] === "number") th.className = "num";
    th.textContent = c;
    head.append(th);
  });
  const body = table.createTBody();
  for (const row of shown) {
    const tr = body.insertRow();
    columns.forEach((c, j) => {
      const td = tr.insertCell();
      const value = row[c] ?? null;
      td.className = [kinds[j] === "number" ? "num" : "", value === null ? "missing" : ""].filter(Boolean).join(" ");
      td.textContent = displayValue(value, kinds[j]!, {grouping: !/year/i.test(c)});
    });
  }
  wrap.append(table);
  root.append(note, wrap);
  return root;
}

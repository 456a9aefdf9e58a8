/**
 * A query cell: the SQL behind a figure, editable in place. A CodeMirror 6 editor with SQL
 * highlighting and completion of the site's table and column names; Run (or Ctrl/Cmd-Enter),
 * Cancel for a long query, Reset to the original query; the result as a table with its row count
 * and timing, an automatic chart where the result has an obvious one, and the whole result as CSV.
 * Errors show in place and the page goes on working. The edited query lives in the page's URL
 * (query-string parameter named after the cell), so a link reproduces it: opening the link runs it.
 *
 * A link can carry any query, and it runs on open, so the cell guards the page: a query longer
 * than MAX_QUERY_LENGTH is refused before DuckDB sees it; a query that breaks DuckDB-WASM gets its
 * error in place while the database replaces itself (database.ts); and a Cancel that has not taken
 * effect within CANCEL_GRACE_MS stops the database, so that a query DuckDB cannot interrupt does not
 * hold the page's database for good.
 */
import {sql, PostgreSQL} from "npm:@codemirror/lang-sql";
import {Prec} from "npm:@codemirror/state";
import {keymap} from "npm:@codemirror/view";
import {EditorView, basicSetup} from "npm:codemirror";
import {decodeText, encodeText, MAX_TOKEN_LENGTH, readParam, withParam} from "../../lib/reader/permalink.js";
import {CANCEL_GRACE_MS, forcedCancelMessage, queryRefusal, stoppedMessage, withMessage, type CellMessages, type MessageSlot} from "../../lib/reader/query-guard.js";
import {DatabaseStopped, isHealingDatabase, type DuckDBClientLike, type DuckDBConnection, type ResultBatch} from "./database.js";
import {MAX_ROWS_KEPT, ResultChart, ResultTable, resultColumns, resultCsv, type QueryResult} from "./query-result.js";
import {editorColours} from "./editor-theme.js";
import {ensureStyle, saveBlob} from "./style.js";

export interface QueryCellOptions {
  /** The locked database, or a function that opens it on the first run (pages without DuckDB until then). */
  database: Promise<DuckDBClientLike> | DuckDBClientLike | (() => Promise<DuckDBClientLike>);
  /** The original query, shown first and restored by Reset. */
  query: string;
  /** The cell's name: its element id and its URL parameter. Letters, digits, "-" and "_". */
  id: string;
  /** Tables and their columns, for completion. */
  schema?: Record<string, readonly string[]>;
  /** Run the original query when the page opens (a query from a link always runs). Default true. */
  autorun?: boolean;
  /** Rows shown in the table; the CSV holds all. Default 200. */
  maxRows?: number;
  /** Base name of the CSV download; default the id. */
  filename?: string;
  /** Called with each result; a figure's query redraws its chart from it. */
  onResult?: (result: QueryResult) => void;
  /** Show the result as a table and an automatic chart under the editor; default true (a figure shows its own). */
  showResult?: boolean;
  /** The page's link to the query's element; default "#" + id. */
  anchor?: string;
  document?: Document;
}

export type QueryCellState = "idle" | "loading" | "running" | "done" | "error" | "cancelled";

/** The element, with the cell's controls for scripts and tests. */
export interface QueryCellElement extends HTMLDivElement {
  /** The editor's text; setting it replaces the text (and updates the URL), without running. */
  query: string;
  /** The last result, or null. */
  result: QueryResult | null;
  run(): Promise<void>;
  cancel(): Promise<void>;
  reset(): Promise<void>;
  /** Resolves once the URL holds the current text. */
  linked(): Promise<void>;
}

const ID = /^[A-Za-z][\w-]*$/;

export function QueryCell(options: QueryCellOptions): QueryCellElement {
  const {query: original, id, schema = {}, autorun = true, maxRows = 200, filename = id, showResult = true, anchor = id} = options;
  const document = options.document ?? globalThis.document;
  if (!ID.test(id)) throw new RangeError(`QueryCell: id ${JSON.stringify(id)} must start with a letter and hold only letters, digits, "-" and "_"`);
  ensureStyle(document);
  const window = document.defaultView!;

  const root = document.createElement("div") as unknown as QueryCellElement;
  root.className = "query-cell";
  root.id = id;
  root.dataset.state = "idle";

  const button = (label: string, title: string) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.title = title;
    return b;
  };
  const runButton = button("Run", "Run the query (Ctrl-Enter or Cmd-Enter)");
  runButton.dataset.action = "run";
  const cancelButton = button("Cancel", "Stop the running query");
  cancelButton.dataset.action = "cancel";
  cancelButton.disabled = true;
  const resetButton = button("Reset", "Go back to the original query");
  resetButton.dataset.action = "reset";
  const csvButton = button("Download CSV", "The whole result as CSV");
  csvButton.dataset.action = "csv";
  csvButton.disabled = true;
  const status = document.createElement("span");
  status.className = "qc-status";
  status.setAttribute("role", "status");
  const link = document.createElement("a");
  link.className = "qc-link";
  link.textContent = "Link to this query";
  link.title = "A link that opens this page with this query";
  const toolbar = document.createElement("div");
  toolbar.className = "qc-toolbar";
  toolbar.append(runButton, cancelButton, resetButton, csvButton, status, link);

  const editorHost = document.createElement("div");
  editorHost.className = "qc-editor";
  // The cell's messages, one per slot (query-guard.ts): what the page's link did (a damaged link,
  // kept while the reader runs queries), whether the query fits in a link, and how the last run
  // ended. Each slot is set and cleared on its own, so that no message hides another.
  const message = document.createElement("div");
  message.className = "qc-message";
  const output = document.createElement("div");
  output.className = "qc-output";
  root.append(editorHost, toolbar, message, output);

  // The URL is written a moment after typing stops, and always through one chain, in order.
  let urlWrite = Promise.resolve();
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  const writeUrl = (text: string) => {
    urlWrite = urlWrite.then(async () => {
      let token: string | null = null;
      let tooLong = false;
      if (text !== original) {
        token = await encodeText(text);
        if (token.length > MAX_TOKEN_LENGTH) {
          token = null;
          tooLong = true;
        }
      }
      showMessage("link-length", tooLong ? "note" : null, "This query is too long to keep in a link; the link opens the original query.");
      // The page may be gone by the time the text is encoded (a closed tab, a torn-down test window).
      if (!globalThis.window?.location) return;
      const href = withParam(window.location.href, id, token);
      if (href !== window.location.href) window.history.replaceState(window.history.state, "", href);
      link.href = `${href.replace(/#.*$/, "")}#${anchor}`;
    });
    return urlWrite;
  };
  const scheduleUrl = () => {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => void writeUrl(view.state.doc.toString()), 250);
  };

  const colours = editorColours(window);
  const view = new EditorView({
    doc: original,
    parent: editorHost,
    extensions: [
      Prec.highest(keymap.of([{key: "Mod-Enter", run: () => (void run(), true)}])),
      basicSetup,
      colours.extensions,
      sql({dialect: PostgreSQL, schema: Object.fromEntries(Object.entries(schema).map(([t, cols]) => [t, [...cols]])), upperCaseKeywords: true}),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({"aria-label": "SQL query"}),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) scheduleUrl();
      })
    ]
  });

  colours.attach(view);

  const setText = (text: string) => view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: text}});

  let messages: CellMessages = [];
  /** Sets the slot's message (kind null clears it) and shows every slot's. */
  function showMessage(slot: MessageSlot, kind: "error" | "note" | null, text = "") {
    const next = withMessage(messages, slot, kind ? {kind, text} : null);
    if (next.length === messages.length && next.every(([s, m], i) => s === messages[i]![0] && m === messages[i]![1])) return;
    messages = next;
    message.replaceChildren(
      ...messages.map(([slot, {kind, text}]) => {
        const el = document.createElement(kind === "error" ? "pre" : "p");
        el.className = kind === "error" ? "qc-error" : "qc-note";
        if (kind === "error") el.setAttribute("role", "alert");
        el.dataset.slot = slot;
        el.textContent = text;
        return el;
      })
    );
  }

  const setState = (state: QueryCellState, text: string) => {
    root.dataset.state = state;
    status.textContent = text;
    const busy = state === "loading" || state === "running";
    runButton.disabled = busy;
    cancelButton.disabled = !busy;
  };

  let client: Promise<DuckDBClientLike> | null = null;
  const database = () => {
    const given = options.database;
    client ??= Promise.resolve(typeof given === "function" ? given() : given);
    return client;
  };

  interface Job {
    db: DuckDBClientLike | null;
    connection: DuckDBConnection | null;
    cancelled: boolean;
    /** Rejects when Cancel is pressed, so that a run still waiting for its database ends at once. */
    stop: Promise<never>;
    abandon(): void;
    /** True once Cancel had to stop the database (the query did not stop within CANCEL_GRACE_MS). */
    forced: boolean;
  }
  let current: Job | null = null;
  // A run asked for while another is under way (the database still loading, or a query running)
  // is not dropped: the editor's text runs as soon as the current one ends.
  let again = false;
  root.result = null;

  async function run(): Promise<void> {
    if (current) {
      again = true;
      return;
    }
    const text = view.state.doc.toString();
    const refusal = queryRefusal(text);
    if (refusal) {
      setState("error", "");
      showMessage("run", "error", refusal);
      return;
    }
    let abandon!: () => void;
    const stop = new Promise<never>((_, reject) => (abandon = () => reject(new Cancelled())));
    stop.catch(() => {});
    const job: Job = {db: null, connection: null, cancelled: false, stop, abandon, forced: false};
    current = job;
    showMessage("run", null);
    setState("loading", "Loading the tables…");
    let started = performance.now();
    try {
      // The database keeps starting after a Cancel here; only this run gives up waiting for it.
      const db = await Promise.race([database(), job.stop]);
      job.db = db;
      const connecting = db._db.connect();
      const connection = await Promise.race([connecting, job.stop]).catch((error) => {
        void connecting.then((c) => c.close()).catch(() => {}); // cancelled meanwhile: closed unused
        throw error;
      });
      job.connection = connection;
      if (job.cancelled) throw new Cancelled(); // Cancel pressed while connecting: nothing was sent
      setState("running", "Running…");
      started = performance.now();
      const reader = await connection.send(text);
      const batches: ResultBatch[] = [];
      let numRows = 0;
      let truncated = false;
      let shown = performance.now();
      for await (const batch of reader) {
        if (job.cancelled) break;
        batches.push(batch);
        numRows += batch.numRows;
        if (numRows >= MAX_ROWS_KEPT) {
          truncated = true;
          break;
        }
        if (performance.now() - shown > 200) {
          status.textContent = `Running… ${numRows.toLocaleString("en-GB")} rows so far`;
          shown = performance.now();
        }
      }
      if (job.cancelled) throw new Cancelled();
      // The schema arrives with the first batch; a result with no rows still has one.
      const schema = batches[0]?.schema ?? reader.schema;
      const columns = schema ? resultColumns(schema) : [];
      const result: QueryResult = {columns, batches, numRows, ms: performance.now() - started, truncated};
      root.result = result;
      render(result);
      setState("done", "");
    } catch (error) {
      if (job.cancelled) {
        setState("cancelled", `Cancelled after ${((performance.now() - started) / 1000).toFixed(1)} s.`);
        if (job.forced) showMessage("run", "note", forcedCancelMessage());
      } else {
        setState("error", "");
        showMessage("run", "error", error instanceof DatabaseStopped ? stoppedMessage(error.reason, error.broke) : errorText(error));
      }
    } finally {
      current = null;
      await job.connection?.close().catch(() => {});
      if (again) {
        again = false;
        await run();
      }
    }
  }

  function render(result: QueryResult) {
    csvButton.disabled = false;
    try {
      options.onResult?.(result);
    } catch (error) {
      showMessage("run", "error", errorText(error));
    }
    if (!showResult) return;
    const table = ResultTable(result, {maxRows, document});
    const width = root.clientWidth || 640;
    let chart: Element | null = null;
    try {
      chart = ResultChart(result, {width, maxRows, document});
    } catch {
      chart = null; // a chart is a convenience: a result Plot cannot draw still shows as a table
    }
    const parts: Node[] = [table];
    if (chart) {
      const holder = document.createElement("div");
      holder.className = "qc-chart";
      holder.append(chart);
      parts.push(holder);
    }
    output.replaceChildren(...parts);
    csvButton.disabled = false;
  }

  async function cancel(): Promise<void> {
    const job = current;
    again = false;
    if (!job || job.cancelled) return;
    job.cancelled = true;
    status.textContent = "Cancelling…";
    job.abandon();
    // DuckDB checks for a cancel only between steps of its work, and one step can take seconds (or
    // minutes, for some joins); meanwhile its worker runs nothing else. So a query that has not
    // stopped within the grace period is stopped with its database, which a fresh one replaces.
    setTimeout(() => {
      if (current !== job || !job.connection || !isHealingDatabase(job.db)) return; // it stopped
      job.forced = true;
      status.textContent = "Stopping the database…";
      job.db.restart(`a query did not stop within ${CANCEL_GRACE_MS / 1000} s of Cancel`, job.connection);
    }, CANCEL_GRACE_MS);
    await job.connection?.cancelSent().catch(() => false);
  }

  async function reset(): Promise<void> {
    await cancel();
    setText(original);
    showMessage("run", null);
    showMessage("link", null);
    clearTimeout(urlTimer);
    await writeUrl(original);
    if (autorun || root.result) await run();
  }

  runButton.addEventListener("click", () => void run());
  cancelButton.addEventListener("click", () => void cancel());
  resetButton.addEventListener("click", () => void reset());
  csvButton.addEventListener("click", async () => {
    const result = root.result;
    if (!result) return;
    csvButton.disabled = true;
    const label = csvButton.textContent;
    csvButton.textContent = "Preparing CSV…";
    try {
      saveBlob(document, new Blob(await resultCsv(result), {type: "text/csv"}), `${filename}.csv`);
    } finally {
      csvButton.textContent = label;
      csvButton.disabled = false;
    }
  });

  Object.defineProperty(root, "query", {
    get: () => view.state.doc.toString(),
    set: (text: string) => setText(String(text))
  });
  root.run = run;
  root.cancel = cancel;
  root.reset = reset;
  root.linked = async () => {
    clearTimeout(urlTimer);
    await writeUrl(view.state.doc.toString());
  };

  // A query from the link replaces the original and runs; a damaged link says so and keeps the original.
  const token = readParam(window.location.search, id);
  link.href = `${window.location.href.replace(/#.*$/, "")}#${anchor}`;
  void (async () => {
    let fromLink = false;
    if (token) {
      try {
        setText(await decodeText(token));
        fromLink = true;
      } catch (error) {
        showMessage("link", "error", `The query in this page's link could not be read (${errorText(error)}); the original query is shown.`);
      }
    }
    await writeUrl(view.state.doc.toString());
    if (fromLink || autorun) await run();
  })();

  return root;
}

class Cancelled extends Error {}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

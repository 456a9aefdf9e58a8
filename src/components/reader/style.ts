/**
 * Styles of the reader's tools (query cells, figure toolbars, citations, references), added once
 * per document by the component that needs them, so that a page using a component needs nothing
 * else and the site's stylesheet stays with the pages.
 */
const CSS = `
.query-cell { margin: 1rem 0 1.5rem; max-width: 960px; }
.query-cell .qc-editor { border: 1px solid var(--theme-foreground-faintest, #ddd); border-radius: 4px; font-size: 13px; }
.query-cell .qc-editor .cm-editor { max-height: 24rem; }
.query-cell .qc-editor .cm-scroller { font-family: var(--monospace, monospace); }
.query-cell .qc-editor .cm-focused { outline: 2px solid var(--theme-foreground-focus, #3b5fc0); }
.query-cell .qc-editor .cm-activeLine { background-color: transparent; } /* its tint takes type names (#085) under 4.5:1 */
.qc-toolbar, .figure-tools { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin: 0.4rem 0; font: 13px/1.4 var(--sans-serif); }
.qc-toolbar button, .figure-tools button, .cite-panel button { font: inherit; padding: 0.15rem 0.6rem; cursor: pointer; }
.qc-toolbar .qc-status { color: var(--theme-foreground-muted); }
.qc-toolbar .qc-link { margin-left: auto; }
.qc-note { font: 13px/1.4 var(--sans-serif); color: var(--theme-foreground-muted); margin: 0.3rem 0; }
.qc-error { font: 13px/1.4 var(--monospace, monospace); white-space: pre-wrap; color: var(--miners-error, #b42318); background: var(--miners-error-background, #fef3f2); border-left: 3px solid var(--miners-error, #b42318); padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
.qc-table-wrap { max-height: 28rem; overflow: auto; border: 1px solid var(--theme-foreground-faintest, #ddd); }
.qc-table { font: 13px/1.4 var(--sans-serif); border-collapse: collapse; width: max-content; min-width: 100%; max-width: none; margin: 0; }
.qc-table th { position: sticky; top: 0; background: var(--theme-background, #fff); text-align: left; }
.qc-table th .qc-type { display: block; font-weight: normal; color: var(--theme-foreground-muted); font-size: 11px; }
.qc-table td, .qc-table th { padding: 0.2rem 0.6rem; border-bottom: 1px solid var(--theme-foreground-faintest, #eee); vertical-align: top; }
.qc-table td.num, .qc-table th.num { text-align: right; font-variant-numeric: tabular-nums; }
.qc-table td.missing { color: var(--theme-foreground-muted); font-style: italic; }
.qc-chart { margin-top: 0.75rem; }
.site-figure { margin: 1.5rem 0; max-width: 960px; }
.site-figure > .figure-title { font: 600 15px/1.4 var(--sans-serif); margin-bottom: 0.5rem; }
.site-figure > .figure-title a.figure-anchor { color: inherit; text-decoration: none; }
.site-figure > .figure-caption { font: 14px/1.45 var(--sans-serif); max-width: 640px; margin: 0.4rem 0; }
.live-figure .figure-body { min-height: 2rem; }
.live-figure .figure-origin:empty { display: none; }
.live-figure .figure-paper { font: 13px/1.4 var(--sans-serif); max-width: 760px; margin: 0.3rem 0; }
.figure-tools button[aria-expanded="true"] { background: var(--theme-background-alt, #eee); font-weight: 600; }
.figure-tools .figure-link { font: inherit; padding: 0.15rem 0.6rem; }
.figure-panel { margin: 0.3rem 0 0.8rem; max-width: 960px; }
.figure-panel .query-cell { margin: 0.3rem 0; }
.figure-panel-cite .cite-panel > summary { display: none; }
.cite-panel { margin-top: 0.5rem; font: 13px/1.4 var(--sans-serif); max-width: 760px; }
.cite-panel pre { font-size: 12px; white-space: pre-wrap; word-break: break-all; background: var(--theme-background-alt, #f6f6f6); padding: 0.5rem; margin: 0.3rem 0; }
.cite-panel h4 { margin: 0.75rem 0 0.2rem; font-size: 13px; }
.references ol { padding-left: 0; list-style: none; }
.references li { font: 14px/1.45 var(--serif, serif); margin: 0 0 0.5rem; padding-left: 1.5rem; text-indent: -1.5rem; max-width: 760px; }
.references li .ref-note { display: block; text-indent: 0; font: 13px/1.4 var(--sans-serif); color: var(--theme-foreground-muted); }
.references li:target { background: var(--miners-highlight, #fff6d6); }
a.cite { text-decoration: none; }
`;

export function ensureStyle(document: Document): void {
  if (document.getElementById("miners-reader-tools-style")) return;
  const style = document.createElement("style");
  style.id = "miners-reader-tools-style";
  style.textContent = CSS;
  document.head.append(style);
}

/** Saves a blob under a file name, as a link with `download` does. */
export function saveBlob(document: Document, blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL by now; revoking later leaves slow browsers time.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

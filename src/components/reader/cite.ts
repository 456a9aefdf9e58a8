/**
 * "Cite this figure": a disclosure with the figure's formatted citation, its BibTeX entry and its
 * CSL-JSON item (lib/reader/citation.ts), each to copy or download. The link in the citation is built when
 * the panel opens, so that it carries the reader's current selections (the page's URL) and the
 * figure's anchor.
 */
import {cslToBibtex, figureCsl, formatCitation, type FigureCitationInput} from "../../lib/reader/citation.js";
import {ensureStyle, saveBlob} from "./style.js";

export interface CitePanelOptions {
  document?: Document;
  /** The page's URL at the time of citing; defaults to the window's location. */
  href?: () => string;
}

export function CitePanel(input: Omit<FigureCitationInput, "url"> & {anchor: string}, {document = globalThis.document, href}: CitePanelOptions = {}): HTMLDetailsElement {
  ensureStyle(document);
  const details = document.createElement("details");
  details.className = "cite-panel";
  const summary = document.createElement("summary");
  summary.textContent = "Cite this figure";
  details.append(summary);
  const body = document.createElement("div");
  details.append(body);

  const url = () => {
    const current = href ? href() : document.defaultView?.location.href ?? "";
    return `${current.replace(/#.*$/, "")}#${input.anchor}`;
  };

  const block = (title: string, kind: string, text: string, filename: string, type: string) => {
    const h = document.createElement("h4");
    h.textContent = title;
    const pre = document.createElement("pre");
    pre.dataset.cite = kind;
    pre.textContent = text;
    const copy = document.createElement("button");
    copy.type = "button";
    copy.textContent = "Copy";
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(text);
        copy.textContent = "Copied";
      } catch {
        // Without clipboard permission, select the text for the reader to copy.
        const range = document.createRange();
        range.selectNodeContents(pre);
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
        copy.textContent = "Selected: press Ctrl-C";
      }
      setTimeout(() => (copy.textContent = "Copy"), 2000);
    });
    const save = document.createElement("button");
    save.type = "button";
    save.textContent = "Download";
    save.dataset.download = kind;
    save.addEventListener("click", () => saveBlob(document, new Blob([text], {type}), filename));
    return [h, pre, copy, document.createTextNode(" "), save];
  };

  const render = () => {
    const item = figureCsl({...input, url: url()});
    const text = document.createElement("p");
    text.className = "citation-text";
    text.dataset.cite = "text";
    text.textContent = formatCitation(item);
    body.replaceChildren(
      text,
      ...block("BibTeX", "bibtex", cslToBibtex(item), `${item.id}.bib`, "application/x-bibtex"),
      ...block("CSL-JSON", "csl-json", JSON.stringify([item], null, 2) + "\n", `${item.id}.json`, "application/vnd.citationstyles.csl+json")
    );
  };
  render();
  details.addEventListener("toggle", () => {
    if (details.open) render();
  });
  return details;
}

/**
 * Citations in a page's prose and the page's reference list, from the site's bibliography as the
 * build formatted it (src/data/references.json.ts: citation-js, APA 7; nothing is parsed here):
 *
 *   const refs = Bibliography(await FileAttachment("../data/references.json").json());
 *   ... as measured by ${refs.cite("helbig2016vulnerability", "oecd2021resilience")} ...
 *   ${refs.citet("sprecher2015resilience")} define ...
 *   ${refs.references()}
 *
 * cite() gives "(Helbig et al., 2016; OECD, 2021)" and citet() "Sprecher et al. (2015)", each
 * linking to its entry. The reference list holds the works cited on the page, in the order of the
 * published list; it fills in as the page's citations render, whatever order the page's cells run
 * in. An unknown key throws, naming the key: a typo shows as an error in the page and its test.
 */
import type {ReferenceEntry} from "../../lib/reader/citation-labels.js";
import {ensureStyle} from "./style.js";

export type {ReferenceEntry};

export interface BibliographyHandle {
  /** Parenthetical: "(Helbig et al., 2016; OECD, 2021)". */
  cite(...keys: string[]): HTMLSpanElement;
  /** Narrative: "Helbig et al. (2016)". */
  citet(key: string): HTMLSpanElement;
  /** The page's reference list (one element, updated as citations render). */
  references(options?: {title?: string | null; all?: boolean}): HTMLElement;
  /** Every entry of the bibliography, formatted, in reference-list order. */
  entries: readonly ReferenceEntry[];
}

export function Bibliography(data: {entries: readonly ReferenceEntry[]}, {document = globalThis.document}: {document?: Document} = {}): BibliographyHandle {
  ensureStyle(document);
  const {entries} = data;
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const cited = new Set<string>();
  const lists: {element: HTMLElement; all: boolean}[] = [];

  const lookup = (key: string): ReferenceEntry => {
    const ref = byKey.get(key);
    if (!ref) throw new Error(`Bibliography: no entry ${JSON.stringify(key)} in references.bib`);
    return ref;
  };
  const link = (ref: ReferenceEntry, text: string) => {
    const a = document.createElement("a");
    a.className = "cite";
    a.href = `#ref-${ref.key}`;
    a.dataset.cite = ref.key;
    a.textContent = text;
    return a;
  };
  const note = (keys: readonly string[]) => {
    for (const key of keys) cited.add(key);
    for (const list of lists) renderList(list);
  };

  function renderList({element, all}: {element: HTMLElement; all: boolean}) {
    const ol = element.querySelector("ol")!;
    ol.replaceChildren(
      ...entries
        .filter((ref) => all || cited.has(ref.key))
        .map((ref) => {
          const li = document.createElement("li");
          li.id = `ref-${ref.key}`;
          li.dataset.ref = ref.key;
          // The build's own markup for the reference (<i>, <a>), made by citeproc from the site's .bib.
          const template = document.createElement("template");
          template.innerHTML = ref.html;
          li.append(template.content);
          if (ref.note) {
            const span = document.createElement("span");
            span.className = "ref-note";
            span.textContent = ref.note;
            li.append(span);
          }
          return li;
        })
    );
  }

  return {
    entries,
    cite(...keys) {
      const refs = keys.map(lookup);
      const span = document.createElement("span");
      span.className = "citation";
      span.append("(");
      refs.forEach((ref, i) => {
        if (i) span.append("; ");
        span.append(link(ref, ref.parenthetical));
      });
      span.append(")");
      note(keys);
      return span;
    },
    citet(key) {
      const ref = lookup(key);
      const span = document.createElement("span");
      span.className = "citation";
      span.append(link(ref, ref.narrative));
      note([key]);
      return span;
    },
    references({title = "References", all = false} = {}) {
      const section = document.createElement("section");
      section.className = "references";
      if (title) {
        const h = document.createElement("h2");
        h.id = "references";
        h.textContent = title;
        section.append(h);
      }
      section.append(document.createElement("ol"));
      const list = {element: section, all};
      lists.push(list);
      renderList(list);
      return section;
    }
  };
}

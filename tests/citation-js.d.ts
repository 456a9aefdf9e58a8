// citation-js ships no type declarations; the tests use its Cite class to read CSL-JSON and BibTeX.
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown);
    format(format: string, options?: Record<string, unknown>): unknown;
  }
}
declare module "@citation-js/plugin-bibtex";

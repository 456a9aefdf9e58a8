// citation-js ships no type declarations. The build reads the site's .bib with it and formats the
// references (src/data/references.json.ts); the tests read CSL-JSON and BibTeX with its Cite class.
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown);
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): unknown;
  }
  export const plugins: {
    input: {chain(data: unknown, options?: {target?: string; generateGraph?: boolean}): unknown};
    config: {get(name: string): Record<string, Record<string, unknown>>};
  };
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-csl";

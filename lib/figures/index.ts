/**
 * Every figure of the site, in the paper's order of sections. A section's figures live in one file
 * of this folder; adding a figure is adding its definition there (and its chart in the section's
 * folder of components, e.g. src/components/policy/), and the build, the citation and the tests pick
 * it up from this list.
 */
import {figureList, type FigureDefinition} from "./define.js";
import {MAPPING_FIGURES} from "./mapping.js";
import {MATERIAL_FLOWS_FIGURES} from "./material-flows.js";
import {POLICY_FIGURES} from "./policy.js";
import {PRODUCTION_FIGURES} from "./production.js";
import {RESILIENCE_FIGURES} from "./resilience.js";

export const FIGURES: readonly FigureDefinition[] = figureList(RESILIENCE_FIGURES, PRODUCTION_FIGURES, MAPPING_FIGURES, MATERIAL_FLOWS_FIGURES, POLICY_FIGURES);

export function findFigure(id: string): FigureDefinition {
  const figure = FIGURES.find((f) => f.id === id);
  if (!figure) throw new RangeError(`no figure ${JSON.stringify(id)}; known: ${FIGURES.map((f) => f.id).join(", ")}`);
  return figure;
}

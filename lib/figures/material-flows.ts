import type {FigureDefinition} from "./define.js";

export const MATERIAL_FLOWS_FIGURES: readonly FigureDefinition[] = [];

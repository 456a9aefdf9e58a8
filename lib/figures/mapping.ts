import type {FigureDefinition} from "./define.js";

export const MAPPING_FIGURES: readonly FigureDefinition[] = [];

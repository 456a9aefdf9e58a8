import type {FigureDefinition} from "./define.js";

export const RESILIENCE_FIGURES: readonly FigureDefinition[] = [];

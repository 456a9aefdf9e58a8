import type {FigureDefinition} from "./define.js";

export const POLICY_FIGURES: readonly FigureDefinition[] = [];

import {INTERVENTION_TYPES, STATUSES} from "../../lib/policy/vocabulary.js";

/** Colours of the intervention types (Tableau 10, in vocabulary order), so every chart agrees. */
const TYPE_PALETTE = ["#4e79a7", "#59a14f", "#f28e2b", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"];

export const TYPE_LABELS: readonly string[] = INTERVENTION_TYPES.map((t) => t.label);
export const TYPE_COLORS: readonly string[] = INTERVENTION_TYPES.map((_, i) => TYPE_PALETTE[i % TYPE_PALETTE.length]!);

/** Label of a type id (the id itself if unknown). */
export function typeLabel(id: string): string {
  return INTERVENTION_TYPES.find((t) => t.id === id)?.label ?? id;
}

/** The status legend: the vocabulary's statuses, then "not given" for a missing status. */
export const STATUS_NOT_GIVEN = "Not given";
export const STATUS_LABELS: readonly string[] = [...STATUSES.map((s) => s.label), STATUS_NOT_GIVEN];
export const STATUS_COLORS: readonly string[] = ["#edc948", "#a0cbe8", "#3b7d4f", "#8c8c8c", "#c9c9c9", "#ffffff"];

/** Label of a status id; null is "Not given". */
export function statusLabel(id: string | null): string {
  return id === null ? STATUS_NOT_GIVEN : STATUSES.find((s) => s.id === id)?.label ?? id;
}

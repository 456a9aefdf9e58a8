import {LEVELS, POLICY_CLASSES, STATUSES} from "../../lib/policy/vocabulary.js";

/** Colours of the intervention types (Tableau 10, in vocabulary order), so every chart agrees. */
const TYPE_PALETTE = ["#4e79a7", "#59a14f", "#f28e2b", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"];

export const TYPE_LABELS: readonly string[] = POLICY_CLASSES.map((t) => t.label);
export const TYPE_COLORS: readonly string[] = POLICY_CLASSES.map((_, i) => TYPE_PALETTE[i % TYPE_PALETTE.length]!);

/** Label of a type id (the id itself if unknown). */
export function typeLabel(id: string): string {
  return POLICY_CLASSES.find((t) => t.id === id)?.label ?? id;
}

/** The status legend: the IEA's statuses, then "not given" for a missing status. */
export const STATUS_NOT_GIVEN = "Not given";
export const STATUS_LABELS: readonly string[] = [...STATUSES.map((s) => s.label), STATUS_NOT_GIVEN];
export const STATUS_COLORS: readonly string[] = ["#3b7d4f", "#edc948", "#8c8c8c", "var(--plot-background, #ffffff)"];

/** Label of a status id; null is "Not given". */
export function statusLabel(id: string | null): string {
  return id === null ? STATUS_NOT_GIVEN : STATUSES.find((s) => s.id === id)?.label ?? id;
}

/** The jurisdiction levels' legend and colours. */
export const LEVEL_LABELS: readonly string[] = LEVELS.map((l) => l.label);
export const LEVEL_COLORS: readonly string[] = ["#4e79a7", "#e15759", "#f28e2b", "#76b7b2"];

/** Label of a level id. */
export function levelLabel(id: string): string {
  return LEVELS.find((l) => l.id === id)?.label ?? id;
}

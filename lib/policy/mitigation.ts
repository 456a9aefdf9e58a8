import type {PolicyMeasureRow} from "./schema.js";
import {SHOCKS, STRATEGIES} from "./vocabulary.js";

/**
 * The paper's Table 1 joined to the measures: for each main type of shock, each mitigation
 * strategy the table prints for it, with the measures classified as addressing that shock by that
 * strategy; the strategies no measure pursues; and the measures that address the shock by other
 * means. Table 1 rows are matched to the vocabulary by their printed wording.
 */

/** The columns of framework_shocks (Table 1) the view reads. */
export interface Table1Row {
  shock_order: number;
  shock: string;
  strategy_order: number;
  strategy: string;
}

export type MitigationMeasure = Pick<PolicyMeasureRow, "measure_id" | "part_of" | "shocks" | "strategies">;

export interface MitigationStrategy<M> {
  strategy_order: number;
  strategy: string;
  /** The vocabulary's id of the printed strategy; null when the wording is not in the vocabulary. */
  strategy_id: string | null;
  measures: M[];
}

export interface MitigationShock<M> {
  shock_order: number;
  shock: string;
  shock_id: string | null;
  strategies: MitigationStrategy<M>[];
  /** Measures naming the shock but none of the strategies Table 1 prints for it. */
  other: M[];
  /** Measures naming the shock. */
  total: number;
}

const list = (s: string | null) => (s === null ? [] : s.split(";"));

/**
 * The view, in Table 1's order. Only measures count (accessions, part_of set, are left out).
 * A measure appears under a strategy when it names both the shock and the strategy.
 */
export function mitigationView<M extends MitigationMeasure>(table1: readonly Table1Row[], rows: readonly M[]): MitigationShock<M>[] {
  const measures = rows.filter((r) => r.part_of === null);
  const shocks = new Map<number, MitigationShock<M>>();
  for (const t of [...table1].sort((a, b) => a.shock_order - b.shock_order || a.strategy_order - b.strategy_order)) {
    const shockId = SHOCKS.find((s) => s.label === t.shock)?.id ?? null;
    const shock = shocks.get(t.shock_order) ?? {shock_order: t.shock_order, shock: t.shock, shock_id: shockId, strategies: [], other: [], total: 0};
    shocks.set(t.shock_order, shock);
    const strategyId = shockId === null ? null : STRATEGIES.find((s) => s.label === t.strategy && (s.shocks as readonly string[]).includes(shockId))?.id ?? null;
    shock.strategies.push({
      strategy_order: t.strategy_order,
      strategy: t.strategy,
      strategy_id: strategyId,
      measures: strategyId === null ? [] : measures.filter((m) => list(m.shocks).includes(shockId!) && list(m.strategies).includes(strategyId))
    });
  }
  for (const shock of shocks.values()) {
    const naming = shock.shock_id === null ? [] : measures.filter((m) => list(m.shocks).includes(shock.shock_id!));
    const own = new Set(shock.strategies.map((s) => s.strategy_id));
    shock.total = naming.length;
    shock.other = naming.filter((m) => !list(m.strategies).some((s) => own.has(s)));
  }
  return [...shocks.values()];
}

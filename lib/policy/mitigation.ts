import {SHOCKS, splitList, STRATEGIES} from "./vocabulary.js";

/**
 * The paper's Table 1 joined to the policy records: for each main type of shock, each mitigation
 * strategy the table prints for it, with the records pursuing it (a record pursues the strategies
 * the classification gives its policy types: policies.strategies), and the strategies no record
 * pursues. Table 1 rows are matched to the vocabulary by their printed wording.
 */

/** The columns of framework_shocks (Table 1) the view reads. */
export interface Table1Row {
  shock_order: number;
  shock: string;
  strategy_order: number;
  strategy: string;
}

/** The field of a record the view reads: its strategies, ";"-separated ids, null for none. */
export interface MitigationMeasure {
  strategies: string | null;
}

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
  /** Records pursuing at least one strategy of the shock. */
  total: number;
}

/** The view, in Table 1's order. A record appears under every strategy of every shock it pursues. */
export function mitigationView<M extends MitigationMeasure>(table1: readonly Table1Row[], records: readonly M[]): MitigationShock<M>[] {
  const shocks = new Map<number, MitigationShock<M>>();
  for (const t of [...table1].sort((a, b) => a.shock_order - b.shock_order || a.strategy_order - b.strategy_order)) {
    const shockId = SHOCKS.find((s) => s.label === t.shock)?.id ?? null;
    const shock = shocks.get(t.shock_order) ?? {shock_order: t.shock_order, shock: t.shock, shock_id: shockId, strategies: [], total: 0};
    shocks.set(t.shock_order, shock);
    const strategyId = shockId === null ? null : STRATEGIES.find((s) => s.label === t.strategy && (s.shocks as readonly string[]).includes(shockId))?.id ?? null;
    shock.strategies.push({strategy_order: t.strategy_order, strategy: t.strategy, strategy_id: strategyId, measures: strategyId === null ? [] : records.filter((m) => splitList(m.strategies).includes(strategyId))});
  }
  for (const shock of shocks.values()) shock.total = new Set(shock.strategies.flatMap((s) => s.measures)).size;
  return [...shocks.values()];
}

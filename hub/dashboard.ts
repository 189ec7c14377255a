/**
 * The hub's dashboards, from the rollups it keeps per store with the device's own figure code
 * (core/domain/review/figures.ts): a store's figures, and the chain's — its stores ranked by
 * the same score as the device ranks clerks and counters, and the steps kept least across it.
 */
import {
  figures,
  ranked,
  type Figures,
  type GroupFigures,
  type StepFigure,
} from '../core/domain/review/figures';
import type { RollupRow } from '../core/domain/review/rollup';

export interface Dashboard {
  figures: Figures;
  /** Each store's figures (key: the store id), best first; unranked (too few services) last. */
  stores: GroupFigures[];
  /** Steps that applied at all, least kept first. */
  weakest: StepFigure[];
}

export function dashboard(rows: readonly (RollupRow & { store: string })[]): Dashboard {
  const byStore = new Map<string, RollupRow[]>();
  for (const row of rows) {
    const list = byStore.get(row.store) ?? [];
    list.push(row);
    byStore.set(row.store, list);
  }
  const all = figures(rows);
  return {
    figures: all,
    stores: ranked([...byStore].map(([store, list]) => ({ ...figures(list).total, key: store }))),
    weakest: all.total.steps
      .filter((step) => step.applicable > 0)
      .sort((a, b) => (a.rate ?? 1) - (b.rate ?? 1) || b.skipped - a.skipped),
  };
}

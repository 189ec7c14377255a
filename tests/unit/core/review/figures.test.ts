/** The review's pure parts: periods, the ranking score, rollup sums, agreement and patterns. */
import { describe, expect, it } from 'vitest';
import {
  MIN_RANKED,
  figures,
  score,
  type GroupFigures,
} from '../../../../core/domain/review/figures';
import { daysOf, periodOf, shiftPeriod } from '../../../../core/domain/review/period';
import { agrees, emptyRollup, type RollupRow } from '../../../../core/domain/review/rollup';

const group = (overrides: Partial<GroupFigures>): Omit<GroupFigures, 'score' | 'key'> => ({
  services: 40,
  finished: 40,
  abandoned: 0,
  averageMs: 1,
  overTarget: 0,
  flagged: 0,
  kept: { done: 90, applicable: 100, rate: 0.9 },
  steps: [],
  ratings: [0, 0, 0, 0],
  agreement: { done: 0, applicable: 0, rate: null },
  ...overrides,
});

describe('periods', () => {
  it('makes weeks Monday to Sunday and months of their own length', () => {
    expect(periodOf('week', '2026-11-25')).toMatchObject({ from: '2026-11-23', to: '2026-11-29' });
    expect(periodOf('week', '2026-11-29')).toMatchObject({ from: '2026-11-23', to: '2026-11-29' });
    expect(periodOf('month', '2028-02-10')).toMatchObject({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodOf('range', '2026-11-30', '2026-11-02')).toMatchObject({
      from: '2026-11-02',
      to: '2026-11-30',
    });
  });

  it('steps to the period before and after, across month and year ends', () => {
    expect(shiftPeriod(periodOf('month', '2026-12-15'), 1)).toMatchObject({
      from: '2027-01-01',
      to: '2027-01-31',
    });
    expect(shiftPeriod(periodOf('month', '2026-03-31'), -1)).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(shiftPeriod(periodOf('range', '2026-11-01', '2026-11-03'), 1)).toMatchObject({
      from: '2026-11-04',
      to: '2026-11-06',
    });
    expect(daysOf({ from: '2026-12-30', to: '2027-01-02' })).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
  });
});

describe('the ranking score', () => {
  it('is 100 × (0.6·K + 0.2·T + 0.2·S) × (1 − F)', () => {
    // K 0.9, T 0.75 (10 of 40 over), S 0.5 (5 of 10 answered), F 0.1 (4 of 40 flagged).
    const value = score(group({ overTarget: 10, ratings: [5, 3, 2, 7], flagged: 4 }));
    expect(value).toBeCloseTo(100 * (0.6 * 0.9 + 0.2 * 0.75 + 0.2 * 0.5) * 0.9, 1);
  });

  it('gives the ratings’ weight to K and T when no rating was answered, and ranks no one with too few services', () => {
    expect(score(group({ ratings: [0, 0, 0, 9] }))).toBeCloseTo(100 * (0.75 * 0.9 + 0.25), 1);
    expect(score(group({ services: MIN_RANKED - 1 }))).toBeNull();
  });
});

describe('figures from rollups', () => {
  const rollup = (clerk: string, day: string, done: number, skipped: number): RollupRow => {
    const row = emptyRollup({ day, device: 'own', counter: '3', clerk });
    row.services = done + skipped;
    row.finished = row.services;
    row.steps['greet-aloud'] = [done, skipped, 0, 0, 0];
    row.steps['thank-on-receipt'] = [0, 0, 5, 0, 0];
    return row;
  };

  it('counts not applicable against no one and sums per clerk and per day', () => {
    const shown = figures([
      rollup('1001', '2026-11-23', 8, 2),
      rollup('1001', '2026-11-24', 9, 1),
      rollup('1002', '2026-11-23', 5, 5),
    ]);
    expect(shown.total.kept).toEqual({ done: 22, applicable: 30, rate: 22 / 30 });
    const receipt = shown.total.steps.find((step) => step.id === 'thank-on-receipt');
    expect(receipt).toMatchObject({ na: 15, applicable: 0, rate: null });
    expect(shown.byClerk.map((clerk) => [clerk.key, clerk.kept.done])).toEqual([
      ['1001', 17],
      ['1002', 5],
    ]);
    expect(shown.byDay.map((day) => day.key)).toEqual(['2026-11-23', '2026-11-24']);
  });
});

describe('spot-check agreement', () => {
  it('agrees when the observer saw what the clerk recorded, and a step not done with one never claimed done', () => {
    expect(agrees('d', 'done')).toBe(true);
    expect(agrees('l', 'done')).toBe(true);
    expect(agrees('d', 'skipped')).toBe(false);
    expect(agrees('s', 'done')).toBe(false);
    expect(agrees('p', 'skipped')).toBe(true);
    expect(agrees('a', 'na')).toBe(true);
  });
});

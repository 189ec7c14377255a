/**
 * Comparisons (compare.ts) against figures worked out by hand from a few rollups, and the
 * service-time bands a rollup keeps (rollup.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  change,
  clerkTrends,
  distributions,
  previousPeriod,
  tileChanges,
  worstSteps,
} from '../../../../core/domain/review/compare';
import { figures } from '../../../../core/domain/review/figures';
import { periodOf } from '../../../../core/domain/review/period';
import { durationBand, emptyRollup, type RollupRow } from '../../../../core/domain/review/rollup';

/** A rollup with the steps `greet` and `check-ticket` tallied, and the rest empty. */
function rollup(
  day: string,
  clerk: string,
  fill: {
    services: number;
    finished: number;
    finishedMs: number;
    overTarget: number;
    flagged?: number;
    greet: [done: number, skipped: number];
    confirm: [done: number, skipped: number];
    ratings?: [number, number, number, number];
    bands?: number[];
  },
): RollupRow {
  const row = emptyRollup({ day, device: 'own', counter: '1', clerk });
  row.services = fill.services;
  row.finished = fill.finished;
  row.abandoned = fill.services - fill.finished;
  row.finishedMs = fill.finishedMs;
  row.overTarget = fill.overTarget;
  row.flagged = fill.flagged ?? 0;
  row.steps['greet-aloud'] = [fill.greet[0], fill.greet[1], 0, 0, 0];
  row.steps['check-ticket'] = [fill.confirm[0], fill.confirm[1], 0, 0, 0];
  row.ratings = fill.ratings ?? [0, 0, 0, 0];
  row.types.deposit = {
    services: fill.services,
    finished: fill.finished,
    finishedMs: fill.finishedMs,
    overTarget: fill.overTarget,
    ...(fill.bands ? { bands: fill.bands } : {}),
  };
  return row;
}

// The week before: 10 services, 8 finished in 800 s (100 s each), 2 over target, 1 flagged;
// greet-aloud 9 of 10, check-ticket 6 of 10 (15 of 20 = 75 %); 4 of 5 ratings satisfied.
const before = [
  rollup('2026-11-02', '1001', {
    services: 10,
    finished: 8,
    finishedMs: 800_000,
    overTarget: 2,
    flagged: 1,
    greet: [9, 1],
    confirm: [6, 4],
    ratings: [4, 1, 0, 5],
  }),
];
// This week: 12 services, all finished in 960 s (80 s each), 1 over target, none flagged;
// greet 12 of 12, check-ticket 9 of 12 (21 of 24 = 87.5 %); 3 of 6 ratings satisfied.
const now = [
  rollup('2026-11-09', '1001', {
    services: 8,
    finished: 8,
    finishedMs: 640_000,
    overTarget: 1,
    greet: [8, 0],
    confirm: [7, 1],
    ratings: [2, 2, 0, 4],
    bands: [0, 2, 5, 1, 0, 0, 0],
  }),
  rollup('2026-11-10', '1002', {
    services: 4,
    finished: 4,
    finishedMs: 320_000,
    overTarget: 0,
    greet: [4, 0],
    confirm: [2, 2],
    ratings: [1, 1, 0, 2],
    bands: [1, 0, 3, 0, 0, 0, 0],
  }),
];

describe('the change against the previous period', () => {
  it('compares the day, week and month before, and a range with as many days before it', () => {
    expect(previousPeriod(periodOf('week', '2026-11-11'))).toMatchObject({
      from: '2026-11-02',
      to: '2026-11-08',
    });
    expect(previousPeriod(periodOf('month', '2026-03-15'))).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(previousPeriod(periodOf('range', '2026-11-10', '2026-11-12'))).toMatchObject({
      from: '2026-11-07',
      to: '2026-11-09',
    });
  });

  it('gives each tile its change and whether it is better, worked out by hand', () => {
    const changes = tileChanges(figures(now), figures(before));
    expect(changes.services).toEqual({ now: 12, before: 10, delta: 2, verdict: 'neither' });
    // 87.5 % − 75 % = +12.5 points: better.
    expect(changes.kept.delta).toBeCloseTo(0.125, 10);
    expect(changes.kept.verdict).toBe('better');
    // 80 s − 100 s = −20 s: shorter is better.
    expect(changes.average).toEqual({
      now: 80_000,
      before: 100_000,
      delta: -20_000,
      verdict: 'better',
    });
    // over target 1 of 12 finished vs 2 of 8: 8.33 % − 25 % = −16.67 points: better.
    expect(changes.over.delta).toBeCloseTo(1 / 12 - 2 / 8, 10);
    expect(changes.over.verdict).toBe('better');
    expect(changes.flagged).toEqual({ now: 0, before: 1, delta: -1, verdict: 'better' });
    // satisfied 3 of 6 vs 4 of 5: 50 % − 80 % = −30 points: worse.
    expect(changes.satisfied.delta).toBeCloseTo(-0.3, 10);
    expect(changes.satisfied.verdict).toBe('worse');
    // No spot-check either time: no change.
    expect(changes.agreement).toEqual({ now: null, before: null, delta: null, verdict: null });
  });

  it('has no change at all when nothing was served before, and "same" when nothing moved', () => {
    const changes = tileChanges(figures(now), figures([]));
    expect(Object.values(changes).every((moved) => moved.delta === null)).toBe(true);
    expect(change(0.5, 0.5, 'up')).toEqual({ now: 0.5, before: 0.5, delta: 0, verdict: 'same' });
  });
});

describe('the worst steps', () => {
  it('lists the steps kept least, worst first, with their change', () => {
    const worst = worstSteps(figures(now), figures(before), 3);
    // check-ticket 9 of 12 = 75 % (before 60 %: +15 points); greet 12 of 12 = 100 % (before 90 %).
    expect(worst.map((step) => step.id)).toEqual(['check-ticket', 'greet-aloud']);
    expect(worst[0]).toMatchObject({ rate: 0.75, done: 9, applicable: 12, before: 0.6 });
    expect(worst[0]?.delta).toBeCloseTo(0.15, 10);
    expect(worst[0]?.verdict).toBe('better');
    expect(worst[1]).toMatchObject({ rate: 1, before: 0.9, verdict: 'better' });
  });

  it('gives a step that did not apply before no change', () => {
    const worst = worstSteps(figures(now), figures([]), 1);
    expect(worst[0]).toMatchObject({ id: 'check-ticket', before: null, delta: null });
  });
});

describe("each clerk's trend", () => {
  it("gives each clerk's steps kept per day of the period, gaps where they did not serve", () => {
    const trends = clerkTrends(now, periodOf('range', '2026-11-09', '2026-11-11'));
    expect(trends).toEqual([
      // 1001: 15 of 16 on the 9th; 1002: 6 of 8 on the 10th.
      { clerk: '1001', days: [15 / 16, null, null], rate: 15 / 16, services: 8 },
      { clerk: '1002', days: [null, 0.75, null], rate: 0.75, services: 4 },
    ]);
  });
});

describe('service times against the target', () => {
  it('bands a time by its share of the target, the target itself within it', () => {
    expect(durationBand(30_000, 60)).toBe(0); // half the target
    expect(durationBand(45_000, 60)).toBe(1); // ¾
    expect(durationBand(60_000, 60)).toBe(2); // on target: within
    expect(durationBand(60_001, 60)).toBe(3); // just over
    expect(durationBand(90_000, 60)).toBe(4);
    expect(durationBand(120_000, 60)).toBe(5); // twice
    expect(durationBand(120_001, 60)).toBe(6); // more than twice
  });

  it('sums the bands of a business type over the period', () => {
    expect(distributions(figures(now))).toEqual([
      { code: 'deposit', finished: 12, bands: [1, 2, 8, 1, 0, 0, 0], within: 11 },
    ]);
    // Rollups written before the bands were kept: zeros, not a failure.
    expect(distributions(figures(before))[0]?.bands).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

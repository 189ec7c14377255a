/**
 * One rule for "over target" (isOverTarget): a finished service longer than its target. The
 * rollup counts exactly the services the `over` tag marks, so the over-target figure lists what it
 * counts — a service the customer left early, however long, is in neither.
 */
import { describe, expect, it } from 'vitest';
import { addService, emptyRollup } from '../../../../core/domain/review/rollup';
import {
  isOverTarget,
  withTags,
  type ServiceRow,
} from '../../../../core/domain/review/service-row';

const row = (outcome: ServiceRow['outcome'], durationMs: number): ServiceRow =>
  withTags({
    id: `x|${outcome}|${durationMs}`,
    sid: `own|${outcome}-${durationMs}`,
    device: 'own',
    serviceId: `${outcome}-${durationMs}`,
    counter: '3',
    clerk: '1001',
    day: '2026-11-23',
    startedAt: 0,
    endedAt: durationMs,
    durationMs,
    clockJumps: [],
    ticket: 'A001',
    businessType: 'bill-payment',
    targetSeconds: 180,
    outcome,
    steps: 'ppppppppppppppppp',
    skipReasons: {},
    recorded: {
      steps: 'ppppppppppppppppp',
      skipReasons: {},
      businessType: 'bill-payment',
      targetSeconds: 180,
    },
    recommendations: [],
    flags: [],
    pattern: null,
    rating: null,
    complaint: null,
    amendments: 0,
    checks: 0,
    firstSeq: 0,
    lastSeq: 0,
    later: [],
  });

describe('over target', () => {
  it('counts and tags finished services longer than their target, never one ended early', () => {
    const rows = [
      row('finished', 181_000),
      row('finished', 180_000),
      row('abandoned', 400_000),
      row('abandoned', 10_000),
    ];
    expect(rows.map(isOverTarget)).toEqual([true, false, false, false]);
    const tagged = rows.filter((each) => each.tags.includes('over@2026-11-23'));
    expect(tagged.map((each) => each.serviceId)).toEqual(['finished-181000']);
    const rollup = emptyRollup(rows[0]!);
    for (const each of rows) addService(rollup, each, new Set(), 1);
    expect(rollup.overTarget).toBe(tagged.length);
    expect(rollup.types['bill-payment']?.overTarget).toBe(tagged.length);
  });
});

/**
 * Property: whatever a manager does to the opening checklist afterwards (reword, retire, add, in
 * any order), the checks already recorded keep their meaning — the same items, texts, versions and
 * results in the drill-down and the same figures — because each check carries its items' texts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDay } from '../../../../core/domain/device/business-day';
import { readRecords } from '../../../../core/domain/log/records';
import { verifyRows } from '../../../../core/domain/log/verify';
import { shiftFigures, type CheckRow } from '../../../../core/domain/review/shift-figures';
import {
  activeItems,
  addItem,
  retireItem,
  rewordItem,
  type OpeningItem,
} from '../../../../core/domain/shift/opening-items';
import { CLERK, MANAGER, signIn, staffedLog, type DeviceLog } from './device-log';

type Op =
  | { kind: 'check'; notOk: number[] }
  | { kind: 'reword'; at: number; word: string }
  | { kind: 'retire'; at: number }
  | { kind: 'add'; word: string };

const word = fc.stringMatching(/^[a-z]{1,12}$/);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('check' as const), notOk: fc.array(fc.nat(15), { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('reword' as const), at: fc.nat(30), word }),
  fc.record({ kind: fc.constant('retire' as const), at: fc.nat(30) }),
  fc.record({ kind: fc.constant('add' as const), word }),
);

function checks(log: DeviceLog): CheckRow[] {
  const boundary = { timeZone: 'Asia/Shanghai', dayStartMinutes: 0 };
  const day = businessDay(log.now, boundary);
  return shiftFigures(readRecords(log.rows).records, boundary, '2000-01-01', day).checks;
}

async function edit(log: DeviceLog, next: OpeningItem[]) {
  // A list the schema refuses (a part left without items) is refused; nothing changes then.
  await log.run({ type: 'change-config', change: { key: 'opening-items', value: next } });
}

describe('the opening checklist edited after checks were recorded', () => {
  it('never changes what a recorded check says', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const log = await staffedLog();
        await signIn(log, MANAGER);
        const seen: CheckRow[] = [];
        let added = 0;
        for (const step of ops) {
          const items = log.state.config.openingItems;
          if (step.kind === 'check') {
            const asked = activeItems(items);
            await log.must({
              type: 'record-opening-check',
              subject: CLERK,
              kind: 'spot-check',
              results: asked.map((item, index) => ({
                code: item.code,
                result: step.notOk.includes(index) ? 'not-ok' : 'ok',
                note: '',
              })),
            });
            const row = checks(log).at(-1)!;
            // What was recorded is what was asked at that moment.
            expect(row.items.map((item) => [item.code, item.version, item.text])).toEqual(
              asked.map((item) => [item.code, item.version, item.text]),
            );
            seen.push(row);
          } else if (step.kind === 'reword') {
            const target = items[step.at % items.length]!;
            await edit(log, rewordItem(items, target.code, { ...target.text, en: step.word }));
          } else if (step.kind === 'retire') {
            await edit(log, retireItem(items, items[step.at % items.length]!.code));
          } else {
            added += 1;
            await edit(
              log,
              addItem(items, `added-${added}`, added % 2 ? 'counter' : 'appearance', {
                'zh-CN': step.word,
                'zh-TW': step.word,
                en: step.word,
              }),
            );
          }
        }
        const after = checks(log);
        expect(after.filter((row) => seen.some((earlier) => earlier.seq === row.seq))).toEqual(
          seen,
        );
        expect((await verifyRows(log.rows)).intact).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});

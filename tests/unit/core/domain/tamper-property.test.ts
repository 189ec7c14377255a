/**
 * Property: any tampering with a generated log (a changed byte, a deleted, inserted or swapped
 * record, a log cut short against its witness) is found by the verifier; and so is any sealed
 * record rewritten, re-hashed and re-signed with the only key a thief could find (the newest).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalize } from '../../../../core/domain/log/canonical';
import { verifyRows, type Head } from '../../../../core/domain/log/verify';
import type { SigningKeyPair } from '../../../../core/domain/log/signing';
import { eventOf, rawCopy, rewrite, type Row } from './device-log';
import { problemOf } from './log-support';
import { buildLog, logPlan, logPlanOf } from './generated-log';

/** Changes one byte of a row's canonical JSON; a row that no longer parses is kept as text. */
function changeByte(row: Row, position: number, delta: number): unknown {
  const bytes = new TextEncoder().encode(canonicalize(row));
  const at = position % bytes.length;
  bytes[at] = (bytes[at]! + delta) % 256;
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

interface Built {
  rows: Row[];
  head: Head;
}

describe('any tampering with a generated log', { timeout: 60_000 }, () => {
  const logs: Built[] = [];
  const pick = (n: number) => logs[n % logs.length]!;

  beforeAll(async () => {
    // Kept short (one or two services) so that a thousand verifications per property stay quick.
    for (const plan of fc.sample(logPlanOf(2), { seed: 20_261_123, numRuns: 6 })) {
      const log = await buildLog(plan);
      logs.push({ rows: rawCopy(log.rows), head: log.head });
    }
  });

  it('starts from logs that verify intact', async () => {
    await fc.assert(
      fc.asyncProperty(logPlan, async (plan) => {
        const log = await buildLog(plan);
        const verdict = await verifyRows(log.rows, { witness: log.head });
        expect(verdict).toMatchObject({ intact: true, count: log.rows.length });
      }),
      { numRuns: 40 },
    );
    for (const { rows, head } of logs) {
      expect(await verifyRows(rows, { witness: head })).toMatchObject({ intact: true });
    }
  });

  it('is found when any byte of any record changes', async () => {
    let unparsable = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (which, index, position, delta) => {
          const { rows } = pick(which);
          const tampered: unknown[] = rawCopy(rows);
          const at = index % rows.length;
          tampered[at] = changeByte(rows[at]!, position, delta);
          if (typeof tampered[at] === 'string') unparsable += 1;
          const verdict = await verifyRows(tampered);
          expect(verdict.intact).toBe(false);
          if (typeof tampered[at] === 'string') {
            expect(verdict).toMatchObject({ problem: { kind: 'invalid-record' } });
          }
        },
      ),
      { numRuns: 1_000 },
    );
    expect(unparsable).toBeGreaterThan(0);
  });

  it('is found when any record but the last is deleted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), async (which, index) => {
        const { rows } = pick(which);
        const tampered = rows.filter((_, at) => at !== index % (rows.length - 1));
        expect((await verifyRows(tampered)).intact).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });

  it('is found when a copy of any record is inserted anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.nat(), async (which, from, to) => {
        const { rows } = pick(which);
        const tampered = [...rows];
        tampered.splice(to % (rows.length + 1), 0, rawCopy([rows[from % rows.length]!])[0]!);
        expect((await verifyRows(tampered)).intact).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });

  it('is found when any two records swap places', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.nat(), async (which, a, b) => {
        const { rows } = pick(which);
        const i = a % rows.length;
        const j = b % rows.length;
        fc.pre(i !== j);
        const tampered = [...rows];
        [tampered[i], tampered[j]] = [tampered[j]!, tampered[i]!];
        expect((await verifyRows(tampered)).intact).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });

  it('is found, against the witness, when the log is cut short', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), async (which, cut) => {
        const { rows, head } = pick(which);
        const kept = cut % rows.length;
        const verdict = await verifyRows(rows.slice(0, kept), { witness: head });
        expect(verdict).toMatchObject({
          intact: false,
          problem: { kind: 'records-missing', afterSeq: kept, witnessSeq: head.seq },
        });
      }),
      { numRuns: 1_000 },
    );
  });
});

describe(
  'a sealed record rewritten by someone holding the newest key',
  { timeout: 120_000 },
  () => {
    const logs: { rows: Row[]; newest: SigningKeyPair; newestIndex: number }[] = [];

    beforeAll(async () => {
      for (const plan of fc.sample(logPlanOf(2), { seed: 20_261_125, numRuns: 4 })) {
        const log = await buildLog(plan);
        const keys = log.keys;
        logs.push({ rows: rawCopy(log.rows), newest: keys.at(-1)!, newestIndex: keys.length - 1 });
      }
    });

    it('is found whatever record before the last checkpoint, and whichever key index is claimed', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat(),
          fc.nat(),
          // Within the clock tolerance (2 minutes): a later date beyond it is named sooner, by the
          // record after it going back in time (time-rules.ts).
          fc.integer({ min: 1, max: 110 }),
          fc.boolean(),
          async (which, at, seconds, claimNewest) => {
            const { rows, newest, newestIndex } = logs[which % logs.length]!;
            const lastCheckpoint = rows.findLastIndex((row) => eventOf(row).type === 'checkpoint');
            // Every record the last checkpoint seals (a later one nobody could tell from an edit).
            const index = at % lastCheckpoint;
            const copy = await rewrite(
              rows,
              index,
              (row) => {
                row.at = new Date(Date.parse(row.at as string) + seconds * 1000).toISOString();
              },
              (keyIndex) => ({ key: newest, keyIndex: claimNewest ? newestIndex : keyIndex }),
            );
            // Even with no witness to compare against (a DevTools user can move it too), the first
            // checkpoint after the edit gives it away: its signature, or the key it claims.
            const problem = problemOf(await verifyRows(copy));
            expect(['checkpoint-signature', 'checkpoint-key']).toContain(problem?.kind);
          },
        ),
        { numRuns: 150 },
      );
    });
  },
);

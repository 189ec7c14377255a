/**
 * The start-up check's place in the log (storage/log-watch.ts): it remembers the last record it
 * found sound, takes up there at the next start once that record is still there with its hash,
 * reads in bounded batches, goes round again from record 1, and never remembers past a problem.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { hashOf } from '../../../../core/domain/log/records';
import type { Head } from '../../../../core/domain/log/verify';
import {
  KEY_RECORD_TYPES,
  watchLog,
  type LogWatchSource,
} from '../../../../renderer/storage/log-watch';
import { startCommand } from '../../helpers/builders';
import {
  CLERK,
  eventOf,
  fullService,
  indexOfSeq,
  rawCopy,
  rewrite,
  signIn,
  staffedLog,
  type DeviceLog,
  type Row,
} from '../../core/domain/device-log';

let log: DeviceLog;
let rows: Row[];

beforeAll(async () => {
  log = await staffedLog();
  for (const ticket of ['A025', 'A027', 'A029']) {
    await signIn(log, CLERK);
    await fullService(log, ticket, '张');
    await log.must({ type: 'sign-out' });
  }
  await signIn(log, CLERK);
  await log.must(startCommand({ ticket: 'A031' }));
  rows = rawCopy(log.rows);
});

/** Rows in memory as the log, counting what is read: the first seq of each batch. */
function sourceOf(stored: readonly Row[]) {
  const batchesFrom: number[] = [];
  const source: LogWatchSource = {
    rowAt: (seq) => Promise.resolve(stored.find((row) => row.seq === seq)),
    keyRows: () =>
      Promise.resolve(
        stored.filter((row) => (KEY_RECORD_TYPES as readonly string[]).includes(eventOf(row).type)),
      ),
    async *batches(size, fromSeq) {
      const after = stored.filter((row) => (row.seq as number) >= fromSeq);
      for (let at = 0; at < after.length; at += size) {
        batchesFrom.push(after[at]!.seq as number);
        yield after.slice(at, at + size);
      }
    },
  };
  return { source, batchesFrom };
}

const headOf = (row: Row): Head => ({ seq: row.seq as number, hash: row.hash as string });

describe('the start-up check of the log, resumed from where it stopped', () => {
  it('checks every record from the first, in bounded batches, remembering after each', async () => {
    const { source, batchesFrom } = sourceOf(rows);
    const remembered: Head[] = [];
    const outcome = await watchLog(source, null, {
      batchSize: 10,
      remember: (position) => remembered.push(position),
    });
    expect(outcome).toEqual({ kind: 'sound', position: headOf(rows.at(-1)!), passes: 1 });
    expect(batchesFrom).toEqual(rows.filter((_, at) => at % 10 === 0).map((row) => row.seq));
    expect(remembered.map((position) => position.seq)).toEqual(
      batchesFrom.map((seq) => Math.min(seq + 9, rows.length)),
    );
    expect(remembered.at(-1)).toEqual(headOf(rows.at(-1)!));
  });

  it('takes up after the remembered record, then goes round once more from record 1', async () => {
    const { source, batchesFrom } = sourceOf(rows);
    const position = headOf(rows[29]!);
    const outcome = await watchLog(source, position, { batchSize: 10, remember: () => {} });
    expect(outcome).toMatchObject({ kind: 'sound', passes: 2 });
    expect(batchesFrom[0]).toBe(31);
    expect(batchesFrom.filter((seq) => seq === 1)).toHaveLength(1);
  });

  it('stops when told between batches, and the next start takes up where it stopped', async () => {
    const first = sourceOf(rows);
    let kept: Head | null = null;
    const stopped = await watchLog(first.source, null, {
      batchSize: 10,
      remember: (position) => (kept = position),
      between: () => false,
    });
    expect(stopped).toEqual({ kind: 'stopped', position: headOf(rows[9]!) });
    expect(kept).toEqual(headOf(rows[9]!));
    const next = sourceOf(rows);
    await watchLog(next.source, kept, { batchSize: 10, remember: () => {} });
    expect(next.batchesFrom[0]).toBe(11);
  });

  it('finds a record changed behind the remembered one, on the pass that goes round again', async () => {
    const middle = 12;
    const changed = rawCopy(rows);
    eventOf(changed[indexOfSeq(changed, middle)]!).ticket = 'A026';
    const { source } = sourceOf(changed);
    const remembered: Head[] = [];
    const outcome = await watchLog(source, headOf(rows.at(-1)!), {
      batchSize: 5,
      remember: (position) => remembered.push(position),
    });
    expect(outcome).toEqual({
      kind: 'problem',
      problem: { kind: 'hash-mismatch', seq: middle },
      position: headOf(rows[middle - 2]!),
    });
    // Never past the problem on the pass that found it: the next start finds it again.
    expect(remembered.at(-1)!.seq).toBeLessThan(middle);
    const again = await watchLog(source, remembered.at(-1)!, { batchSize: 5, remember: () => {} });
    expect(again).toMatchObject({ problem: { kind: 'hash-mismatch', seq: middle } });
  });

  it('starts again at record 1 when the remembered record is no longer there with its hash', async () => {
    const middle = 12;
    const rehashed = await rewrite(rows, indexOfSeq(rows, middle), (row) => {
      eventOf(row).ticket = 'A026';
    });
    const { source, batchesFrom } = sourceOf(rehashed);
    const outcome = await watchLog(source, headOf(rows[29]!), {
      batchSize: 10,
      remember: () => {},
    });
    expect(batchesFrom[0]).toBe(1);
    const checkpoint = rehashed.find(
      (row) => (row.seq as number) > middle && eventOf(row).type === 'checkpoint',
    )!;
    expect(outcome).toMatchObject({
      kind: 'problem',
      problem: { kind: 'checkpoint-signature', seq: checkpoint.seq },
    });
  });

  it('starts again at record 1 when the remembered record was removed', async () => {
    const without = rawCopy(rows).filter((row) => row.seq !== 30);
    const { source, batchesFrom } = sourceOf(without);
    const outcome = await watchLog(source, headOf(rows[29]!), {
      batchSize: 10,
      remember: () => {},
    });
    expect(batchesFrom[0]).toBe(1);
    expect(outcome).toMatchObject({
      kind: 'problem',
      problem: { kind: 'sequence-gap', seq: 31, expected: 30 },
    });
  });

  it('checks the checkpoints after the remembered record along the key chain as it stood there', async () => {
    const position = headOf(rows[9]!);
    const after = rows.findIndex(
      (row, at) => at > 12 && eventOf(row).type !== 'checkpoint' && row.staffNo === CLERK,
    );
    const checkpoint = rows.find((row, at) => at > after && eventOf(row).type === 'checkpoint')!;
    // Re-hashed from there with every checkpoint's head moved too: the signatures no longer hold.
    const resealed = await rewrite(rows, after, (row) => {
      row.at = new Date(Date.parse(row.at as string) + 1).toISOString();
    });
    const resealedSource = sourceOf(resealed);
    expect(
      await watchLog(resealedSource.source, position, { batchSize: 10, remember: () => {} }),
    ).toMatchObject({ problem: { kind: 'checkpoint-signature', seq: checkpoint.seq } });
    expect(resealedSource.batchesFrom[0]).toBe(11);
    // Re-hashed without touching the checkpoints: the next one does not seal the record before it.
    const rehashed = rawCopy(rows);
    rehashed[after]!.at = new Date(Date.parse(rows[after]!.at as string) + 1).toISOString();
    for (let at = after; at < rehashed.length; at += 1) {
      if (at > after) rehashed[at]!.prevHash = rehashed[at - 1]!.hash;
      rehashed[at]!.hash = await hashOf(rehashed[at]);
    }
    expect(
      await watchLog(sourceOf(rehashed).source, position, { batchSize: 10, remember: () => {} }),
    ).toMatchObject({ problem: { kind: 'checkpoint-link', seq: checkpoint.seq } });
  });
});

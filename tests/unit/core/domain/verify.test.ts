/**
 * Verifying a log: the one release 0.1.0 wrote and its upgrade, a log of this version (hashes,
 * links, the witness, the first key, rewritten history), and checkpoints signed with ECDSA P-256.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { foldDevice, openService } from '../../../../core/domain/device/state';
import { hashOf, readRecord, readRecords } from '../../../../core/domain/log/records';
import { generateSigningKey } from '../../../../core/domain/log/signing';
import { LogVerifier, verifyRows } from '../../../../core/domain/log/verify';
import { startCommand } from '../../helpers/builders';
import {
  CLERK,
  DeviceLog,
  MANAGER,
  eventOf,
  forgeAfter,
  fullService,
  indexOfSeq,
  rawCopy,
  rewrite,
  signIn,
  staffedLog,
  type Row,
} from './device-log';
import { fixture, linked, problemOf } from './log-support';

describe('verifying the log release 0.1.0 wrote', () => {
  it('finds it intact, under v1’s own rules', async () => {
    const verdict = await verifyRows(fixture.events);
    expect(verdict).toMatchObject({
      intact: true,
      count: 44,
      head: { seq: 44, hash: fixture.events[43]!.hash },
      checkpoints: 0,
      deviceId: null,
      firstKey: null,
    });
  });

  it('notices a changed byte in a v1 record', async () => {
    const rows = rawCopy(fixture.events);
    const text = JSON.stringify(rows[16]).replace('"dueFen":8050', '"dueFen":8060');
    rows[16] = JSON.parse(text) as Row;
    expect(problemOf(await verifyRows(rows))).toEqual({ kind: 'hash-mismatch', seq: 17 });
  });

  it('continues after the upgrade: new identity, commitments, a first checkpoint over everything', async () => {
    const log = new DeviceLog();
    log.state = foldDevice(readRecords(fixture.events).records);
    const commitment = 'c'.repeat(64);
    const upgrade = await log.upgrade([{ subject: '9001', commitment }]);
    expect(upgrade.map((record) => record.event.type)).toEqual([
      'device-identity',
      'log-upgraded',
      'checkpoint',
    ]);
    const rows = [...fixture.events, ...upgrade];
    expect(await verifyRows(rows)).toMatchObject({
      intact: true,
      count: 47,
      checkpoints: 1,
      sealedUpTo: 46,
      deviceId: log.state.identity?.deviceId,
    });
    expect(log.state.pins.get('9001')?.commitment).toBe(commitment);

    const downgraded = await forgeAfter(rows, [
      {
        staffNo: MANAGER,
        event: { type: 'signed-in', role: 'manager', replaced: null },
        row: { v: 1, device: undefined },
      },
    ]);
    delete downgraded.at(-1)!.device;
    downgraded.at(-1)!.hash = await hashOf(downgraded.at(-1));
    expect(problemOf(await verifyRows(downgraded))).toMatchObject({
      kind: 'rule',
      seq: 48,
      rule: 'version-downgrade',
    });
  });
});

describe('verifying a log', () => {
  let log: DeviceLog;
  let rows: Row[];
  /** seq of the first service's start (ticket A025, surname 张). */
  let started: number;

  beforeAll(async () => {
    log = await staffedLog();
    await signIn(log, CLERK);
    started = log.head.seq + 1;
    await fullService(log, 'A025', '张');
    await log.must({ type: 'sign-out' });
    await signIn(log, CLERK);
    await fullService(log, 'A027', '李');
    await log.must({ type: 'sign-out' });
    await signIn(log, CLERK);
    await log.must(startCommand({ ticket: 'A029' }));
    await log.must({ type: 'mark-done', stepId: 'stand-to-greet' });
    rows = rawCopy(log.rows);
  });

  it('says intact for an untouched log, with its checkpoints, device and first key', async () => {
    const verdict = await verifyRows(rows, {
      expectedFirstKey: log.keys[0]!.publicKey,
      witness: log.head,
    });
    expect(verdict).toMatchObject({
      intact: true,
      count: rows.length,
      head: log.head,
      checkpoints: 5,
      sealedUpTo: log.state.keys!.lastCheckpointSeq - 1,
      deviceId: log.state.identity!.deviceId,
      firstKey: log.keys[0]!.publicKey,
      firstKeyTrusted: true,
    });
    expect(await linked(rows)).toBe(true);
  });

  it('replays the log into the state the device folded as it wrote it', async () => {
    const verifier = new LogVerifier({ values: log.values });
    await verifier.pushAll(rows);
    expect(verifier.replayed).toEqual(log.state);
    expect(openService(verifier.replayed)?.ticket).toBe('A029');
  });

  it('names the record a changed byte is in', async () => {
    const copy = rawCopy(rows);
    const index = indexOfSeq(copy, started);
    const text = JSON.stringify(copy[index]);
    expect(text).toContain('"ticket":"A025"');
    copy[index] = JSON.parse(text.replace('"ticket":"A025"', '"ticket":"A026"')) as Row;
    expect(problemOf(await verifyRows(copy))).toEqual({ kind: 'hash-mismatch', seq: started });
  });

  it('notices a key added inside the event, which parsing alone would drop', async () => {
    const copy = rawCopy(rows);
    const index = indexOfSeq(copy, started);
    eventOf(copy[index]!).extra = 'x';
    expect(readRecord(copy[index]).ok).toBe(true);
    expect(problemOf(await verifyRows(copy))).toEqual({ kind: 'hash-mismatch', seq: started });
  });

  it('notices a removed record in the middle', async () => {
    const copy = rawCopy(rows).filter((row) => row.seq !== started);
    expect(problemOf(await verifyRows(copy))).toEqual({
      kind: 'sequence-gap',
      seq: started + 1,
      expected: started,
    });
  });

  it('notices a record re-sealed after editing: its successor no longer links to it', async () => {
    const copy = rawCopy(rows);
    const index = indexOfSeq(copy, started);
    eventOf(copy[index]!).surname = '王';
    copy[index]!.hash = await hashOf(copy[index]);
    expect(problemOf(await verifyRows(copy))).toEqual({ kind: 'broken-link', seq: started + 1 });
  });

  it('reports a row that is not a log record at all', async () => {
    const copy: unknown[] = rawCopy(rows);
    copy.splice(3, 1, { seq: 4, garbage: true });
    expect(problemOf(await verifyRows(copy))).toMatchObject({ kind: 'invalid-record', seq: 4 });
  });

  it('sees records removed from the end only against the witness', async () => {
    const truncated = rawCopy(rows).slice(0, -3);
    expect((await verifyRows(truncated)).intact).toBe(true);
    const verdict = await verifyRows(truncated, { witness: log.head });
    expect(problemOf(verdict)).toEqual({
      kind: 'records-missing',
      afterSeq: log.head.seq - 3,
      witnessSeq: log.head.seq,
    });
  });

  it('sees history rewritten after the last checkpoint only against the witness', async () => {
    const last = rows.length - 1;
    const copy = await rewrite(rows, last - 1, (row) => {
      row.at = new Date(Date.parse(row.at as string) - 60_000).toISOString();
    });
    expect(await linked(copy)).toBe(true);
    expect((await verifyRows(copy)).intact).toBe(true);
    expect(problemOf(await verifyRows(copy, { witness: log.head }))).toEqual({
      kind: 'witness-mismatch',
      seq: log.head.seq,
    });
  });

  it('refuses a witness whose hash is not the log’s at that point', async () => {
    const witness = { seq: 5, hash: rows[5]!.hash as string };
    expect(problemOf(await verifyRows(rows, { witness }))).toEqual({
      kind: 'witness-mismatch',
      seq: 5,
    });
    expect(
      (await verifyRows(rows, { witness: { seq: 5, hash: rows[4]!.hash as string } })).intact,
    ).toBe(true);
  });

  it('refuses a log that starts from another first key than the auditor holds', async () => {
    const other = await generateSigningKey();
    const verdict = await verifyRows(rows, { expectedFirstKey: other.publicKey });
    expect(problemOf(verdict)).toEqual({ kind: 'first-key-mismatch', seq: 1 });
  });

  describe('a record before a checkpoint rewritten, every hash linked again', () => {
    /** The first checkpoint after the first service: signed with key 3. */
    const firstCheckpointAfter = (seq: number) =>
      rows.find((row) => (row.seq as number) > seq && eventOf(row).type === 'checkpoint')!;
    const editSurname = (row: Row) => {
      eventOf(row).surname = '王';
    };

    it('fails the first checkpoint after it when re-signed with the only key left', async () => {
      const newest = log.keys.at(-1)!;
      const copy = await rewrite(rows, indexOfSeq(rows, started), editSurname, (keyIndex) => ({
        key: newest,
        keyIndex,
      }));
      expect(await linked(copy)).toBe(true);
      const checkpoint = firstCheckpointAfter(started);
      expect(eventOf(checkpoint).keyIndex).toBe(3);
      expect(problemOf(await verifyRows(copy))).toEqual({
        kind: 'checkpoint-signature',
        seq: checkpoint.seq,
      });
    });

    it('fails it too when the forger claims the newest key’s index', async () => {
      const newest = log.keys.length - 1;
      const copy = await rewrite(rows, indexOfSeq(rows, started), editSurname, () => ({
        key: log.keys[newest]!,
        keyIndex: newest,
      }));
      expect(await linked(copy)).toBe(true);
      expect(problemOf(await verifyRows(copy))).toEqual({
        kind: 'checkpoint-key',
        seq: firstCheckpointAfter(started).seq,
      });
    });

    it('fails it when the checkpoints keep their old signatures', async () => {
      const copy = await rewrite(rows, indexOfSeq(rows, started), editSurname);
      expect(await linked(copy)).toBe(true);
      expect(problemOf(await verifyRows(copy))).toEqual({
        kind: 'checkpoint-signature',
        seq: firstCheckpointAfter(started).seq,
      });
    });

    it('would pass only with keys the device destroyed (the forgery itself is sound)', async () => {
      const copy = await rewrite(rows, indexOfSeq(rows, started), editSurname, (keyIndex) => ({
        key: log.keys[keyIndex]!,
        keyIndex,
      }));
      expect(await verifyRows(copy)).toMatchObject({ intact: true, count: rows.length });
    });
  });
});

describe('checkpoints signed with ECDSA P-256 (where the platform has no Ed25519)', () => {
  it('verify along the key chain, and a changed signature is found', async () => {
    const log = await staffedLog('ECDSA-P256');
    expect(log.keys.map((key) => key.algorithm)).toEqual(Array(4).fill('ECDSA-P256'));
    expect(log.state.identity).toMatchObject({ algorithm: 'ECDSA-P256' });
    expect(await verifyRows(log.rows, { expectedFirstKey: log.keys[0]!.publicKey })).toMatchObject({
      intact: true,
      checkpoints: 3,
    });
    const checkpoint = log.rows.findIndex((row) => row.event.type === 'checkpoint');
    const forged = await rewrite(log.rows, checkpoint, (row) => {
      const event = eventOf(row);
      const signature = event.signature as string;
      event.signature = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    });
    expect(problemOf(await verifyRows(forged))).toEqual({
      kind: 'checkpoint-signature',
      seq: checkpoint + 1,
    });
  });
});

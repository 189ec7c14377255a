import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldDevice, openService } from '../../../../renderer/domain/device/state';
import { canonicalize, sha256Hex } from '../../../../renderer/domain/log/canonical';
import { GENESIS_HASH } from '../../../../renderer/domain/log/events';
import {
  hashOf,
  readRecord,
  readRecords,
  sealRecord,
  type UnsealedRecord,
} from '../../../../renderer/domain/log/records';
import { generateSigningKey } from '../../../../renderer/domain/log/signing';
import { LogVerifier, verifyRows, type Verdict } from '../../../../renderer/domain/log/verify';
import { startCommand } from '../../helpers/builders';
import {
  AUDITOR,
  CLERK,
  DeviceLog,
  MANAGER,
  PIN,
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

const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/release-0.1.0.json', import.meta.url), 'utf8'),
) as { events: Row[] };
const v1Row = (seq: number): Row => structuredClone(fixture.events[seq - 1]!);

/** Whether every row's hash is its content's and links to the row before. */
async function linked(rows: readonly Row[]): Promise<boolean> {
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    if (row.prevHash !== prevHash || row.hash !== (await hashOf(row))) return false;
    prevHash = row.hash as string;
  }
  return true;
}

const problemOf = (verdict: Verdict) => (verdict.intact ? null : verdict.problem);

describe('canonical serialisation', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalize({ b: 1, a: { d: [2, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[2,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same text whatever order the fields were written in', () => {
    expect(canonicalize({ seq: 1, at: 'x', event: { type: 't', stepId: 's' } })).toBe(
      canonicalize({ event: { stepId: 's', type: 't' }, at: 'x', seq: 1 }),
    );
  });

  it('sorts keys by code point, not by locale', () => {
    expect(canonicalize({ b: 1, B: 2, é: 3, a: 4 })).toBe('{"B":2,"a":4,"b":1,"é":3}');
  });

  it('escapes strings as JSON does and keeps Chinese text as is', () => {
    expect(canonicalize({ note: '张 "先生"\n' })).toBe('{"note":"张 \\"先生\\"\\n"}');
  });

  it('leaves out undefined fields like JSON, and refuses values JSON cannot carry', () => {
    expect(canonicalize({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalize({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalize({ a: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalize({ a: 1n })).toThrow(TypeError);
    expect(() => canonicalize([() => 1])).toThrow(TypeError);
  });
});

const unsealed = (seq: number, prevHash: string): UnsealedRecord => ({
  v: 2,
  seq,
  id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
  at: '2026-11-23T09:00:00.000Z',
  mono: { boot: 'boot-1', ms: seq * 10 },
  device: '00000000-0000-4000-8000-0000000000de',
  staffNo: '1001',
  counter: '3',
  serviceId: null,
  event: { type: 'screen-locked', reason: 'manual' },
  prevHash,
});

describe('hashing', () => {
  it('is SHA-256 of the UTF-8 bytes, in lowercase hex', async () => {
    const text = canonicalize({ 名: '张' });
    expect(await sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('seals a record over everything but its own hash, previous hash included', async () => {
    const record = await sealRecord(unsealed(1, GENESIS_HASH));
    const expected = createHash('sha256')
      .update(canonicalize(unsealed(1, GENESIS_HASH)))
      .digest('hex');
    expect(record.hash).toBe(expected);
    expect(await hashOf(record)).toBe(expected);
    expect(await hashOf({ ...record, hash: 'anything' })).toBe(expected);
    expect((await sealRecord(unsealed(1, 'f'.repeat(64)))).hash).not.toBe(expected);
  });

  it('refuses to seal what could not be read back', async () => {
    const bad = { ...unsealed(1, GENESIS_HASH), staffNo: 'x' };
    await expect(sealRecord(bad)).rejects.toThrow();
  });
});

describe('reading records', () => {
  it('reads a v2 record as stored', async () => {
    const record = await sealRecord(unsealed(1, GENESIS_HASH));
    expect(readRecord(JSON.parse(JSON.stringify(record)))).toEqual({ ok: true, value: record });
  });

  it('reads every record release 0.1.0 wrote, with no device', () => {
    const { records, invalid } = readRecords(fixture.events);
    expect(invalid).toEqual([]);
    expect(records).toHaveLength(44);
    expect(records.every((record) => record.v === 1 && record.device === null)).toBe(true);
  });

  it('restores a v1 PIN change with no commitment (v1 had none), never an invented one', () => {
    const read = readRecord(v1Row(3));
    expect(read.ok && read.value.event).toEqual({
      type: 'pin-set',
      subject: '9001',
      reason: 'created',
      commitment: null,
    });
  });

  it('restores a v1 sign-out as by the person themselves, with nothing left open and no "not reached"', () => {
    const read = readRecord(v1Row(41));
    expect(read.ok && read.value.event).toEqual({
      type: 'signed-out',
      reason: 'self',
      openServiceId: null,
      summary: {
        services: 1,
        finished: 0,
        abandoned: 1,
        stepsDone: 1,
        stepsApplicable: 17,
        stepsNotReached: null,
        averageMs: null,
        skips: 1,
        skipReasons: { 'customer-in-hurry': 1 },
      },
    });
  });

  it('restores a v1 sign-in without what it said about a replaced session', () => {
    const read = readRecord(v1Row(4));
    expect(read.ok && read.value.event).toEqual({ type: 'signed-in', role: 'manager' });
  });

  it('restores a v1 configuration change as a change of the idle lock', () => {
    const row = { ...v1Row(38), event: { type: 'config-changed', idleLockMinutes: 5 } };
    const read = readRecord(row);
    expect(read.ok && read.value.event).toEqual({
      type: 'config-changed',
      change: { key: 'idle-lock-minutes', value: 5 },
    });
  });

  it('keeps a surname v1’s looser rule let through, but refuses it in a v2 record', async () => {
    const row = v1Row(9);
    (row.event as Row).surname = '欧阳娜娜';
    const read = readRecord(row);
    expect(read.ok && read.value.event).toMatchObject({ surname: '欧阳娜娜' });
    const v2 = {
      ...(await sealRecord(unsealed(1, GENESIS_HASH))),
      event: { ...(row.event as Row) },
    };
    expect(readRecord(v2).ok).toBe(false);
  });

  it('refuses rows of no known version, v1 rows with v2 fields and v2 rows without a device', async () => {
    const unknown = readRecord({ ...v1Row(1), v: 3 });
    expect(unknown).toEqual({
      ok: false,
      error: { seq: 1, issues: ['unknown record version 3'] },
    });
    expect(readRecord({ ...v1Row(1), device: '00000000-0000-4000-8000-0000000000de' }).ok).toBe(
      false,
    );
    const { device: _device, ...noDevice } = await sealRecord(unsealed(1, GENESIS_HASH));
    expect(readRecord(noDevice)).toMatchObject({ ok: false, error: { seq: 1 } });
    expect(readRecord(null)).toMatchObject({ ok: false, error: { seq: null } });
  });

  it('lists the rows that fail apart, never dropping them silently', () => {
    const { records, invalid } = readRecords([v1Row(1), { seq: 2, garbage: true }, v1Row(3)]);
    expect(records.map((record) => record.seq)).toEqual([1, 3]);
    expect(invalid).toEqual([{ seq: 2, issues: ['unknown record version undefined'] }]);
  });
});

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
    const verifier = new LogVerifier();
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

describe('records forged with DevTools that link perfectly but break the rules', () => {
  /** Verifies the forged rows, after checking that every hash in them links. */
  async function verdictOf(rows: Row[]) {
    expect(await linked(rows)).toBe(true);
    return problemOf(await verifyRows(rows));
  }

  it('a clerk’s sign-in claiming the manager’s role', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    const seq = log.head.seq;
    const forged = await rewrite(log.rows, indexOfSeq(log.rows, seq), (row) => {
      eventOf(row).role = 'manager';
    });
    expect(await verdictOf(forged)).toEqual({
      kind: 'rule',
      seq,
      rule: 'role-mismatch',
      eventType: 'signed-in',
      staffNo: CLERK,
    });
  });

  it('a clerk creating a new manager', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    const forged = await forgeAfter(log.rows, [
      { staffNo: CLERK, event: { type: 'account-created', subject: '9002', role: 'manager' } },
      {
        staffNo: CLERK,
        event: { type: 'pin-set', subject: '9002', reason: 'created', commitment: 'a'.repeat(64) },
      },
    ]);
    expect(await verdictOf(forged)).toEqual({
      kind: 'rule',
      seq: log.head.seq + 1,
      rule: 'not-allowed-for-role',
      eventType: 'account-created',
      staffNo: CLERK,
    });
  });

  it('an auditor recording a step of the clerk’s open service', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    await log.must(startCommand());
    await log.must({ type: 'lock', reason: 'manual' });
    await log.must({ type: 'sign-in', staffNo: AUDITOR, pin: PIN });
    const serviceId = openService(log.state)!.serviceId;
    const forged = await forgeAfter(log.rows, [
      { staffNo: AUDITOR, serviceId, event: { type: 'step-done', stepId: 'stand-to-greet' } },
    ]);
    const problem = await verdictOf(forged);
    expect(problem).toMatchObject({ kind: 'rule', seq: log.head.seq + 1, staffNo: AUDITOR });
    expect(['not-allowed-for-role', 'not-the-open-service']).toContain(
      problem?.kind === 'rule' && problem.rule,
    );
  });

  it('an existing account created again, which would change its role', async () => {
    const log = await staffedLog();
    await log.must({ type: 'sign-in', staffNo: MANAGER, pin: PIN });
    // The domain refuses this as a command…
    const again = { type: 'create-account', staffNo: CLERK, role: 'manager' } as const;
    expect((await log.run({ ...again, pin: PIN, confirmation: PIN })).refusal).toEqual({
      code: 'account-exists',
    });
    // …so a record of it can only have been written by hand; folded, it makes the clerk a manager.
    const forged = await forgeAfter(log.rows, [
      { staffNo: MANAGER, event: { type: 'account-created', subject: CLERK, role: 'manager' } },
    ]);
    const { records } = readRecords(forged);
    expect(foldDevice(records).accounts.get(CLERK)?.role).toBe('manager');
    expect(await verdictOf(forged)).toMatchObject({
      kind: 'rule',
      seq: log.head.seq + 1,
      eventType: 'account-created',
    });
  });

  it('a sign-in by a staff number that has no account', async () => {
    const log = await staffedLog();
    const forged = await forgeAfter(log.rows, [
      { staffNo: '5555', event: { type: 'signed-in', role: 'manager' } },
    ]);
    expect(await verdictOf(forged)).toMatchObject({
      kind: 'rule',
      seq: log.head.seq + 1,
      rule: 'no-such-account',
      staffNo: '5555',
    });
  });

  it('a service started by a clerk who is not signed in', async () => {
    const log = await staffedLog();
    const forged = await forgeAfter(log.rows, [
      {
        staffNo: CLERK,
        serviceId: '00000000-0000-4000-8000-00000000f00d',
        event: {
          type: 'service-started',
          ticket: 'A001',
          title: 'mr',
          surname: null,
          businessType: 'enquiry',
          targetSeconds: 300,
        },
      },
    ]);
    expect(await verdictOf(forged)).toMatchObject({
      kind: 'rule',
      seq: log.head.seq + 1,
      rule: 'not-signed-in',
    });
  });

  it('a step recorded under another person’s staff number than the signed-in clerk’s', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    await log.must(startCommand());
    const serviceId = openService(log.state)!.serviceId;
    const forged = await forgeAfter(log.rows, [
      { staffNo: MANAGER, serviceId, event: { type: 'step-done', stepId: 'stand-to-greet' } },
    ]);
    expect(await verdictOf(forged)).toMatchObject({
      kind: 'rule',
      seq: log.head.seq + 1,
      rule: 'not-session-owner',
      staffNo: MANAGER,
    });
  });

  it.each([
    [
      'a service finished with steps pending',
      { type: 'service-finished', durationMs: 1_000 },
      'finished-with-steps-pending',
    ],
    [
      'a sign-out that leaves the clerk’s service open',
      {
        type: 'signed-out',
        reason: 'self',
        openServiceId: null,
        summary: {
          services: 0,
          finished: 0,
          abandoned: 0,
          stepsDone: 0,
          stepsApplicable: 0,
          stepsNotReached: 0,
          averageMs: null,
          skips: 0,
          skipReasons: {},
        },
      },
      'service-left-open',
    ],
    [
      'a second sign-in over an unlocked session',
      { type: 'signed-in', role: 'clerk' },
      'session-still-active',
    ],
    [
      'a second service while one is open',
      {
        type: 'service-started',
        ticket: 'A026',
        title: 'ms',
        surname: null,
        businessType: 'enquiry',
        targetSeconds: 300,
      },
      'service-already-open',
    ],
    [
      'an unlock of a screen that is not locked',
      { type: 'screen-unlocked', as: 'self' },
      'not-locked',
    ],
    ['a second device set-up', { type: 'device-set-up', counter: '3' }, 'device-set-up-twice'],
  ] as const)('%s', async (_name, event, rule) => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    await log.must(startCommand());
    const forged = await forgeAfter(log.rows, [
      {
        staffNo: CLERK,
        serviceId: event.type === 'service-finished' ? openService(log.state)!.serviceId : null,
        event,
      },
    ]);
    expect(await verdictOf(forged)).toMatchObject({ kind: 'rule', seq: log.head.seq + 1, rule });
  });

  it.each([
    ['another device', { device: '00000000-0000-4000-8000-00000000beef' }, 'wrong-device'],
    ['another counter', { counter: '4' }, 'wrong-counter'],
  ])('a record that claims %s', async (_name, row, rule) => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    const forged = await forgeAfter(log.rows, [
      { staffNo: CLERK, event: { type: 'screen-locked', reason: 'manual' }, row },
    ]);
    expect(await verdictOf(forged)).toMatchObject({ kind: 'rule', seq: log.head.seq + 1, rule });
  });

  it('a checkpoint written under a staff number', async () => {
    const log = await staffedLog();
    const checkpoint = log.rows.find((row) => row.event.type === 'checkpoint')!;
    const forged = await forgeAfter(log.rows, [
      { staffNo: MANAGER, event: { ...checkpoint.event } },
    ]);
    expect(await verdictOf(forged)).toMatchObject({ rule: 'device-record-by-staff' });
  });

  it('a session ended "for a sign-in" that is followed by something else', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    await log.must({ type: 'lock', reason: 'manual' });
    const forged = await forgeAfter(log.rows, [
      {
        staffNo: MANAGER,
        event: {
          type: 'signed-out',
          reason: 'replaced',
          openServiceId: null,
          summary: {
            services: 0,
            finished: 0,
            abandoned: 0,
            stepsDone: 0,
            stepsApplicable: 0,
            stepsNotReached: 0,
            averageMs: null,
            skips: 0,
            skipReasons: {},
          },
        },
      },
      {
        staffNo: MANAGER,
        event: { type: 'config-changed', change: { key: 'tap-guard-ms', value: 0 } },
      },
    ]);
    expect(await verdictOf(forged)).toMatchObject({
      seq: log.head.seq + 2,
      rule: 'replace-without-sign-in',
    });
  });
});

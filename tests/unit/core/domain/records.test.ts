/**
 * Log records on their own: canonical serialisation, hashing and sealing, and reading records —
 * v2 as stored, and every kind release 0.1.0 (v1) wrote.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalize, sha256Hex } from '../../../../core/domain/log/canonical';
import { GENESIS_HASH } from '../../../../core/domain/log/events';
import {
  hashOf,
  readRecord,
  readRecords,
  sealRecord,
  type UnsealedRecord,
} from '../../../../core/domain/log/records';
import type { Row } from './device-log';
import { fixture, v1Row } from './log-support';

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

  it('says what is wrong with a refused row, field by field, in words', async () => {
    // zod/mini has no messages of its own ("Invalid input" for everything): these are zod's
    // English ones, set once in core/domain/zod.ts, as classic zod wrote them before.
    const row = {
      ...(await sealRecord(unsealed(1, GENESIS_HASH))),
      seq: 0,
      id: 'not-a-uuid',
      at: '2026-11-23 09:00',
      mono: { boot: '', ms: 1.5 },
      staffNo: 'a',
      event: { type: 'screen-locked', reason: 'nap' },
      prevHash: 'x',
      extra: 1,
    };
    expect(readRecord(row)).toEqual({
      ok: false,
      error: {
        seq: 0,
        issues: [
          'seq: Too small: expected number to be >0',
          'id: Invalid UUID',
          'at: Invalid ISO datetime',
          'mono.boot: Too small: expected string to have >=1 characters',
          'mono.ms: Invalid input: expected int, received number',
          'prevHash: Invalid string: must match pattern /^[0-9a-f]{64}$/',
          'staffNo: Invalid string: must match pattern /^[A-Za-z0-9]{3,12}$/',
          'event.reason: Invalid option: expected one of "idle"|"leave-seat"|"manual"',
          '(record): Unrecognized key: "extra"',
        ],
      },
    });
  });

  it('lists the rows that fail apart, never dropping them silently', () => {
    const { records, invalid } = readRecords([v1Row(1), { seq: 2, garbage: true }, v1Row(3)]);
    expect(records.map((record) => record.seq)).toEqual([1, 3]);
    expect(invalid).toEqual([{ seq: 2, issues: ['unknown record version undefined'] }]);
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  type LogRecord,
  type UnsealedRecord,
} from '../../../../renderer/domain/events';
import {
  canonicalize,
  sealRecord,
  sha256Hex,
  verifyChain,
} from '../../../../renderer/domain/hash-chain';

const unsealed = (seq: number, prevHash: string): UnsealedRecord => ({
  v: 1,
  seq,
  id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
  at: '2026-11-23T09:00:00.000Z',
  mono: { boot: 'boot-1', ms: seq * 10 },
  staffNo: '1001',
  counter: '3',
  serviceId: null,
  event: { type: 'step-done', stepId: 'greet-aloud' },
  prevHash,
});

async function chain(length: number): Promise<LogRecord[]> {
  const records: LogRecord[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const record = await sealRecord(unsealed(seq, prev));
    records.push(record);
    prev = record.hash;
  }
  return records;
}

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

  it('escapes strings as JSON does and keeps Chinese text as is', () => {
    expect(canonicalize({ note: '张 "先生"\n' })).toBe('{"note":"张 \\"先生\\"\\n"}');
  });

  it('leaves out undefined fields like JSON, and refuses values JSON cannot carry', () => {
    expect(canonicalize({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalize({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalize({ a: 1n })).toThrow(TypeError);
  });
});

describe('hashing', () => {
  it('is SHA-256 of the UTF-8 bytes, in lowercase hex', async () => {
    const text = canonicalize({ 名: '张' });
    expect(await sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('seals a record over everything but its own hash, previous hash included', async () => {
    const record = await sealRecord(unsealed(1, GENESIS_HASH));
    expect(record.hash).toBe(
      createHash('sha256')
        .update(canonicalize(unsealed(1, GENESIS_HASH)))
        .digest('hex'),
    );
  });
});

describe('verifying a chain', () => {
  it('says intact for an untouched chain', async () => {
    expect(await verifyChain(await chain(5))).toMatchObject({ intact: true, count: 5 });
  });

  it('names the first record whose content was changed', async () => {
    const records = await chain(5);
    const tampered = records.map((record) =>
      record.seq === 3 ? { ...record, staffNo: '9999' } : record,
    );
    expect(await verifyChain(tampered)).toMatchObject({
      intact: false,
      firstBadSeq: 3,
      problem: 'hash-mismatch',
    });
  });

  it('notices a key added inside the event, which parsing alone would drop', async () => {
    const records = await chain(3);
    const tampered = records.map((record) =>
      record.seq === 2 ? { ...record, event: { ...record.event, extra: 'x' } } : record,
    );
    expect(await verifyChain(tampered)).toMatchObject({
      intact: false,
      firstBadSeq: 2,
      problem: 'hash-mismatch',
    });
  });

  it('notices a removed record', async () => {
    const records = await chain(5);
    expect(await verifyChain(records.filter((record) => record.seq !== 2))).toMatchObject({
      intact: false,
      firstBadSeq: 3,
      problem: 'sequence-gap',
    });
  });

  it('notices a record re-sealed after editing: its successor no longer links to it', async () => {
    const records = await chain(4);
    const { hash: _old, ...rest } = { ...records[1]!, staffNo: '9999' };
    records[1] = await sealRecord(rest);
    expect(await verifyChain(records)).toMatchObject({
      intact: false,
      firstBadSeq: 3,
      problem: 'broken-link',
    });
  });

  it('reports a record that is not a log record at all', async () => {
    const records: unknown[] = await chain(2);
    records.push({ seq: 3, garbage: true });
    expect(await verifyChain(records)).toMatchObject({
      intact: false,
      firstBadSeq: 3,
      problem: 'invalid-record',
    });
  });

  it('verifies a slice that starts at a known link', async () => {
    const records = await chain(5);
    expect(
      await verifyChain(records.slice(2), { seq: 3, prevHash: records[1]!.hash }),
    ).toMatchObject({ intact: true });
  });
});

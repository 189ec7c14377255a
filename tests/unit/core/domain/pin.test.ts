import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NO_LOCKOUT, lockoutFrom } from '../../../../core/domain/access/lockout';
import {
  PBKDF2_ITERATIONS,
  checkNewPin,
  constantTimeEqual,
  credentialCommitment,
  hashPin,
  verifyPin,
  waitAfterFailures,
  type Credential,
} from '../../../../core/domain/access/pin';
import { canonicalize } from '../../../../core/domain/log/canonical';
import type { EventOf } from '../../../../core/domain/log/events';
import { readRecords, type LogRecord } from '../../../../core/domain/log/records';
import { ABILITIES, RoleSchema, can } from '../../../../core/domain/permissions';

describe('new PINs', () => {
  it.each([
    ['12345', 'pin-format'],
    ['1234567890123', 'pin-format'],
    ['12a456', 'pin-format'],
    ['１２３４５６', 'pin-format'],
    ['000000', 'pin-too-simple'],
    ['123456', 'pin-too-simple'],
    ['987654', 'pin-too-simple'],
    ['0123456789', 'pin-too-simple'],
  ])('refuses %s (%s)', (pin, refusal) => {
    expect(checkNewPin(pin, pin)).toBe(refusal);
  });

  it('accepts 6 to 12 digits that are not a pattern, typed the same twice', () => {
    expect(checkNewPin('246810', '246810')).toBeNull();
    expect(checkNewPin('135792468024', '135792468024')).toBeNull();
    expect(checkNewPin('121212', '121212')).toBeNull();
    expect(checkNewPin('246810', '246811')).toBe('pins-differ');
  });
});

describe('PIN hashing', () => {
  it('uses PBKDF2-HMAC-SHA256 with at least 600,000 iterations and a 16-byte random salt by default', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const credential = await hashPin('1001', '246810');
    expect(credential).toMatchObject({
      staffNo: '1001',
      algorithm: 'PBKDF2-HMAC-SHA256',
      iterations: PBKDF2_ITERATIONS,
    });
    expect(credential.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(credential.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyPin(credential, '246810')).toBe(true);
    expect(await verifyPin(credential, '246811')).toBe(false);
  });

  it('is PBKDF2 as Node computes it, over the PIN with the stored salt', async () => {
    const credential = await hashPin('1001', '246810', 1_000);
    const { pbkdf2Sync } = await import('node:crypto');
    const expected = pbkdf2Sync(
      '246810',
      Buffer.from(credential.salt, 'hex'),
      1_000,
      32,
      'sha256',
    ).toString('hex');
    expect(credential.hash).toBe(expected);
  });

  it('salts every hash differently, so equal PINs do not look equal', async () => {
    const [a, b] = await Promise.all([
      hashPin('1001', '246810', 1_000),
      hashPin('1002', '246810', 1_000),
    ]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('verifies with the app’s iteration count', async () => {
    const credential = await hashPin('1001', '246810', 2_000);
    expect(await verifyPin(credential, '246810', 2_000)).toBe(true);
    expect(await verifyPin(credential, '246811', 2_000)).toBe(false);
  });

  it('never matches a row written with another iteration count, even with the right PIN', async () => {
    // Someone with DevTools writes a row hashed with one iteration to make guessing cheap.
    const cheap = await hashPin('1001', '246810', 1);
    expect(await verifyPin(cheap, '246810', 1)).toBe(true);
    expect(await verifyPin(cheap, '246810', 2_000)).toBe(false);
    // …or keeps the hash and lowers only the number in the row, or raises it to the app's.
    const real = await hashPin('1001', '246810', 2_000);
    expect(await verifyPin({ ...real, iterations: 1_000 }, '246810', 2_000)).toBe(false);
    expect(await verifyPin({ ...cheap, iterations: 2_000 }, '246810', 2_000)).toBe(false);
  });
});

describe('credential commitments', () => {
  const credential: Credential = {
    staffNo: '1001',
    algorithm: 'PBKDF2-HMAC-SHA256',
    iterations: 600_000,
    salt: 'f535fb0e2cc687dd7eec3db5c590d90a',
    hash: '39ab9d62afe6ae0f1cc857b46f5a822055c3209c6786d2d3c77e6972ae51c6ca',
  };

  it('is SHA-256 over the canonical staff number, algorithm, iterations, salt and key', async () => {
    const commitment = await credentialCommitment(credential);
    expect(commitment).toBe(createHash('sha256').update(canonicalize(credential)).digest('hex'));
  });

  it('is stable: the same credential, fields in any order, with the storage’s own fields', async () => {
    const stored = {
      id: 7,
      eventSeq: 12,
      hash: credential.hash,
      salt: credential.salt,
      iterations: credential.iterations,
      algorithm: credential.algorithm,
      staffNo: credential.staffNo,
    };
    const commitment = await credentialCommitment(credential);
    expect(await credentialCommitment({ ...credential })).toBe(commitment);
    expect(await credentialCommitment(stored)).toBe(commitment);
  });

  it('differs when the staff number, salt, hash or iterations differ', async () => {
    const variants: Credential[] = [
      credential,
      { ...credential, staffNo: '1002' },
      { ...credential, salt: 'f535fb0e2cc687dd7eec3db5c590d90b' },
      { ...credential, hash: `${credential.hash.slice(0, 63)}b` },
      { ...credential, iterations: 600_001 },
    ];
    const commitments = await Promise.all(variants.map(credentialCommitment));
    expect(new Set(commitments).size).toBe(variants.length);
    for (const commitment of commitments) expect(commitment).toMatch(/^[0-9a-f]{64}$/);
  });
});

/** Bytes that count which of their indices were read. */
function watched(values: number[]): { bytes: Uint8Array; read: Set<number> } {
  const read = new Set<number>();
  const target = Uint8Array.from(values);
  const bytes = new Proxy(target, {
    get(object, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) read.add(Number(key));
      return Reflect.get(object, key) as unknown;
    },
  });
  return { bytes, read };
}

describe('constant-time comparison', () => {
  const secret = Array.from({ length: 32 }, (_, index) => (index * 37 + 11) % 256);
  const all = (length: number) => new Set(Array.from({ length }, (_, index) => index));

  it('says equal only for the same bytes', () => {
    expect(constantTimeEqual(Uint8Array.from(secret), Uint8Array.from(secret))).toBe(true);
    expect(constantTimeEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });

  it.each([
    ['the first', 0],
    ['a middle', 16],
    ['the last', 31],
  ])('reads every byte of both when %s byte differs', (_where, index) => {
    const other = [...secret];
    other[index] = (other[index]! + 1) % 256;
    const a = watched(secret);
    const b = watched(other);
    expect(constantTimeEqual(a.bytes, b.bytes)).toBe(false);
    expect(a.read).toEqual(all(32));
    expect(b.read).toEqual(all(32));
  });

  it('refuses a prefix of the secret, still reading the whole length', () => {
    const a = watched(secret);
    const b = watched(secret.slice(0, 31));
    expect(constantTimeEqual(a.bytes, b.bytes)).toBe(false);
    expect(a.read).toEqual(all(32));
    expect(constantTimeEqual(new Uint8Array([1, 2, 0]), new Uint8Array([1, 2]))).toBe(false);
  });
});

describe('waiting after wrong PINs', () => {
  it('waits nothing for four, then 30 s, 1 min, 2 min… capped at an hour', () => {
    expect([0, 1, 2, 3, 4].map(waitAfterFailures)).toEqual([0, 0, 0, 0, 0]);
    expect([5, 6, 7, 8].map(waitAfterFailures)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(waitAfterFailures(11)).toBe(1_920_000);
    expect(waitAfterFailures(12)).toBe(3_600_000);
    expect(waitAfterFailures(30)).toBe(3_600_000);
  });
});

type FailureReason = EventOf<'sign-in-failed'>['reason'];

const AT = Date.parse('2026-11-23T09:00:00.000Z');

/** A `sign-in-failed` record by 1001, `seconds` after 09:00. */
function failure(seq: number, seconds: number, reason: FailureReason = 'wrong-pin'): LogRecord {
  return {
    v: 2,
    seq,
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    at: new Date(AT + seconds * 1_000).toISOString(),
    mono: { boot: 'boot', ms: seconds * 1_000 },
    device: '00000000-0000-4000-8000-0000000000de',
    staffNo: '1001',
    counter: '3',
    serviceId: null,
    event: {
      type: 'sign-in-failed',
      subject: '1001',
      reason,
      during: 'sign-in',
      failuresInARow: 0,
    },
    prevHash: '0'.repeat(64),
    hash: '1'.repeat(64),
  };
}

describe('the lockout a run of failures starts', () => {
  it('is none without failures', () => {
    expect(lockoutFrom([])).toEqual(NO_LOCKOUT);
  });

  it('counts the failures but makes no one wait before the fifth', () => {
    // "retryAt … 0 when there is no wait" (access/lockout.ts): with the last failure's time
    // instead, a clock set back after one typo refuses the next sign-in as "waiting".
    const four = [1, 2, 3, 4].map((n) => failure(n, n));
    expect(lockoutFrom(four)).toEqual({ failuresInARow: 4, retryAt: 0 });
  });

  it('makes the fifth wrong PIN wait 30 s from that failure, the sixth a minute', () => {
    const five = [1, 2, 3, 4, 5].map((n) => failure(n, n * 10));
    expect(lockoutFrom(five)).toEqual({ failuresInARow: 5, retryAt: AT + 50_000 + 30_000 });
    expect(lockoutFrom([...five, failure(6, 70)])).toEqual({
      failuresInARow: 6,
      retryAt: AT + 70_000 + 60_000,
    });
  });

  it('counts wrong PINs and unknown staff numbers only, timed from the last one counted', () => {
    const records = [
      failure(1, 1, 'wrong-pin'),
      failure(2, 2, 'waiting'),
      failure(3, 3, 'unknown-account'),
      failure(4, 4, 'not-allowed'),
      failure(5, 5, 'credential-mismatch'),
      failure(6, 6, 'wrong-pin'),
      failure(7, 7, 'account-disabled'),
      failure(8, 8, 'wrong-pin'),
      failure(9, 9, 'unknown-account'),
      failure(10, 100, 'waiting'),
    ];
    expect(lockoutFrom(records)).toEqual({ failuresInARow: 5, retryAt: AT + 9_000 + 30_000 });
  });

  it('reads the failures release 0.1.0 wrote', () => {
    const fixture = JSON.parse(
      readFileSync(new URL('../../../fixtures/release-0.1.0.json', import.meta.url), 'utf8'),
    ) as { events: unknown[] };
    const failures = readRecords(fixture.events).records.filter(
      (record) => record.event.type === 'sign-in-failed',
    );
    expect(failures.map((record) => record.seq)).toEqual([31, 32]);
    expect(lockoutFrom(failures).failuresInARow).toBe(2);
  });
});

describe('permissions', () => {
  it('lets clerks run services only, auditors verify, export and review only, managers everything', () => {
    const grid = Object.fromEntries(
      RoleSchema.options.map((role) => [role, ABILITIES.filter((ability) => can(role, ability))]),
    );
    expect(grid).toEqual({
      clerk: ['run-service'],
      manager: [...ABILITIES],
      auditor: ['verify-log', 'export-log', 'review-services'],
    });
    expect(ABILITIES).toEqual([
      'run-service',
      'manage-accounts',
      'change-config',
      'unlock-for-others',
      'verify-log',
      'export-log',
      'amend-service',
      'import-log',
      'spot-check',
      'review-services',
      'confirm-escalation',
      'close-follow-up',
      'erase-personal-values',
    ]);
  });
});

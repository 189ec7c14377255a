import { describe, expect, it } from 'vitest';
import { can, RoleSchema } from '../../../../renderer/domain/permissions';
import {
  PBKDF2_ITERATIONS,
  checkNewPin,
  constantTimeEqual,
  hashPin,
  verifyPin,
  waitAfterFailures,
} from '../../../../renderer/domain/pin';

describe('new PINs', () => {
  it.each([
    ['12345', 'pin-format'],
    ['1234567890123', 'pin-format'],
    ['12a456', 'pin-format'],
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
    expect(checkNewPin('246810', '246811')).toBe('pins-differ');
  });
});

describe('PIN hashing', () => {
  it('uses PBKDF2-HMAC-SHA256 with at least 600,000 iterations and a 16-byte random salt by default', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const credential = await hashPin('1001', '246810');
    expect(credential).toMatchObject({
      algorithm: 'PBKDF2-HMAC-SHA256',
      iterations: PBKDF2_ITERATIONS,
    });
    expect(credential.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(await verifyPin(credential, '246810')).toBe(true);
    expect(await verifyPin(credential, '246811')).toBe(false);
  });

  it('salts every hash differently, so equal PINs do not look equal', async () => {
    const [a, b] = await Promise.all([
      hashPin('1001', '246810', 1_000),
      hashPin('1002', '246810', 1_000),
    ]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('verifies with the iteration count stored with the hash', async () => {
    const credential = await hashPin('1001', '246810', 2_000);
    expect(await verifyPin(credential, '246810')).toBe(true);
    expect(await verifyPin({ ...credential, iterations: 2_001 }, '246810')).toBe(false);
  });

  it('compares in constant time over the whole length', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false);
  });
});

describe('waiting after wrong PINs', () => {
  it('waits nothing for four, then 30 s, 1 min, 2 min… capped at an hour', () => {
    expect([1, 2, 3, 4].map(waitAfterFailures)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map(waitAfterFailures)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(waitAfterFailures(30)).toBe(3_600_000);
  });
});

describe('permissions', () => {
  it('lets clerks run services only, auditors verify only, managers everything', () => {
    const actions = [
      'run-service',
      'manage-accounts',
      'change-config',
      'unlock-for-others',
      'verify-log',
    ] as const;
    const grid = Object.fromEntries(
      RoleSchema.options.map((role) => [role, actions.filter((action) => can(role, action))]),
    );
    expect(grid).toEqual({
      clerk: ['run-service'],
      manager: [...actions],
      auditor: ['verify-log'],
    });
  });
});

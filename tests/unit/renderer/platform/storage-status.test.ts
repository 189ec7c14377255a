import { describe, expect, it } from 'vitest';
import { STORAGE_WARNING_SHARE, storageFullness } from '../../../../renderer/platform/bridge';

const status = (usageBytes: number | null, quotaBytes: number | null) => ({
  persisted: true,
  usageBytes,
  quotaBytes,
});

describe('storageFullness', () => {
  it('gives the share used, what is left, and a warning from 80 % full', () => {
    expect(STORAGE_WARNING_SHARE).toBe(0.8);
    expect(storageFullness(status(790, 1000))).toEqual({
      share: 0.79,
      leftBytes: 210,
      warn: false,
    });
    expect(storageFullness(status(800, 1000))).toEqual({ share: 0.8, leftBytes: 200, warn: true });
    expect(storageFullness(status(1200, 1000))).toEqual({ share: 1, leftBytes: 0, warn: true });
  });

  it('says nothing where the platform cannot tell', () => {
    expect(storageFullness(status(null, 1000))).toBeNull();
    expect(storageFullness(status(10, null))).toBeNull();
    expect(storageFullness(status(10, 0))).toBeNull();
  });
});

/**
 * A day's export stays the size of a day (decision 0074): with the device's previous export, the
 * next export's key chain starts where that export's ended, carries only the key records since,
 * and is checked with it — by `counter-steps verify --previous` and by tools/verify-export.py,
 * which agree. Alone, such an export is unusable input (exit 2: it needs --previous); a
 * stand-alone export still carries the whole key chain and verifies alone.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/verify';
import { businessDay } from '../../../core/domain/device/config';
import { startsWhereEnded } from '../../../core/export/continuity';
import type { Manifest } from '../../../core/export/format';
import { makeExport, memoryTarget, type ExportRequest } from '../../../renderer/storage';
import { AUDITOR, CLERK, fullService, staffedDevice, type TestDevice } from '../helpers/builders';

const SCRIPT = join(import.meta.dirname, '../../../tools/verify-export.py');
const labels = {
  business: (code: string) => `B:${code}`,
  step: (id: string) => `S:${id}`,
  complaintCategory: (code: string) => `C:${code}`,
};

async function python(...args: string[]) {
  try {
    const { stdout } = await promisify(execFile)('/usr/bin/python3', [SCRIPT, ...args]);
    return { code: 0, out: stdout.trim() };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, out: failed.stdout.trim() };
  }
}

async function cli(...args: string[]) {
  const out: string[] = [];
  const code = await main(['verify', ...args, '--lang', 'en'], {
    out: (line) => out.push(line),
    err: (line) => out.push(line),
    env: {},
  });
  return { code, out: out.join('\n') };
}

/** Both verifiers' exit codes for the same arguments. */
const both = async (...args: string[]) => [(await cli(...args)).code, (await python(...args)).code];

interface Made {
  path: string;
  manifest: Manifest;
}

/** A day of work, then the auditor's export of it (`keyChain` as the Export button asks). */
async function day(
  device: TestDevice,
  dir: string,
  index: number,
  keyChain?: ExportRequest['keyChain'],
  name = 'day',
): Promise<Made> {
  await device.must({ type: 'lock', reason: 'manual' });
  await device.must({ type: 'sign-in', ...CLERK });
  for (let service = 0; service < 3; service += 1)
    await fullService(device, `A${index}${service}0`, `A${index}${service}1`);
  await device.must({ type: 'lock', reason: 'manual' });
  await device.must({ type: 'sign-in', ...AUDITOR });
  const today = businessDay(device.clock.now, device.store.snapshot.state.config);
  const target = memoryTarget();
  const made = await makeExport(
    device.store,
    {
      range: { from: today, to: today },
      masking: 'none',
      locale: 'en',
      appVersion: 'test',
      labels,
      ...(keyChain ? { keyChain } : {}),
    },
    target,
  );
  if (!made.ok) throw new Error(JSON.stringify(made.error));
  const path = join(dir, `${name}${index}-${keyChain ?? 'default'}.zip`);
  await writeFile(path, target.bytes());
  device.clock.now += 24 * 3600_000;
  return { path, manifest: made.value.result.manifest };
}

const checkpoints = (manifest: Manifest) =>
  manifest.keyRecords.filter((row) => (row.event as { type: string }).type === 'checkpoint');

describe('a day’s export whose key chain starts at the previous export', () => {
  let days: Made[];
  let standalone: Made;
  let otherDevice: Made;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'key-chain-from-'));
    const device = await staffedDevice();
    // A log of six days, each exported: every export seals a checkpoint, and so adds a key.
    days = [await day(device, dir, 1)];
    for (let index = 2; index <= 6; index += 1)
      days.push(await day(device, dir, index, 'from-previous'));
    standalone = await day(device, dir, 7, 'whole');
    const other = await staffedDevice();
    await day(other, dir, 1, undefined, 'other');
    otherDevice = await day(other, dir, 2, 'from-previous', 'other');
  }, 120_000);

  it('carries only the key records since the previous export’s last one', () => {
    const [first, , , , fifth, sixth] = days as [Made, Made, Made, Made, Made, Made];
    expect(first.manifest.keyChainFrom).toBeUndefined();
    const start = sixth.manifest.keyChainFrom!;
    // The start is the last key record the previous export held.
    const previousKeys = fifth.manifest.keyRecords.filter(
      (row) => (row.seq as number) <= fifth.manifest.records.last.seq,
    );
    expect(start.seq).toBe(previousKeys.at(-1)!.seq);
    expect(start.keyIndex).toBe(fifth.manifest.signature.keyIndex);
    expect(sixth.manifest.formatVersion).toBe(4);
    for (const row of sixth.manifest.keyRecords)
      expect(row.seq as number).toBeGreaterThan(start.seq);
    // A day's own checkpoints: the same count on the sixth day as on the second.
    expect(checkpoints(sixth.manifest).length).toBe(checkpoints(days[1]!.manifest).length);
    // The stand-alone export of the seventh day carries every checkpoint since the first key.
    expect(standalone.manifest.keyChainFrom).toBeUndefined();
    expect(standalone.manifest.keyRecords[0]).toMatchObject({ event: { type: 'device-identity' } });
    expect(checkpoints(standalone.manifest).length).toBeGreaterThanOrEqual(
      6 * checkpoints(sixth.manifest).length,
    );
  });

  it('verifies with its previous export, by the CLI and the second verifier alike', async () => {
    for (let index = 1; index < days.length; index += 1) {
      const pair: string[] = [days[index]!.path, '--previous', days[index - 1]!.path];
      expect(await both(...pair)).toEqual([0, 0]);
    }
    expect(await both(standalone.path, '--previous', days[5]!.path)).toEqual([0, 0]);
  }, 60_000);

  it('without its previous export is unusable input that says it needs --previous', async () => {
    const alone = await cli(days[3]!.path);
    expect(alone.code).toBe(2);
    expect(alone.out).toMatch(/--previous/);
    const second = await python(days[3]!.path);
    expect(second.code).toBe(2);
    expect(second.out).toMatch(/--previous/);
  }, 30_000);

  it('fails against a wrong previous export', async () => {
    // Not the one before it (a gap), this same export, and another device's.
    expect(await both(days[3]!.path, '--previous', days[1]!.path)).toEqual([1, 1]);
    expect(await both(days[3]!.path, '--previous', days[3]!.path)).toEqual([1, 1]);
    expect(await both(otherDevice.path, '--previous', days[0]!.path)).toEqual([1, 1]);
  }, 30_000);

  it('names the start only where the previous export’s checked chain ended', () => {
    const start = days[5]!.manifest.keyChainFrom!;
    expect(startsWhereEnded(days[4]!.manifest, start)).toBe(true);
    // Another key number, another key, another export's end: each is not where it ended.
    expect(startsWhereEnded(days[4]!.manifest, { ...start, keyIndex: start.keyIndex + 1 })).toBe(
      false,
    );
    expect(
      startsWhereEnded(days[4]!.manifest, { ...start, key: days[0]!.manifest.device.firstKey }),
    ).toBe(false);
    expect(startsWhereEnded(days[3]!.manifest, start)).toBe(false);
  });

  it('a stand-alone export still carries the whole key chain and verifies alone', async () => {
    expect(await both(standalone.path)).toEqual([0, 0]);
    expect(await both(days[0]!.path)).toEqual([0, 0]);
  }, 30_000);
});

/**
 * Privacy that survives verification (decision 0068): the records hold salted commitments to the
 * customers' surnames and the free-text notes, the values sit beside the log. A masked export
 * holds no surname anywhere — every file, and every file inside log.xlsx, grepped with Python's
 * zipfile (tools/grep-zip.py, a reader we did not write) — and still verifies intact with
 * `counter-steps verify` and tools/verify-export.py; a full export carries each value with its
 * salt, and both verifiers check each against its record's commitment and catch a changed one. A
 * manager's erasure of old values changes no hash and is recorded.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../cli/verify';
import { openService } from '../../../../core/domain/device/state';
import { FILES } from '../../../../core/export/format';
import { verifyExport } from '../../../../core/export/verify-export';
import { CLERK, MANAGER, startCommand, type TestDevice } from '../../helpers/builders';
import { dayWithServices, exportDay, files } from '../../helpers/exports';

const PYTHON = '/usr/bin/python3';
const TOOLS = join(import.meta.dirname, '../../../../tools');
const SURNAMES = ['张', '欧阳', 'Blennerhassett'];
const decoder = new TextDecoder();

async function run(file: string, ...args: string[]) {
  try {
    const { stdout } = await promisify(execFile)(PYTHON, [join(TOOLS, file), ...args]);
    return { code: 0, out: stdout.trim() };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: `${failed.stdout}${failed.stderr}`.trim() };
  }
}

async function cli(path: string) {
  const out: string[] = [];
  const code = await main(['verify', path], {
    out: (line) => out.push(line),
    err: (line) => out.push(line),
    env: {},
  });
  return { code, out: out.join('\n') };
}

let directory = '';
async function saved(name: string, zip: Uint8Array) {
  const path = join(directory, name);
  await writeFile(path, zip);
  return path;
}

type Row = { seq: number; event: Record<string, unknown> & { type: string } };
const lines = (bytes: Uint8Array | undefined) =>
  decoder
    .decode(bytes)
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** A day of services whose customers are 张, 欧阳 and Blennerhassett, one named in a note. */
async function dayWithNames(): Promise<TestDevice> {
  const device = await dayWithServices();
  await device.must(startCommand({ ticket: 'A040', surname: 'Blennerhassett' }));
  await device.must({
    type: 'skip',
    stepId: 'eye-contact-smile',
    reason: 'other',
    note: 'Blennerhassett asked for the manager',
  });
  await device.must({ type: 'abandon', reason: 'customer-left' });
  return device;
}

describe('personal values kept out of the hashed record', () => {
  let device: TestDevice;
  let masked: Uint8Array;
  let full: Uint8Array;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'privacy-'));
    device = await dayWithNames();
    masked = (await exportDay(device, undefined, 'surname')).zip;
    full = (await exportDay(device)).zip;
  }, 60_000);

  it('holds a commitment in the record where the surname or the note was', async () => {
    const rows = (await device.rows()) as Row[];
    const named = rows.filter((row) => row.event.type === 'service-started');
    expect(named.length).toBe(3);
    for (const row of named) expect(row.event.surname).toEqual({ commitment: expect.any(String) });
    const notes = rows.filter((row) => row.event.type === 'step-skipped');
    for (const row of notes) expect(row.event.note).toEqual({ commitment: expect.any(String) });
    expect(JSON.stringify(rows)).not.toContain('Blennerhassett');
  });

  it('gives the clerk’s screen the surname from beside the log, after a restart too', async () => {
    const clerk = await dayWithServices();
    await clerk.must(startCommand({ ticket: 'A041', surname: 'Blennerhassett' }));
    expect(openService(clerk.store.snapshot.state)?.surname).toBe('Blennerhassett');
    await clerk.reopen();
    expect(openService(clerk.store.snapshot.state)?.surname).toBe('Blennerhassett');
  }, 60_000);

  it('masked: no surname in any file of the zip, and intact for both verifiers', async () => {
    const path = await saved('masked.zip', masked);
    expect(await run('grep-zip.py', path, ...SURNAMES)).toEqual({
      code: 0,
      out: 'nothing found',
    });
    expect(Object.keys(unzipSync(masked))).not.toContain(FILES.personal);
    expect((await cli(path)).code).toBe(0);
    expect(await run('verify-export.py', path)).toMatchObject({ code: 0 });
    expect((await verifyExport(files(masked))).personalValues).toBeNull();
  });

  it('full: every value and its salt, each matching the commitment its record holds', async () => {
    const path = await saved('full.zip', full);
    // The grep finds what is there: the full export does carry the names.
    const found = await run('grep-zip.py', path, ...SURNAMES);
    expect(found.code).toBe(1);
    expect(found.out).toContain(`${FILES.personal}: Blennerhassett`);

    const unzipped = files(full);
    const values = lines(unzipped.get(FILES.personal));
    const bySeq = new Map(lines(unzipped.get(FILES.log)).map((row) => [row.seq, row as Row]));
    expect(values.map((value) => value.value)).toEqual(
      expect.arrayContaining([...SURNAMES, 'Blennerhassett asked for the manager']),
    );
    // Checked here with node:crypto, from the format's words alone.
    for (const { seq, salt, value, commitment } of values as {
      seq: number;
      salt: string;
      value: string;
      commitment: string;
    }[]) {
      const digest = createHash('sha256')
        .update(Buffer.concat([Buffer.from(salt, 'hex'), Buffer.from(value, 'utf8')]))
        .digest('hex');
      expect(digest).toBe(commitment);
      expect(Object.values(bySeq.get(seq)!.event)).toContainEqual({ commitment });
    }
    expect((await verifyExport(unzipped)).personalValues).toBe(values.length);
    const verdict = await cli(path);
    expect(verdict.code).toBe(0);
    expect(verdict.out).toContain(`Each of the ${values.length} personal values`);
    expect(await run('verify-export.py', path)).toMatchObject({ code: 0 });
  });

  it('a changed value is caught by both verifiers, its digest made to match', async () => {
    const unzipped = unzipSync(full);
    const text = decoder.decode(unzipped[FILES.personal]);
    expect(text).toContain('"value":"欧阳"');
    const changed = strToU8(text.replace('"value":"欧阳"', '"value":"司马"'));
    const manifest = JSON.parse(decoder.decode(unzipped[FILES.manifest])) as {
      files: { name: string; sha256: string; bytes: number }[];
    };
    const entry = manifest.files.find((file) => file.name === FILES.personal)!;
    entry.sha256 = createHash('sha256').update(changed).digest('hex');
    entry.bytes = changed.length;
    const path = await saved(
      'tampered.zip',
      zipSync({
        ...unzipped,
        [FILES.personal]: changed,
        [FILES.manifest]: strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
      }),
    );
    const verdict = await cli(path);
    expect(verdict.code).toBe(1);
    expect(verdict.out).toContain('personal.jsonl');
    const second = await run('verify-export.py', path);
    expect(second.code).toBe(1);
    expect(second.out).toContain('personal.jsonl');
  });
});

describe('erasing personal values older than N days', () => {
  it('changes no hash, is recorded, and leaves the values out of later exports', async () => {
    const device = await dayWithNames();
    const before = JSON.stringify(await device.rows());
    device.clock.now += 40 * 86_400_000;
    await device.must({ type: 'lock', reason: 'manual' });
    await device.must({ type: 'sign-in', ...MANAGER });
    const refused = await device.store.execute({ type: 'erase-personal-values', olderThanDays: 0 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-retention-days' } });
    await device.must({ type: 'erase-personal-values', olderThanDays: 30 });

    const rows = (await device.rows()) as Row[];
    // Every record before is exactly as it was; the erasure is a record of its own.
    expect(JSON.stringify(rows.slice(0, JSON.parse(before).length))).toBe(before);
    expect(rows.at(-1)).toMatchObject({
      staffNo: MANAGER.staffNo,
      event: { type: 'personal-values-erased', olderThanDays: 30 },
    });
    expect(await device.store.verify()).toMatchObject({ intact: true });

    const { zip } = await exportDay(device);
    const path = await saved('after-erasure.zip', zip);
    expect(Object.keys(unzipSync(zip))).not.toContain(FILES.personal);
    expect(await run('grep-zip.py', path, ...SURNAMES)).toMatchObject({ code: 0 });
    expect((await cli(path)).code).toBe(0);
    expect(await run('verify-export.py', path)).toMatchObject({ code: 0 });
  }, 60_000);

  it('is a manager’s to do, not a clerk’s', async () => {
    const device = await dayWithNames();
    await device.must({ type: 'lock', reason: 'manual' });
    await device.must({ type: 'sign-in', ...CLERK });
    const refused = await device.store.execute({
      type: 'erase-personal-values',
      olderThanDays: 30,
    });
    expect(refused.ok).toBe(false);
  }, 60_000);
});

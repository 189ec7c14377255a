/**
 * The command-line verifier as an auditor runs it: on a zip, on an unpacked folder, with the
 * device's fingerprint, with an earlier export, in Chinese; and the exit codes a script can rely
 * on. One run goes through the real `bin` in a plain Node process, with no build step.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { EXIT, main } from '../../../cli/verify';
import { fingerprint } from '../../../core/domain/log/signing';
import { FILES } from '../../../core/export/format';
import { T0 } from '../helpers/builders';
import { dayWithServices, exportDay, twoRecordedDays, zipWithDuplicate } from '../helpers/exports';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: {},
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function writtenExport() {
  const device = await dayWithServices();
  const { zip } = await exportDay(device);
  const dir = await mkdtemp(join(tmpdir(), 'verify-cli-'));
  const path = join(dir, 'day.zip');
  await writeFile(path, zip);
  return { device, dir, path, zip };
}

describe('counter-steps verify', () => {
  it('says intact, with the counts and what was and was not checked, and exits 0', async () => {
    const { path } = await writtenExport();
    const result = await run('verify', path);
    expect(result.code).toBe(EXIT.intact);
    expect(result.out).toMatch(/^Intact: \d+ records, 1 to \d+/);
    expect(result.out).toContain("Every record's meaning was checked from the log's beginning.");
    expect(result.out).toContain('only shown to be self-consistent');
  });

  it('names, as a warning, a record dated later than its own clock (the tablet’s ran ahead)', async () => {
    const { path } = await writtenExport();
    // The auditor's computer reads 26 hours before the tablet's records.
    const clock = vi.spyOn(Date, 'now').mockReturnValue(T0 - 26 * 3_600_000);
    try {
      const result = await run('verify', path);
      expect(result.code).toBe(EXIT.intact);
      expect(result.out).toMatch(
        /Record 1 is dated 2\d:\d\d:\d\d later than the clock here: the clock of the device that wrote it was ahead/,
      );
    } finally {
      clock.mockRestore();
    }
    expect((await run('verify', path)).out).not.toContain('later than the clock here');
  });

  it('checks the first key against the fingerprint the auditor holds', async () => {
    const { path, device } = await writtenExport();
    const print = await fingerprint(device.store.snapshot.state.identity!.firstKey);
    expect((await run('verify', path, '--key', print)).out).toContain(
      "matches the device's key you gave",
    );
    const wrong = await run('verify', path, '--key', 'abcd abcd abcd abcd abcd abcd abcd abcd');
    expect(wrong.code).toBe(EXIT.notIntact);
    expect(wrong.out).toBe("NOT INTACT: the log's first key is not the device key you gave.");
  });

  it('names a changed file and exits 1, in Chinese when asked', async () => {
    const { dir, zip } = await writtenExport();
    const entries = unzipSync(zip);
    entries[FILES.stepEvents] = strToU8(
      new TextDecoder().decode(entries[FILES.stepEvents]).replace('done', 'DONE'),
    );
    const path = join(dir, 'changed.zip');
    await writeFile(path, zipSync(entries));
    const result = await run('verify', path, '--lang', 'zh-CN');
    expect(result).toMatchObject({
      code: EXIT.notIntact,
      out: '不完整：step-events.csv 在导出之后被改动过。',
    });
  });

  it('reads an unpacked folder the same way', async () => {
    const { dir, zip } = await writtenExport();
    const folder = join(dir, 'unpacked');
    await mkdir(folder);
    for (const [name, bytes] of Object.entries(unzipSync(zip)))
      await writeFile(join(folder, name), bytes);
    expect((await run('verify', folder)).code).toBe(EXIT.intact);
  });

  it.each([
    ['no arguments', [], /Usage/],
    ['an unknown option', ['verify', 'x.zip', '--fast'], /Usage/],
    [
      'a missing file',
      ['verify', '/nowhere/day.zip'],
      /there is no file or folder at \/nowhere\/day.zip/,
    ],
  ])('exits 2 on %s', async (_what, args, message) => {
    const result = await run(...args);
    expect(result.code).toBe(EXIT.unusable);
    expect(result.out + result.err).toMatch(message);
  });

  it('exits 2 on a file that is not an export', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verify-cli-'));
    await writeFile(join(dir, 'notes.txt'), 'hello');
    const result = await run('verify', join(dir, 'notes.txt'));
    expect(result).toMatchObject({
      code: EXIT.unusable,
      out: 'Cannot check this: the file is not a zip.',
    });
  });

  // Builds the Node programs and starts Node twice: seconds on a busy shared machine.
  it(
    'runs as `counter-steps` in plain Node, built JavaScript, no TypeScript at run time',
    { timeout: 120_000 },
    async () => {
      await promisify(execFile)('npm', ['run', 'build:node', '--silent'], {
        cwd: join(import.meta.dirname, '../../..'),
      });
      const { path } = await writtenExport();
      const bin = join(import.meta.dirname, '../../../cli/bin.mjs');
      const built = await readFile(join(import.meta.dirname, '../../../out/node/cli.mjs'), 'utf8');
      expect(built).not.toMatch(/from ['"]tsx|\.ts['"]/);
      const { stdout } = await promisify(execFile)(process.execPath, [
        bin,
        'verify',
        path,
        '--lang',
        'en',
      ]);
      expect(stdout).toMatch(/^Intact: /);
      await expect(
        promisify(execFile)(process.execPath, [bin, 'verify', '/nowhere.zip']),
      ).rejects.toMatchObject({ code: 2 });
    },
  );
});

// The last test walks two business days through the store: seconds on a shared machine.
describe(
  'counter-steps verify, input it cannot use or that is not one export',
  { timeout: 60_000 },
  () => {
    it('exits 2 on a --key that is neither a fingerprint nor a public key, saying so', async () => {
      const { path } = await writtenExport();
      const result = await run('verify', path, '--key', 'not-a-key');
      expect(result).toMatchObject({
        code: EXIT.unusable,
        out: 'Cannot check this: the device key given is neither a fingerprint (32 hexadecimal digits, as Settings → This device shows it) nor a public key (JWK).',
      });
    });

    it('says a file appears twice when the zip holds two entries of the same name, and exits 1', async () => {
      const { dir, zip } = await writtenExport();
      const entries = unzipSync(zip);
      // fflate's zipSync keys entries by name: a second services.csv is appended by hand, as a
      // crafted zip would hold it (central directory and all), via a zip of its own.
      const twice = zipWithDuplicate(entries, FILES.services);
      const path = join(dir, 'twice.zip');
      await writeFile(path, twice);
      const result = await run('verify', path);
      expect(result).toMatchObject({
        code: EXIT.notIntact,
        out: 'NOT INTACT: services.csv appears twice in the export.',
      });
    });

    it('exits 1 on an export given as its own previous, and on the pair given in the wrong order', async () => {
      const { day1, day2 } = await twoRecordedDays();
      const dir = await mkdtemp(join(tmpdir(), 'verify-cli-'));
      await writeFile(join(dir, 'day1.zip'), day1.zip);
      await writeFile(join(dir, 'day2.zip'), day2.zip);
      const ok = await run('verify', join(dir, 'day2.zip'), '--previous', join(dir, 'day1.zip'));
      expect(ok.code).toBe(EXIT.intact);
      expect(ok.out).toContain('It continues the earlier export');
      const same = await run('verify', join(dir, 'day1.zip'), '--previous', join(dir, 'day1.zip'));
      expect(same).toMatchObject({
        code: EXIT.notIntact,
        out: 'NOT INTACT: the earlier export given is this same export; give the export made before it.',
      });
      const reversed = await run(
        'verify',
        join(dir, 'day1.zip'),
        '--previous',
        join(dir, 'day2.zip'),
      );
      expect(reversed.code).toBe(EXIT.notIntact);
      expect(reversed.out).toMatch(
        /^NOT INTACT: the earlier export given does not come before this one: it ends at record \d+, and this one holds records 1 to \d+\./,
      );
    });
  },
);

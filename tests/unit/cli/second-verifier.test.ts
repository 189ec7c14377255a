/**
 * The export format is specified well enough for anyone to check: tools/verify-export.py, a
 * second verifier written in Python from docs/export-format.md alone, gives the same exit code as
 * `counter-steps verify` on the same files — an intact export, each way of tampering with one,
 * input that is not an export, and each case of one export continuing another.
 * Runs Debian's /usr/bin/python3 (its python3-cryptography; scripts/test-setup.sh installs it).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/verify';
import { canonicalize, JS_SHA256 } from '../../../core/domain/log/canonical';
import { fingerprint } from '../../../core/domain/log/signing';
import { CLERK, T0, fullService } from '../helpers/builders';
import { dayWithServices, exportDay, twoRecordedDays, zipWithDuplicate } from '../helpers/exports';

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(import.meta.dirname, '../../../tools/verify-export.py');

async function python(...args: string[]) {
  try {
    const { stdout } = await promisify(execFile)(PYTHON, [SCRIPT, ...args]);
    return { code: 0, out: stdout.trim() };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: `${failed.stdout}${failed.stderr}`.trim() };
  }
}

async function cli(...args: string[]) {
  const out: string[] = [];
  const code = await main(['verify', ...args], {
    out: (line) => out.push(line),
    err: (line) => out.push(line),
    env: {},
  });
  return { code, out: out.join('\n') };
}

type Files = Record<string, Uint8Array>;
const decoder = new TextDecoder();
const manifestOf = (files: Files) =>
  JSON.parse(decoder.decode(files['manifest.json'])) as Record<string, unknown> & {
    files: { name: string; sha256: string; bytes: number }[];
    keyRecords: { event: { type: string; signature?: string } }[];
    exportedBy: { staffNo: string };
    formatVersion: number;
  };
const laidOut = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/** log.jsonl with one record changed and every hash and link after it recomputed. */
function rewrittenLog(files: Files): Files {
  return rewritten(files, (rows) => {
    const at = rows.findIndex((row) => (row.event as { type: string }).type === 'step-skipped');
    rows[at]!.event = { ...(rows[at]!.event as object), note: 'nothing to see' };
    return at;
  });
}

/** log.jsonl with a sign-in's person signature taken off (decision 0063), hashes recomputed. */
function unsignedSignIn(files: Files): Files {
  return rewritten(files, (rows) => {
    const at = rows.findIndex(
      (row) => (row.event as { type: string }).type === 'signed-in' && row.sig,
    );
    delete rows[at]!.sig;
    return at;
  });
}

function rewritten(
  files: Files,
  change: (rows: (Record<string, unknown> & { hash: string; prevHash: string })[]) => number,
): Files {
  const rows = decoder
    .decode(files['log.jsonl'])
    .trim()
    .split('\n')
    .map(
      (line) => JSON.parse(line) as Record<string, unknown> & { hash: string; prevHash: string },
    );
  const at = change(rows);
  for (let index = at; index < rows.length; index += 1) {
    const row = rows[index]!;
    if (index > at) row.prevHash = rows[index - 1]!.hash;
    const { hash: _hash, ...unsealed } = row;
    row.hash = JS_SHA256.hex(canonicalize(unsealed));
  }
  const log = strToU8(rows.map((row) => `${canonicalize(row)}\n`).join(''));
  const manifest = manifestOf(files);
  const entry = manifest.files.find((file) => file.name === 'log.jsonl')!;
  entry.sha256 = JS_SHA256.hex(log);
  entry.bytes = log.length;
  return { ...files, 'log.jsonl': log, 'manifest.json': laidOut(manifest) };
}

const TAMPERS: [string, (files: Files) => Files | Uint8Array][] = [
  ['intact', (files) => files],
  [
    'a CSV file changed',
    (files) => ({
      ...files,
      'step-events.csv': strToU8(decoder.decode(files['step-events.csv']).replace('done', 'DONE')),
    }),
  ],
  ['a record rewritten, every hash after it recomputed', rewrittenLog],
  ['a sign-in’s person signature taken off, every hash after it recomputed', unsignedSignIn],
  [
    'a manifest value changed',
    (files) => {
      const manifest = manifestOf(files);
      manifest.exportedBy.staffNo = '9999';
      return { ...files, 'manifest.json': laidOut(manifest) };
    },
  ],
  [
    'a checkpoint signature forged in the key records',
    (files) => {
      const manifest = manifestOf(files);
      const checkpoint = manifest.keyRecords.find((row) => row.event.type === 'checkpoint')!;
      checkpoint.event.signature = `A${checkpoint.event.signature!.slice(1)}`;
      return { ...files, 'manifest.json': laidOut(manifest) };
    },
  ],
  ['a file added', (files) => ({ ...files, 'notes.txt': strToU8('hello') })],
  [
    'a listed file removed',
    (files) => {
      const { 'complaints.csv': _gone, ...rest } = files;
      return rest;
    },
  ],
  ['an entry named twice', (files) => zipWithDuplicate(files, 'services.csv')],
  [
    'the manifest laid out otherwise',
    (files) => ({ ...files, 'manifest.json': strToU8(JSON.stringify(manifestOf(files))) }),
  ],
  [
    'a later format version',
    (files) => ({ ...files, 'manifest.json': laidOut({ ...manifestOf(files), formatVersion: 5 }) }),
  ],
  [
    'no manifest',
    (files) => {
      const { 'manifest.json': _gone, ...rest } = files;
      return rest;
    },
  ],
  ['not a zip', () => strToU8('hello')],
];

let dir = '';
let day = { path: '', print: '' };
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'second-verifier-'));
  const device = await dayWithServices();
  const { zip } = await exportDay(device);
  day = {
    path: join(dir, 'day.zip'),
    print: await fingerprint(device.store.snapshot.state.identity!.firstKey),
  };
  await writeFile(day.path, zip);
}, 60_000);

async function written(name: string, content: Files | Uint8Array) {
  const path = join(dir, name);
  await writeFile(path, content instanceof Uint8Array ? content : zipSync(content));
  return path;
}

describe('the second verifier, from the spec alone', { timeout: 60_000 }, () => {
  it('runs on the python3 CI uses, with the cryptography package', async () => {
    const { stdout } = await promisify(execFile)(PYTHON, [
      '-c',
      'import cryptography, hashlib; print("ok")',
    ]);
    expect(stdout.trim()).toBe('ok');
  });

  it.each(TAMPERS)(
    'gives the command line’s exit code on an export with %s',
    async (what, tamper) => {
      const { readFile } = await import('node:fs/promises');
      const files = unzipSync(new Uint8Array(await readFile(day.path)));
      const path = await written(`${what.replace(/\W+/g, '-')}.zip`, tamper(files));
      const [ours, theirs] = [await cli(path), await python(path)];
      expect(theirs.code, theirs.out).toBe(ours.code);
      expect(ours.code).toBe(
        what === 'intact'
          ? 0
          : /manifest laid|format version|no manifest|not a zip/.test(what)
            ? 2
            : 1,
      );
    },
  );

  it('names the record and the person whose signature is missing', async () => {
    const { readFile } = await import('node:fs/promises');
    const files = unzipSync(new Uint8Array(await readFile(day.path)));
    const path = await written('unsigned-sign-in.zip', unsignedSignIn(files));
    const [ours, theirs] = [await cli(path), await python(path)];
    expect(theirs.out).toMatch(
      /^NOT INTACT: record \d+ \(signed-in by (\d+)\) is not signed by \1$/,
    );
    expect(ours.out).toContain('it carries a person’s authority but is not signed by them');
  });

  it.each([
    ['the device’s fingerprint', (): string => day.print, 0],
    ['another fingerprint', (): string => 'abcd abcd abcd abcd abcd abcd abcd abcd', 1],
    ['something that is no fingerprint', (): string => 'not-a-key', 2],
  ] as const)('gives the same exit code with --key as %s', async (_what, key, code) => {
    const [ours, theirs] = [
      await cli(day.path, '--key', key()),
      await python(day.path, '--key', key()),
    ];
    expect(ours.code).toBe(code);
    expect(theirs.code, theirs.out).toBe(code);
  });

  it('agrees on every case of one export continuing another', async () => {
    const { day1, day2 } = await twoRecordedDays();
    const first = await written('day1.zip', day1.zip);
    const second = await written('day2.zip', day2.zip);
    // A third day after an export nobody recorded taking: a gap between day 2 and it.
    const { device } = await twoRecordedDays();
    await device.must({ type: 'sign-out' });
    device.clock.now = T0 + 48 * 3600_000;
    await device.must({ type: 'sign-in', ...CLERK });
    await fullService(device, 'C001', 'C002');
    const other = await written('other-device-day2.zip', (await exportDay(device)).zip);
    const tampered = await written(
      'day1-tampered.zip',
      zipSync({
        ...unzipSync(day1.zip),
        'services.csv': strToU8('service_id\r\nforged\r\n'),
      }),
    );
    const cases: [string, string, string, number][] = [
      ['in order', second, first, 0],
      ['the same export', first, first, 1],
      ['reversed', first, second, 1],
      ['from another device', other, first, 1],
      ['an earlier export that is not intact', second, tampered, 1],
      ['an earlier one that is not a zip', second, await written('junk.zip', strToU8('x')), 2],
    ];
    const gapDevice = await dayWithServices();
    const gapDay1 = await written('gap-day1.zip', (await exportDay(gapDevice)).zip);
    for (const days of [24, 48]) {
      await gapDevice.must({ type: 'sign-out' });
      gapDevice.clock.now = T0 + days * 3600_000;
      await gapDevice.must({ type: 'sign-in', ...CLERK });
      await fullService(gapDevice, `G${days}`, `H${days}`);
      if (days === 24) await exportDay(gapDevice);
    }
    cases.push([
      'with a gap',
      await written('gap-day3.zip', (await exportDay(gapDevice)).zip),
      gapDay1,
      1,
    ]);
    for (const [what, path, previous, code] of cases) {
      const [ours, theirs] = [
        await cli(path, '--previous', previous),
        await python(path, '--previous', previous),
      ];
      expect(ours.code, `${what}: ${ours.out}`).toBe(code);
      expect(theirs.code, `${what}: ${theirs.out}`).toBe(code);
    }
  });
});

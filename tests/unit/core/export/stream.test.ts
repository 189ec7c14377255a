/**
 * The verifier reads an export a part at a time: from the zip by its central directory (whatever
 * order the files are in), log.jsonl line by line across parts, with progress and cancel — and a
 * zip whose entries do not read as their directory says is not intact.
 */
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../../core/domain/log/canonical';
import { FILES } from '../../../../core/export/format';
import { readExportZip } from '../../../../core/export/read-export';
import { verifyExport } from '../../../../core/export/verify-export';
import { bytesSource, openZip, type ExportEntries } from '../../../../core/export/zip-entries';
import { checkExportFile } from '../../../../renderer/features/auditor/check-export-file';
import { dayWithServices, exportDay, files } from '../../helpers/exports';
import { keysT } from '../../helpers/i18n';

const made = await (async () => (await exportDay(await dayWithServices())).zip)();
const original = files(made);

async function entries(zip: Uint8Array): Promise<ExportEntries> {
  const opened = await openZip(bytesSource(zip));
  if (!opened.ok) throw new Error(opened.error);
  return opened.value;
}

/** The same files handed out in parts of `size` bytes. */
function inParts(map: ReadonlyMap<string, Uint8Array>, size: number): ExportEntries {
  return {
    names: [...map.keys()],
    size: (name) => map.get(name)?.length ?? 0,
    async *open(name) {
      const bytes = map.get(name)!;
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    },
  };
}

const u32At = (bytes: Uint8Array, at: number) =>
  new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true);

/** Where the central directory entry of `name` starts. */
function directoryEntry(zip: Uint8Array, name: string): number {
  const needle = strToU8(name);
  for (let at = zip.length - 22; at >= 0; at -= 1) {
    if (u32At(zip, at) !== 0x02014b50) continue;
    const length = zip[at + 28]! | (zip[at + 29]! << 8);
    const found = zip.subarray(at + 46, at + 46 + length);
    if (length === needle.length && found.every((byte, index) => byte === needle[index])) return at;
  }
  throw new Error(`no entry ${name}`);
}

describe('reading an export a part at a time', () => {
  it('gives the same files as unzipping it whole', async () => {
    const streamed = await entries(made);
    expect([...streamed.names].sort()).toEqual([...original.keys()].sort());
    for (const name of streamed.names) {
      const parts: Uint8Array[] = [];
      for await (const part of streamed.open(name)) parts.push(part.slice());
      const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
      let offset = 0;
      for (const part of parts) {
        bytes.set(part, offset);
        offset += part.length;
      }
      expect(streamed.size(name)).toBe(original.get(name)!.length);
      expect(bytes).toEqual(original.get(name));
    }
  });

  it('verifies the zip intact, with the manifest first or last, and log.jsonl in tiny parts', async () => {
    expect((await verifyExport(await entries(made))).status).toBe('intact');
    const manifestFirst = zipSync({
      [FILES.manifest]: original.get(FILES.manifest)!,
      ...Object.fromEntries([...original].filter(([name]) => name !== FILES.manifest)),
    });
    expect((await verifyExport(await entries(manifestFirst))).status).toBe('intact');
    expect((await verifyExport(inParts(original, 7))).status).toBe('intact');
  });

  it('names a line of log.jsonl that is not UTF-8 when it spans parts', async () => {
    const log = new Uint8Array(original.get(FILES.log)!);
    const second = log.indexOf(0x0a) + 1;
    log[second + 3] = 0xff;
    // The manifest's digest made to match, as an attacker would: the line itself is named.
    const manifest = JSON.parse(new TextDecoder().decode(original.get(FILES.manifest)));
    for (const file of manifest.files) {
      if (file.name === FILES.log)
        Object.assign(file, { sha256: await sha256Hex(log), bytes: log.length });
    }
    const copy = new Map(original)
      .set(FILES.log, log)
      .set(FILES.manifest, strToU8(`${JSON.stringify(manifest, null, 2)}\n`));
    expect((await verifyExport(inParts(copy, 5))).problem).toEqual({
      kind: 'log-line-unreadable',
      line: 2,
    });
  });

  it('reports progress up to the whole, and stops when cancelled', async () => {
    const seen: [number, number][] = [];
    await verifyExport(inParts(original, 1024), {
      onProgress: (done, total) => seen.push([done, total]),
    });
    const total = [...original]
      .filter(([name]) => name !== FILES.manifest)
      .reduce((sum, [, bytes]) => sum + bytes.length, 0);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every(([, whole]) => whole === total)).toBe(true);
    expect(seen.map(([done]) => done)).toEqual(seen.map(([done]) => done).sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual([total, total]);

    const abort = new AbortController();
    const stopped = verifyExport(inParts(original, 1024), {
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    await expect(stopped).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('calls a file changed when its compressed bytes are damaged or its size misdeclared', async () => {
    const at = directoryEntry(made, FILES.log);
    const local = u32At(made, at + 42);
    const damaged = new Uint8Array(made);
    const start = local + 30 + FILES.log.length;
    for (let index = 0; index < 64; index += 1)
      damaged[start + 100 + index] = damaged[start + 100 + index]! ^ 0x5a;
    expect((await verifyExport(await entries(damaged))).status).not.toBe('intact');

    const misdeclared = new Uint8Array(made);
    new DataView(misdeclared.buffer).setUint32(at + 24, u32At(made, at + 24) - 1, true);
    expect(await verifyExport(await entries(misdeclared))).toMatchObject({
      status: 'not-intact',
      problem: { kind: 'file-changed', file: FILES.log },
    });
  });

  it('refuses an entry whose local name is not its directory name, and a file stored twice', async () => {
    const renamed = new Uint8Array(made);
    const local = u32At(made, directoryEntry(made, FILES.services) + 42);
    renamed[local + 30] = 'x'.charCodeAt(0);
    expect(await verifyExport(await entries(renamed))).toMatchObject({
      problem: { kind: 'file-changed', file: FILES.services },
    });

    const zip = zipSync(Object.fromEntries(original));
    const twice: ExportEntries = await entries(zip);
    const doubled = { ...twice, names: [...twice.names, FILES.log] };
    expect(await verifyExport(doubled)).toMatchObject({
      status: 'not-intact',
      problem: { kind: 'file-twice', file: FILES.log },
    });
  });

  it('refuses what is not a zip before reading a file', async () => {
    expect(await openZip(bytesSource(strToU8('hello')))).toEqual({
      ok: false,
      error: 'not-a-zip',
    });
    expect(readExportZip(strToU8('hello'))).toEqual({ ok: false, error: 'not-a-zip' });
    const inFolder = zipSync({ 'a/b.txt': strToU8('x') });
    expect(await openZip(bytesSource(inFolder))).toEqual({ ok: false, error: 'entry-in-folder' });
  });
});

describe('verify a file in the app', () => {
  const t = keysT();

  it('reads the picked file a part at a time and says intact, with progress', async () => {
    let calls = 0;
    const checked = await checkExportFile(t, {
      file: new Blob([new Uint8Array(made)]),
      onProgress: () => (calls += 1),
    });
    expect(checked?.verdict?.status).toBe('intact');
    expect(checked?.lines[0]).toMatch(/^verifyFile\.intact/);
    expect(calls).toBeGreaterThan(0);
  });

  it('says a file that is not a zip is unusable, and gives nothing once cancelled', async () => {
    const notZip = await checkExportFile(t, { file: new Blob(['hello']) });
    expect(notZip?.lines[0]).toMatch(/^verifyFile\.unusable/);
    const abort = new AbortController();
    abort.abort();
    expect(
      await checkExportFile(t, { file: new Blob([new Uint8Array(made)]), signal: abort.signal }),
    ).toBeNull();
  });
});

// @vitest-environment node
import { mkdtemp, mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_ERRORS, createExportFiles, resolveExportPath } from '../../../main/export-files';
import { MemoryFs } from './memory-fs';

const exportsDir = resolve('/data/counter-steps/exports');

describe('resolveExportPath', () => {
  it('resolves a plain name directly inside the folder', () => {
    expect(resolveExportPath(exportsDir, 'a.zip')).toBe(join(exportsDir, 'a.zip'));
  });

  it.each([
    '../a.zip',
    '..\\a.zip',
    '/etc/a.zip',
    'a/b.zip',
    '..',
    '.',
    '',
    'x\0.zip',
    'C:a.zip',
    'nul.txt',
  ])('returns null for %j', (fileName) => {
    expect(resolveExportPath(exportsDir, fileName)).toBeNull();
  });
});

describe('export files', () => {
  it('refuse to grow past the size limit, and drop what was written', async () => {
    const fs = new MemoryFs();
    const files = createExportFiles({ exportsDir, fs, maxBytes: 8 });
    const begun = await files.begin('a.zip');
    const handle = begun.ok ? begun.value.handle : '';
    expect(await files.write(handle, new Uint8Array(6))).toEqual({ ok: true, value: null });
    expect(await files.write(handle, new Uint8Array(6))).toEqual({
      ok: false,
      error: EXPORT_ERRORS.tooLarge,
    });
    expect(fs.files.size).toBe(0);
  });

  it('turn a full disk into a short error and leave no partial file', async () => {
    const fs = new MemoryFs();
    const files = createExportFiles({ exportsDir, fs });
    const begun = await files.begin('a.zip');
    const handle = begun.ok ? begun.value.handle : '';
    fs.failWrites = true;
    expect(await files.write(handle, new Uint8Array(3))).toEqual({
      ok: false,
      error: EXPORT_ERRORS.writeFailed,
    });
    expect(fs.files.size).toBe(0);
  });

  it('write a real file in a real exports folder, nothing else left behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'counter-steps-exports-'));
    const realDir = join(dir, 'userData', 'exports');
    const files = createExportFiles({
      exportsDir: realDir,
      fs: { mkdir, open: (path, flags) => open(path, flags), rename, rm },
    });
    const begun = await files.begin('day.zip');
    const handle = begun.ok ? begun.value.handle : '';
    await files.write(handle, new TextEncoder().encode('柜台'));
    await files.write(handle, new TextEncoder().encode('十七步'));
    expect(await files.finish(handle)).toEqual({
      ok: true,
      value: { path: join(realDir, 'day.zip') },
    });
    expect(await readFile(join(realDir, 'day.zip'), 'utf8')).toBe('柜台十七步');
    expect(await readdir(realDir)).toEqual(['day.zip']);
    await rm(dir, { recursive: true, force: true });
  });
});

// @vitest-environment node
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The pure modules are what the unit tests cover; if one of them started importing Electron,
// it would silently stop being testable in Node. Only these two files may.
const ELECTRON_FILES = new Set(['index.ts', 'electron-bindings.ts']);
const mainDir = join(import.meta.dirname, '..', '..', '..', 'main');

describe('main/ module boundary', () => {
  it('keeps runtime imports of electron to index.ts and electron-bindings.ts', async () => {
    const offenders: string[] = [];
    for (const file of await readdir(mainDir)) {
      if (!file.endsWith('.ts') || ELECTRON_FILES.has(file)) continue;
      const source = await readFile(join(mainDir, file), 'utf8');
      if (/from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/.test(source))
        offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});

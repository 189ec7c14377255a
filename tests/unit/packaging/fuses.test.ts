// @vitest-environment node
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUSES, applyFuses } from '../../../packaging/fuses.mjs';

/** Electron's fuse wire as it sits in a binary: sentinel, version 1, length, one byte per fuse. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** How the wire stores a fuse: the characters '0' and '1'. */
const DISABLED = '0'.charCodeAt(0);
const ENABLED = '1'.charCodeAt(0);

async function fakeElectronBinary(): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'fuses-')), 'counter-steps');
  // Electron ships with RunAsNode, NODE_OPTIONS and --inspect on and integrity checks off.
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001')]);
  await writeFile(path, Buffer.concat([Buffer.from('ELF…code…'), wire, Buffer.from('…more code')]));
  return path;
}

describe('Electron fuses for packaged builds', () => {
  it('turn off running as Node, NODE_OPTIONS and --inspect, and require the integrity-checked asar', () => {
    expect(FUSES).toMatchObject({
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('are written into the binary and read back as set, nothing else in the file changed', async () => {
    const path = await fakeElectronBinary();
    const before = await readFile(path);
    const wire = await applyFuses(path);
    expect(wire[FuseV1Options.RunAsNode]).toBe(DISABLED);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLED);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLED);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLED);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLED);
    expect(await getCurrentFuseWire(path)).toEqual(wire);
    const after = await readFile(path);
    expect(after.length).toBe(before.length);
    const wireStart = before.indexOf(SENTINEL) + SENTINEL.length + 2;
    expect(after.subarray(0, wireStart)).toEqual(before.subarray(0, wireStart));
    expect(after.subarray(wireStart + 8)).toEqual(before.subarray(wireStart + 8));
  });
});

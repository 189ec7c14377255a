/**
 * Properties of the export verifier, over thousands of generated tamperings of one real export:
 * any changed byte of any file, any edit of any manifest value, any record of log.jsonl deleted,
 * duplicated or swapped with its neighbour (with the manifest's digests made to match, as an
 * attacker would) — none verifies intact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../../core/domain/log/canonical';
import { FILES } from '../../../../core/export/format';
import { verifyExport } from '../../../../core/export/verify-export';
import { dayWithServices, exportDay, files } from '../../helpers/exports';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const original = await (async () => {
  const device = await dayWithServices();
  return files((await exportDay(device)).zip);
})();
const names = [...original.keys()];

/** The export with `file` replaced and the manifest's digest and size of it made to match. */
async function withFile(name: string, bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const copy = new Map(original);
  copy.set(name, bytes);
  if (name === FILES.manifest) return copy;
  const manifest = JSON.parse(decoder.decode(original.get(FILES.manifest)));
  for (const file of manifest.files) {
    if (file.name === name)
      Object.assign(file, { sha256: await sha256Hex(bytes), bytes: bytes.length });
  }
  copy.set(FILES.manifest, asWritten(manifest));
  return copy;
}

/** A manifest laid out as the app writes it (the verifier refuses any other layout). */
const asWritten = (manifest: unknown) => encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`);

/** Every path to a leaf value in a JSON value. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  return Object.entries(value).flatMap(([key, inner]) =>
    leaves(inner, [...path, Array.isArray(value) ? Number(key) : key]),
  );
}

describe('the export verifier', () => {
  it('verifies the untouched export intact', async () => {
    expect((await verifyExport(original)).status).toBe('intact');
  });

  it('catches any single changed byte of any file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (name, at, delta) => {
          const bytes = new Uint8Array(original.get(name)!);
          const index = at % bytes.length;
          bytes[index] = (bytes[index]! + delta) % 256;
          const copy = new Map(original).set(name, bytes);
          expect((await verifyExport(copy)).status).not.toBe('intact');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('catches any edit of any manifest value', async () => {
    const manifest = JSON.parse(decoder.decode(original.get(FILES.manifest)));
    const paths = leaves(manifest);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
        async (path, value) => {
          const edited = structuredClone(manifest);
          let target = edited;
          for (const key of path.slice(0, -1)) target = target[key];
          const last = path.at(-1)!;
          fc.pre(JSON.stringify(target[last]) !== JSON.stringify(value));
          target[last] = value;
          const copy = new Map(original).set(FILES.manifest, asWritten(edited));
          expect((await verifyExport(copy)).status).not.toBe('intact');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('catches any record of log.jsonl deleted, duplicated or swapped, with the digest made to match', async () => {
    const lines = decoder.decode(original.get(FILES.log)).trim().split('\n');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('delete', 'duplicate', 'swap'),
        fc.nat(lines.length - 2),
        async (change, at) => {
          const edited = [...lines];
          if (change === 'delete') edited.splice(at, 1);
          if (change === 'duplicate') edited.splice(at, 0, edited[at]!);
          if (change === 'swap') [edited[at], edited[at + 1]] = [edited[at + 1]!, edited[at]!];
          const copy = await withFile(FILES.log, encoder.encode(`${edited.join('\n')}\n`));
          expect((await verifyExport(copy)).status).not.toBe('intact');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names any line of log.jsonl that is not UTF-8, with the digest made to match, rather than failing', async () => {
    const bytes = original.get(FILES.log)!;
    // Where each line starts (the last newline ends the file).
    const starts = [0, ...[...bytes].flatMap((byte, index) => (byte === 0x0a ? [index + 1] : []))];
    starts.pop();
    await fc.assert(
      fc.asyncProperty(
        fc.nat(starts.length - 1),
        fc.constantFrom(0xff, 0xc0, 0x80),
        async (at, byte) => {
          const broken = new Uint8Array(bytes);
          broken[starts[at]! + 1] = byte;
          const verdict = await verifyExport(await withFile(FILES.log, broken));
          expect(verdict).toMatchObject({
            status: 'not-intact',
            problem: { kind: 'log-line-unreadable', line: at + 1 },
          });
        },
      ),
      { numRuns: 50 },
    );
  });
});

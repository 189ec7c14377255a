/**
 * Bad files offered as another counter's export: each is refused with its own problem, the
 * message says what is wrong in every language (no raw key, nothing left unfilled), and nothing
 * is written — neither the other counter's records nor a record of the import.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_VERSION, FILES, MAX_EXPORT_BYTES } from '../../../../core/export/format';
import { importProblemText } from '../../../../renderer/features/shared/use-import-message';
import { LOCALES } from '../../../../core/domain/locale';
import type { TFunction } from 'i18next';
import type { ImportProblem } from '../../../../renderer/storage';
import { firstRun, rawRows, testDevice, withRawDb, type TestDevice } from '../../helpers/builders';
import { dayWithServices, exportDay } from '../../helpers/exports';
import { testI18n } from '../../helpers/i18n';

const decoder = new TextDecoder();
let zip: Uint8Array;
let translators: Record<string, TFunction<'translation'>>;

beforeAll(async () => {
  ({ zip } = await exportDay(await dayWithServices()));
  translators = {};
  for (const language of LOCALES) translators[language] = testI18n(language).getFixedT(language);
});

/** The export with one file's bytes replaced (or added). */
function withFile(name: string, bytes: Uint8Array): Uint8Array {
  return zipSync({ ...unzipSync(zip), [name]: bytes });
}

/** The export with its manifest edited, laid out as the app writes it. */
function withManifest(edit: (manifest: Record<string, unknown>) => void): Uint8Array {
  const manifest = JSON.parse(decoder.decode(unzipSync(zip)[FILES.manifest]));
  edit(manifest);
  return withFile(FILES.manifest, strToU8(`${JSON.stringify(manifest, null, 2)}\n`));
}

/** A file claiming to be larger than an export can be (its bytes are never read). */
function oversized(): Uint8Array {
  const bytes = new Uint8Array(16);
  Object.defineProperty(bytes, 'length', { value: MAX_EXPORT_BYTES + 1 });
  return bytes;
}

const CASES: [string, () => Uint8Array, Record<string, unknown>][] = [
  ['a file larger than an export can be', oversized, { kind: 'unreadable', problem: 'too-large' }],
  ['a text file', () => strToU8('date,ticket\n'), { kind: 'unreadable', problem: 'not-a-zip' }],
  [
    'a download cut off half-way',
    () => zip.slice(0, Math.floor(zip.length / 2)),
    { kind: 'unreadable', problem: 'not-a-zip' },
  ],
  [
    'an export with a file in a folder',
    () => withFile(`extra/${FILES.log}`, strToU8('{}')),
    { kind: 'unreadable', problem: 'entry-in-folder' },
  ],
  [
    'an export from a newer app',
    () => withManifest((manifest) => (manifest.formatVersion = EXPORT_FORMAT_VERSION + 1)),
    { kind: 'not-intact', verdict: { problem: { kind: 'unsupported-version' } } },
  ],
  [
    'an export whose manifest signature is wrong',
    () =>
      withManifest((manifest) => {
        const signature = manifest.signature as { value: string };
        signature.value = `${signature.value.startsWith('A') ? 'B' : 'A'}${signature.value.slice(1)}`;
      }),
    { kind: 'not-intact', verdict: { problem: { kind: 'manifest-signature' } } },
  ],
  [
    'an export with log.jsonl changed',
    () => withFile(FILES.log, strToU8('{"seq":1}\n')),
    { kind: 'not-intact', verdict: { problem: { kind: 'file-changed' } } },
  ],
];

describe('a bad file offered as another counter’s export', () => {
  let manager: TestDevice;

  beforeAll(async () => {
    manager = await testDevice();
    await manager.must({ ...firstRun(), counter: '9' } as never);
  });

  it.each(CASES)(
    '%s: refused, said in every language, nothing written',
    async (_name, make, problem) => {
      const before = await rawRows(manager.name);
      const result = await manager.store.archive.importChain(make());
      expect(result).toMatchObject({ ok: false, error: problem });
      expect(await rawRows(manager.name)).toEqual(before);
      expect(await withRawDb(manager.name, (db) => db.chainRecords.count())).toBe(0);
      for (const [language, t] of Object.entries(translators)) {
        const text = importProblemText(t, (result as { error: ImportProblem }).error);
        expect(text, language).not.toMatch(/importing\.|verifyFile\.|\{\{|undefined/);
        expect(text.length, language).toBeGreaterThan(10);
      }
    },
  );
});

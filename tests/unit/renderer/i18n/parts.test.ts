import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATER_KEYS, wordsPart } from '../../../../core/i18n/parts';
import { resources } from '../../../../renderer/i18n/resources';

const renderer = join(import.meta.dirname, '../../../../renderer');

/** The folders of what the counter's screen imports statically (features/clerk, session…). */
const FIRST_PAINT_DIRS = [
  'app',
  'ui',
  'features/clerk',
  'features/session',
  'features/setup',
  'features/shared',
];
/** Files in those folders that only a lazily loaded screen imports (they await the later words). */
const LAZY_FILES = new Set([
  'features/setup/RestorePanel.tsx',
  'features/shared/use-import-message.ts',
  'ui/ZipFileField.tsx',
  'ui/ProgressRow.tsx',
]);

function sources(dir: string): string[] {
  return readdirSync(join(renderer, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('the two parts of each locale', () => {
  it.each(Object.entries(resources))(
    '%s: every key is in exactly one part',
    (_, { translation }) => {
      const words = translation as Record<string, unknown>;
      const first = Object.keys(wordsPart(words, 'first'));
      const later = Object.keys(wordsPart(words, 'later'));
      expect(first.filter((key) => later.includes(key))).toEqual([]);
      expect([...first, ...later].sort()).toEqual(Object.keys(words).sort());
      // A later key that no longer exists would move nothing out of the first part.
      expect(LATER_KEYS.filter((key) => !(key in words))).toEqual([]);
      expect(first).toContain('refusal');
    },
  );

  it('the screens the counter shows at start use no later word', () => {
    const uses: string[] = [];
    for (const file of FIRST_PAINT_DIRS.flatMap(sources)) {
      if (LAZY_FILES.has(file)) continue;
      const text = readFileSync(join(renderer, file), 'utf8');
      for (const key of LATER_KEYS) {
        if (new RegExp(`['"\`]${key}\\.`).test(text)) uses.push(`${file}: ${key}`);
      }
    }
    expect(uses).toEqual([]);
  });
});

/**
 * The hub's own words (hub/locales) in its three languages: every key any of them has, with no
 * empty text and the same placeholders as English. Plural forms are by language: English has
 * `_one` and `_other`, Chinese only `_other`, so a key is compared by its base.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/domain/locale';
import en from '../../hub/locales/en.json' with { type: 'json' };
import zhCN from '../../hub/locales/zh-CN.json' with { type: 'json' };
import zhTW from '../../hub/locales/zh-TW.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };
const FILES: Record<string, Tree> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(FILES[locale]!)]));
/** A key without its plural form: `devices.restoresApproved_one` → `devices.restoresApproved`. */
const base = (key: string) => key.replace(/_(one|other)$/, '');
const bases = (locale: string) => new Set([...flat[locale]!.keys()].map(base));
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('the hub’s locales', () => {
  it.each(LOCALES)(
    '%s has every key, no empty text, the same placeholders as English',
    (locale) => {
      const all = new Set(LOCALES.flatMap((other) => [...bases(other)]));
      expect([...all].filter((key) => !bases(locale).has(key))).toEqual([]);
      // Every plural has its `_other`; English has its `_one` too.
      const plurals = [...flat[locale]!.keys()].filter((key) => base(key) !== key).map(base);
      expect(plurals.filter((key) => !flat[locale]!.has(`${key}_other`))).toEqual([]);
      if (locale === 'en') expect(plurals.filter((key) => !flat.en!.has(`${key}_one`))).toEqual([]);
      expect([...flat[locale]!].filter(([, text]) => text.trim() === '')).toEqual([]);
      const mismatched = [...flat.en!].filter(
        ([key, text]) =>
          placeholders(
            flat[locale]!.get(key) ?? flat[locale]!.get(`${base(key)}_other`) ?? '',
          ).join() !== placeholders(text).join(),
      );
      expect(mismatched.map(([key]) => key)).toEqual([]);
      expect(flat[locale]!.has('complaints.overdueNote')).toBe(true);
    },
  );
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OFFERS, SKIP_REASONS, DEFAULT_BUSINESS_TYPES } from '../../../../renderer/domain/catalog';
import { STEP_IDS } from '../../../../renderer/domain/flow-definition';
import { LOCALES } from '../../../../renderer/domain/locale';
import { resources } from '../../../../renderer/i18n';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

const flat = Object.fromEntries(
  LOCALES.map((locale) => [locale, flatten(resources[locale].translation as Tree)]),
);
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('locales', () => {
  it.each(LOCALES)('%s has every key any locale has, and no empty text', (locale) => {
    const all = new Set(LOCALES.flatMap((other) => [...flat[other]!.keys()]));
    const missing = [...all].filter((key) => !flat[locale]!.has(key));
    expect(missing).toEqual([]);
    const empty = [...flat[locale]!].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(LOCALES)('%s uses the same placeholders as English in every text', (locale) => {
    const mismatched = [...flat.en!].filter(([key, text]) => {
      const other = flat[locale]!.get(key);
      return other !== undefined && placeholders(other).join() !== placeholders(text).join();
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('names and explains every step, and labels every code the domain can log', () => {
    const required = [
      ...STEP_IDS.flatMap((id) => [`steps.${id}.name`, `steps.${id}.todo`]),
      ...SKIP_REASONS.map((code) => `skipReason.${code}`),
      ...OFFERS.map((code) => `offer.${code}`),
      ...DEFAULT_BUSINESS_TYPES.map((type) => `business.${type.code}`),
    ];
    for (const locale of LOCALES) {
      expect(required.filter((key) => !flat[locale]!.has(key))).toEqual([]);
    }
  });

  const codesOf = (file: string, typeName: string) => {
    const source = readFileSync(join(import.meta.dirname, '../../../../renderer', file), 'utf8');
    const union = new RegExp(`export type ${typeName} =([^;]+);`).exec(source)?.[1] ?? '';
    return [...union.matchAll(/'([a-z-]+)'/g)].map((match) => match[1]);
  };

  it.each([
    ['domain/engine.ts', 'RefusalCode', 'refusal'],
    ['storage/auth-repository.ts', 'AuthRefusalCode', 'auth'],
    ['domain/pin.ts', 'PinRefusal', 'auth'],
    ['storage/errors.ts', 'StorageErrorCode', 'storageError'],
  ])('has a message for every code of %s %s', (file, typeName, prefix) => {
    const codes = codesOf(file, typeName);
    expect(codes.length).toBeGreaterThan(2);
    for (const locale of LOCALES) {
      expect(codes.filter((code) => !flat[locale]!.has(`${prefix}.${code}`))).toEqual([]);
    }
  });

  it('ships one file per supported locale and no other', () => {
    const files = readdirSync(
      join(import.meta.dirname, '../../../../renderer/i18n/locales'),
    ).sort();
    expect(files).toEqual(LOCALES.map((locale) => `${locale}.json`).sort());
  });
});

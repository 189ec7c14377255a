import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OFFERS, SKIP_REASONS, DEFAULT_BUSINESS_TYPES } from '../../../../core/domain/catalog';
import { STEP_IDS } from '../../../../core/domain/flow/flow-definition';
import { FLAG_FIELDS, NUMBER_LIMITS } from '../../../../core/domain/device/config-problem';
import { LOCALES } from '../../../../core/domain/locale';
import { SCRIPT_PLACEHOLDERS } from '../../../../core/domain/script';
import { resources } from '../../../../renderer/i18n/resources';
import { ObservationSchema, SpotCheckKindSchema } from '../../../../core/domain/log/events';
import { PeriodKindSchema } from '../../../../core/domain/review/period';
import { RATINGS } from '../../../../core/domain/review/rollup';
import { FLAG_KINDS } from '../../../../core/domain/review/service-row';
import reviewEn from '../../../../core/i18n/review/en.json';
import reviewZhCN from '../../../../core/i18n/review/zh-CN.json';
import reviewZhTW from '../../../../core/i18n/review/zh-TW.json';

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

/** i18next plural forms: English has _one and _other, Chinese only _other. */
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every text by key, plural forms under their base key (the _other form). */
function byBaseKey(tree: Tree): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, text] of flatten(tree)) {
    const base = key.replace(PLURAL, '');
    if (base === key || key.endsWith('_other') || !out.has(base)) out.set(base, text);
  }
  return out;
}

const raw = Object.fromEntries(
  LOCALES.map((locale) => [locale, flatten(resources[locale].translation as Tree)]),
);
const flat = Object.fromEntries(
  LOCALES.map((locale) => [locale, byBaseKey(resources[locale].translation as Tree)]),
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

  it('gives English both plural forms wherever a count is shown, and Chinese its one form', () => {
    const plural = [...raw.en!.keys()]
      .filter((key) => PLURAL.test(key))
      .map((key) => key.replace(PLURAL, ''));
    expect(plural.length).toBeGreaterThan(4);
    for (const base of new Set(plural)) {
      expect([raw.en!.has(`${base}_one`), raw.en!.has(`${base}_other`)]).toEqual([true, true]);
      for (const locale of ['zh-CN', 'zh-TW'] as const)
        expect(raw[locale]!.has(`${base}_other`)).toBe(true);
    }
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
    const source = readFileSync(join(import.meta.dirname, '../../../..', file), 'utf8');
    const union = new RegExp(`export type ${typeName} =([^;]+);`).exec(source)?.[1] ?? '';
    // Comments in the union are not codes.
    return [...union.replace(/\/\/.*$/gm, '').matchAll(/'([a-z-]+)'/g)].map((match) => match[1]);
  };

  const problemKinds = () => {
    const source = readFileSync(
      join(import.meta.dirname, '../../../../core/domain/log/verify.ts'),
      'utf8',
    );
    const union = /export type VerifyProblem =([\s\S]+?)\n\n/.exec(source)?.[1] ?? '';
    return [...union.matchAll(/kind: '([a-z-]+)'/g)].map((match) => match[1]);
  };

  it('says every verification problem in every language', () => {
    // The checkpoint kinds come from a type of their own (CheckpointProblem).
    const kinds = [...problemKinds(), 'checkpoint-link', 'checkpoint-key', 'checkpoint-signature'];
    expect(kinds.length).toBeGreaterThan(6);
    for (const locale of LOCALES) {
      expect(kinds.filter((kind) => !flat[locale]!.has(`audit.problem.${kind}`))).toEqual([]);
    }
  });

  it.each([
    ['core/domain/refusal.ts', 'RefusalCode', 'refusal'],
    ['core/domain/access/pin.ts', 'PinRefusal', 'refusal'],
    ['core/domain/surname.ts', 'SurnameProblem', 'surnameProblem'],
    ['core/domain/device/config-problem.ts', 'ConfigProblemKind', 'configProblem'],
    ['core/domain/device/config-phrases.ts', 'PhraseProblemKind', 'configProblem'],
    ['core/domain/money.ts', 'MoneyInputProblem', 'moneyInput.due'],
    ['core/domain/money.ts', 'MoneyInputProblem', 'moneyInput.received'],
    ['core/domain/log/rules.ts', 'RuleCode', 'audit.rule'],
    ['renderer/storage/errors.ts', 'StorageErrorCode', 'storageError'],
    ['renderer/storage/errors.ts', 'StorageErrorCode', 'startup'],
  ])('has a message for every code of %s %s', (file, typeName, prefix) => {
    const codes = codesOf(file, typeName);
    expect(codes.length).toBeGreaterThan(2);
    for (const locale of LOCALES) {
      expect(codes.filter((code) => !flat[locale]!.has(`${prefix}.${code}`))).toEqual([]);
    }
  });

  it('names every number a manager sets, explains every flag and every script placeholder', () => {
    const required = [
      ...Object.keys(NUMBER_LIMITS).map((field) => `configField.${field}`),
      ...FLAG_FIELDS.map((field) => `settings.flags.${field}`),
      ...SCRIPT_PLACEHOLDERS.map((name) => `settings.scripts.placeholder.${name}`),
      ...(['business-types', 'offers', 'skip-reasons'] as const).flatMap((list) => [
        `settings.lists.${list}.title`,
        `settings.lists.${list}.hint`,
      ]),
    ];
    for (const locale of LOCALES) {
      expect(required.filter((key) => !flat[locale]!.has(key))).toEqual([]);
    }
  });

  it('ships one file per supported locale and no other', () => {
    const files = readdirSync(join(import.meta.dirname, '../../../../core/i18n/locales')).sort();
    expect(files).toEqual(LOCALES.map((locale) => `${locale}.json`).sort());
  });
});

describe('the review screens’ words (their own namespace)', () => {
  const bundles = { en: reviewEn, 'zh-CN': reviewZhCN, 'zh-TW': reviewZhTW } as const;
  const flatReview = Object.fromEntries(
    LOCALES.map((locale) => [locale, byBaseKey(bundles[locale] as Tree)]),
  );
  const rawReview = Object.fromEntries(
    LOCALES.map((locale) => [locale, flatten(bundles[locale] as Tree)]),
  );

  it.each(LOCALES)('%s has every key, the same placeholders and no empty text', (locale) => {
    const all = new Set(LOCALES.flatMap((other) => [...flatReview[other]!.keys()]));
    expect([...all].filter((key) => !flatReview[locale]!.has(key))).toEqual([]);
    const mismatched = [...flatReview.en!].filter(([key, text]) => {
      const other = flatReview[locale]!.get(key);
      return other === undefined || placeholders(other).join() !== placeholders(text).join();
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
    expect([...flatReview[locale]!].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('gives English both plural forms and Chinese its one form', () => {
    const plural = [...rawReview.en!.keys()].filter((key) => PLURAL.test(key));
    for (const base of new Set(plural.map((key) => key.replace(PLURAL, '')))) {
      expect([rawReview.en!.has(`${base}_one`), rawReview.en!.has(`${base}_other`)]).toEqual([
        true,
        true,
      ]);
      for (const locale of ['zh-CN', 'zh-TW'] as const) {
        expect(rawReview[locale]!.has(`${base}_other`)).toBe(true);
      }
    }
  });

  it('names every flag, rating, observation and kind of check', () => {
    const required = [
      ...FLAG_KINDS.map((kind) => `flags.${kind}`),
      ...RATINGS.map((rating) => `ratings.${rating}`),
      ...ObservationSchema.options.map((seen) => `check.seen.${seen}`),
      ...SpotCheckKindSchema.options.map((kind) => `check.kinds.${kind}`),
      ...PeriodKindSchema.options.map((kind) => `period.${kind}`),
    ];
    for (const locale of LOCALES) {
      expect(required.filter((key) => !flatReview[locale]!.has(key))).toEqual([]);
    }
  });
});

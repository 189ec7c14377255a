/**
 * The app's translator answers what i18next (a dev dependency kept for this test only) answered
 * with the settings the app, the hub and the command-line verifier gave it: every key of every
 * namespace in every locale, with and without values, at several counts; missing keys, default
 * values, `exists`, and random texts with placeholders. A text that starts to use an i18next
 * feature the translator leaves out (nesting, formats, context) fails here.
 */
import fc from 'fast-check';
import i18next, { type i18n as I18next } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../../../core/domain/locale';
import reviewEn from '../../../../core/i18n/review/en.json';
import reviewZhCN from '../../../../core/i18n/review/zh-CN.json';
import reviewZhTW from '../../../../core/i18n/review/zh-TW.json';
import { createI18n, type I18n, type TOptions, type Words } from '../../../../core/i18n/translator';
import { resources as app } from '../../../../renderer/i18n/resources';
import hubEn from '../../../../hub/locales/en.json';
import hubZhCN from '../../../../hub/locales/zh-CN.json';
import hubZhTW from '../../../../hub/locales/zh-TW.json';

const resources = {
  en: { translation: app.en.translation, review: reviewEn, hub: hubEn },
  'zh-CN': { translation: app['zh-CN'].translation, review: reviewZhCN, hub: hubZhCN },
  'zh-TW': { translation: app['zh-TW'].translation, review: reviewZhTW, hub: hubZhTW },
} as const satisfies Record<string, Record<string, Words>>;
const NAMESPACES = ['translation', 'review', 'hub'] as const;
const COUNTS = [0, 1, 2, 5, 21, 1.5, -1];
const PLURAL = /_(zero|one|two|few|many|other)$/;

let reference: I18next;
let ours: I18n;

beforeAll(async () => {
  // The app's own settings (renderer/i18n/index.ts before Decision 56; the hub's and the CLI's
  // were the same but for the default namespace).
  reference = i18next.createInstance();
  await reference.init({
    lng: 'zh-CN',
    fallbackLng: false,
    ns: [...NAMESPACES],
    defaultNS: 'translation',
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  ours = createI18n({ lng: 'zh-CN', resources });
});

function keysOf(tree: Words, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [path] : keysOf(value, path);
  });
}

/** Every key as code asks for it: plural forms under their base key. */
function baseKeys(tree: Words): string[] {
  return [...new Set(keysOf(tree).map((key) => key.replace(PLURAL, '')))];
}

/** A value for each placeholder any form of `key` has, of various kinds. */
function sampleValues(tree: Words, key: string): Record<string, unknown> {
  const names = keysOf(tree)
    .filter((other) => other.replace(PLURAL, '') === key)
    .flatMap((other) => {
      let node: string | Words = tree;
      for (const part of other.split('.')) node = (node as Words)[part]!;
      return [...(node as string).matchAll(/\{\{(.+?)\}\}/g)].map((match) => match[1]!.trim());
    });
  const kinds = ['text <b>&amp;</b> "quoted"', 42, '{{count}}', null, 3.25];
  return Object.fromEntries(names.map((name, index) => [name, kinds[index % kinds.length]]));
}

/** Both translators' answers to the same calls, side by side. */
function both(call: (t: (key: string, options?: TOptions) => string) => string) {
  return [call((key, options) => String(reference.t(key, options as never))), call(ours.t)];
}

describe.each(LOCALES)('%s', (locale) => {
  beforeAll(async () => {
    await reference.changeLanguage(locale);
    ours.changeLanguage(locale);
  });

  it.each(NAMESPACES)('answers every %s key as i18next does', (ns) => {
    const tree = resources[locale][ns];
    const keys = baseKeys(tree);
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) {
      const values = sampleValues(tree, key);
      const calls: TOptions[] = [
        { ns },
        { ns, ...values },
        ...COUNTS.map((count) => ({ ns, ...values, count })),
        { ns, defaultValue: 'unused {{count}}', count: 1 },
      ];
      for (const options of calls) {
        const [expected, actual] = both((t) => t(key, options));
        expect(actual, `${locale} ${ns}:${key} ${JSON.stringify(options)}`).toBe(expected);
      }
      expect(ours.exists(key, { ns }), key).toBe(reference.exists(key, { ns }));
    }
  });

  it('answers missing keys, subtrees and default values as i18next does', () => {
    const calls: [string, TOptions?][] = [
      ['no.such.key'],
      ['steps'],
      ['steps.no-such-step.name'],
      ['refusal.no-such-code', { defaultValue: 'Default {{code}}', code: 'x' }],
      ['startup.no-such', { defaultValue: '' }],
      ['business.dining', { defaultValue: 'dining' }],
      ['hub.no-such', { ns: 'hub', defaultValue: 'hub default' }],
      ['tiles.overNote', { ns: 'review', count: 3 }],
      ['refusal.wrong-pin', { count: 0 }],
      ['languageShort.zh-TW', { defaultValue: 'zh-TW' }],
      ['', {}],
      ['trailing.', {}],
    ];
    for (const [key, options] of calls) {
      const [expected, actual] = both((t) => t(key, options));
      expect(actual, `${key} ${JSON.stringify(options)}`).toBe(expected);
      expect(ours.exists(key, options), key).toBe(reference.exists(key, options as never));
    }
  });

  it('answers in another language when fixed to it, as i18next does', () => {
    for (const other of LOCALES) {
      for (const key of ['steps.greet.name', 'refusal.wrong-pin', 'language.en']) {
        const expected = reference.getFixedT(other)(key, { count: 2 });
        expect(ours.getFixedT(other)(key, { count: 2 })).toBe(expected);
      }
    }
  });
});

describe('random texts', () => {
  const NAMES = ['a', 'b', 'count', 'name'];
  const piece = fc.oneof(
    fc.stringMatching(/^[^{}$,\\-]{0,6}$/),
    fc.constantFrom(...NAMES).map((name) => `{{${name}}}`),
    fc.constantFrom(...NAMES).map((name) => `{{ ${name} }}`),
    fc.constantFrom('{', '}', '{{', '}}', '{{}}'),
  );
  const value = fc.oneof(
    fc.string({ maxLength: 8 }).filter((text) => !text.includes('$')),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
  );

  it('fill placeholders exactly as i18next does', async () => {
    const instance = i18next.createInstance();
    await instance.init({ lng: 'en', fallbackLng: false, interpolation: { escapeValue: false } });
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join('')),
        fc.dictionary(fc.constantFrom('a', 'b', 'name'), value),
        (text, values) => {
          const words = { key: text };
          instance.addResourceBundle('en', 'translation', words, true, true);
          const translator = createI18n({ lng: 'en', resources: { en: { translation: words } } });
          expect(translator.t('key', values)).toBe(instance.t('key', values));
        },
      ),
      { numRuns: 500 },
    );
  });
});

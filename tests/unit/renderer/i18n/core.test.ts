/**
 * The app's translator (core/i18n/translator.ts) on its own: lookups, placeholders, plurals,
 * namespaces, languages, adding words and telling listeners. i18next-compat.test.ts compares it
 * with i18next over every text of the app.
 */
import { describe, expect, it, vi } from 'vitest';
import { createI18n, interpolate, pluralCategory } from '../../../../core/i18n/translator';

const words = {
  greeting: 'Hello {{name}}',
  nested: { deeper: { text: 'Deep' } },
  tries_one: '{{count}} try left',
  tries_other: '{{count}} tries left',
  plain: 'Count {{count}}',
  zero_zero: 'none',
  zero_other: '{{count}} some',
  empty: '',
};

const i18n = () =>
  createI18n({
    lng: 'en',
    resources: {
      en: { translation: words, review: { title: 'Review' } },
      'zh-CN': { translation: { tries_other: '还剩 {{count}} 次', greeting: '你好 {{name}}' } },
    },
  });

describe('looking a key up', () => {
  it('follows dotted paths and answers the key itself when nothing is there', () => {
    const { t } = i18n();
    expect(t('nested.deeper.text')).toBe('Deep');
    expect(t('nested.missing')).toBe('nested.missing');
    expect(t('greeting.too.far')).toBe('greeting.too.far');
    expect(t('toString')).toBe('toString');
  });

  it('gives the default value for a missing key (interpolated), not for an empty text', () => {
    const { t } = i18n();
    expect(t('missing', { defaultValue: 'Fallback {{x}}', x: 1 })).toBe('Fallback 1');
    expect(t('missing', { defaultValue: '' })).toBe('');
    expect(t('empty', { defaultValue: 'unused' })).toBe('');
  });

  it('says so when a key names a subtree, as i18next does', () => {
    expect(i18n().t('nested')).toBe("key 'nested (en)' returned an object instead of string.");
  });

  it('reads another namespace or language when asked, and never falls back to another language', () => {
    const { t } = i18n();
    expect(t('title', { ns: 'review' })).toBe('Review');
    expect(t('title')).toBe('title');
    expect(t('greeting', { lng: 'zh-CN', name: '王' })).toBe('你好 王');
    expect(t('nested.deeper.text', { lng: 'zh-CN' })).toBe('nested.deeper.text');
    expect(t('greeting', { lng: 'zh-TW', name: 'x' })).toBe('greeting');
  });

  it('tells whether a key exists', () => {
    const translator = i18n();
    expect(translator.exists('greeting')).toBe(true);
    expect(translator.exists('nested')).toBe(true);
    expect(translator.exists('empty')).toBe(true);
    expect(translator.exists('tries')).toBe(false);
    expect(translator.exists('title')).toBe(false);
    expect(translator.exists('title', { ns: 'review' })).toBe(true);
    expect(translator.exists('greeting', { lng: 'zh-TW' })).toBe(false);
  });
});

describe('placeholders', () => {
  it('puts values in as text, every time a name appears, without escaping', () => {
    expect(interpolate('{{a}}-{{b}}-{{a}}', { a: '<b>&', b: 2 })).toBe('<b>&-2-<b>&');
    expect(interpolate('{{ a }}', { a: 'spaced' })).toBe('spaced');
    expect(interpolate('{{a}}', { a: [1, 2] })).toBe('1,2');
  });

  it('leaves a name not passed in place, and empties one passed as null or undefined', () => {
    expect(interpolate('{{a}} {{b}} {{c}}', { b: null, c: undefined })).toBe('{{a}}  ');
  });

  it('reads the text once: a value holding a placeholder stays as it is', () => {
    expect(interpolate('{{a}} {{b}}', { a: '{{b}}', b: 'B' })).toBe('{{b}} B');
  });

  it('does not take inherited properties for values', () => {
    expect(interpolate('{{toString}}', {})).toBe('{{toString}}');
  });
});

describe('plurals', () => {
  it('chooses the form by Intl.PluralRules, and the bare key when there is no form', () => {
    const { t } = i18n();
    expect(t('tries', { count: 1 })).toBe('1 try left');
    expect(t('tries', { count: 0 })).toBe('0 tries left');
    expect(t('tries', { count: 2 })).toBe('2 tries left');
    expect(t('tries', { count: 1.5 })).toBe('1.5 tries left');
    expect(t('tries', { count: 1, lng: 'zh-CN' })).toBe('还剩 1 次');
    expect(t('plain', { count: 3 })).toBe('Count 3');
    expect(t('tries')).toBe('tries');
  });

  it('takes the _zero form for a count of 0 when there is one', () => {
    const { t } = i18n();
    expect(t('zero', { count: 0 })).toBe('none');
    expect(t('zero', { count: 4 })).toBe('4 some');
  });

  it('names the categories as i18next does', () => {
    expect(['en', 'zh-CN', 'zh-TW'].map((lng) => pluralCategory(lng, 1))).toEqual([
      'one',
      'other',
      'other',
    ]);
  });
});

describe('languages and words', () => {
  it('changes the language on screen and tells each listener until it stops listening', () => {
    const translator = i18n();
    const heard = vi.fn();
    const stop = translator.onLanguageChanged(heard);
    translator.changeLanguage('zh-CN');
    expect(translator.language).toBe('zh-CN');
    expect(translator.t('tries', { count: 2 })).toBe('还剩 2 次');
    stop();
    translator.changeLanguage('en');
    expect(heard.mock.calls).toEqual([['zh-CN']]);
  });

  it('gives the same fixed function for the same language and namespace', () => {
    const translator = i18n();
    const fixed = translator.getFixedT('zh-CN');
    expect(translator.getFixedT('zh-CN')).toBe(fixed);
    expect(translator.getFixedT('zh-CN', 'review')).not.toBe(fixed);
    expect(fixed('greeting', { name: '李' })).toBe('你好 李');
    expect(translator.getFixedT('en', 'review')('title')).toBe('Review');
    expect(fixed('greeting', { name: 'Li', lng: 'en' })).toBe('Hello Li');
    const onScreen = translator.getFixedT(null);
    translator.changeLanguage('zh-CN');
    expect(onScreen('greeting', { name: '李' })).toBe('你好 李');
  });

  it('adds words deeply, keeping what is there, and never changes the words it was given', () => {
    const first = { a: { one: '1' } };
    const later = { a: { one: 'not this', two: '2' }, b: 'B' };
    const translator = createI18n({ lng: 'en' });
    expect(translator.hasResourceBundle('en', 'translation')).toBe(false);
    translator.addResourceBundle('en', 'translation', first);
    translator.addResourceBundle('en', 'translation', later);
    expect(translator.hasResourceBundle('en', 'translation')).toBe(true);
    expect(['a.one', 'a.two', 'b'].map((key) => translator.t(key))).toEqual(['1', '2', 'B']);
    expect(first).toEqual({ a: { one: '1' } });
    expect(later.a).toEqual({ one: 'not this', two: '2' });
  });
});

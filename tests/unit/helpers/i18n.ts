/**
 * i18next as the programs set it up (core/i18n/options.ts), with every locale's words at once,
 * for tests that put words into a language; and one that answers each key with the key itself
 * (i18next's 'cimode'), for tests that check which words were chosen.
 */
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import type { Locale } from '../../../core/domain/locale';
import { I18N_OPTIONS } from '../../../core/i18n/options';
import reviewEn from '../../../core/i18n/review/en.json';
import reviewZhCN from '../../../core/i18n/review/zh-CN.json';
import reviewZhTW from '../../../core/i18n/review/zh-TW.json';
import { resources } from '../../../renderer/i18n/resources';

export function testI18n(lng: Locale): I18n {
  const i18n = i18next.createInstance();
  void i18n.init({
    ...I18N_OPTIONS,
    lng,
    ns: ['translation', 'review'],
    resources: {
      en: { ...resources.en, review: reviewEn },
      'zh-CN': { ...resources['zh-CN'], review: reviewZhCN },
      'zh-TW': { ...resources['zh-TW'], review: reviewZhTW },
    },
  });
  return i18n;
}

/** A `t` that says the key it was asked for. */
export function keysT(): TFunction<'translation'> {
  const i18n = i18next.createInstance();
  void i18n.init({ ...I18N_OPTIONS, lng: 'cimode', resources: {} });
  return i18n.getFixedT('cimode', 'translation');
}

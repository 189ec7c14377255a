/**
 * The hub's pages in the three languages: its own words (hub/locales), the app's words for steps,
 * roles and PIN refusals, and the manager's review words for the figures — the same files the
 * device reads, so a step or a tile is called the same on the hub as on the tablet.
 */
import { LOCALES, type Locale } from '../core/domain/locale';
import i18next, { type TFunction } from 'i18next';
import { I18N_OPTIONS } from '../core/i18n/options';
import reviewEn from '../core/i18n/review/en.json' with { type: 'json' };
import reviewZhCN from '../core/i18n/review/zh-CN.json' with { type: 'json' };
import reviewZhTW from '../core/i18n/review/zh-TW.json' with { type: 'json' };
import appEn from '../core/i18n/locales/en.json' with { type: 'json' };
import appZhCN from '../core/i18n/locales/zh-CN.json' with { type: 'json' };
import appZhTW from '../core/i18n/locales/zh-TW.json' with { type: 'json' };
import hubEn from './locales/en.json' with { type: 'json' };
import hubZhCN from './locales/zh-CN.json' with { type: 'json' };
import hubZhTW from './locales/zh-TW.json' with { type: 'json' };

/** The hub's words by default; `{ ns: 'translation' }` or `{ ns: 'review' }` for the device's. */
export type Translate = TFunction<'hub'>;

const resources = {
  en: { translation: appEn, review: reviewEn, hub: hubEn },
  'zh-CN': { translation: appZhCN, review: reviewZhCN, hub: hubZhCN },
  'zh-TW': { translation: appZhTW, review: reviewZhTW, hub: hubZhTW },
};

const instances = new Map<Locale, Translate>();

export function loadTranslations(): void {
  const i18n = i18next.createInstance();
  void i18n.init({
    ...I18N_OPTIONS,
    lng: 'en',
    ns: ['hub', 'translation', 'review'],
    defaultNS: 'hub',
    resources,
  });
  for (const locale of LOCALES) instances.set(locale, i18n.getFixedT(locale, 'hub'));
}

export function translator(locale: Locale): Translate {
  const t = instances.get(locale);
  if (!t) throw new Error('translations not loaded');
  return t;
}

export { LOCALES, type Locale };

/**
 * The hub's pages in the three languages: its own words (hub/locales), the app's words for steps,
 * roles and PIN refusals, and the manager's review words for the figures — the same files the
 * device reads, so a step or a tile is called the same on the hub as on the tablet.
 */
import { LOCALES, type Locale } from '../core/domain/locale';
import { createI18n, type TFunction } from '../core/i18n/translator';
import reviewEn from '../core/i18n/review/en.json' with { type: 'json' };
import reviewZhCN from '../core/i18n/review/zh-CN.json' with { type: 'json' };
import reviewZhTW from '../core/i18n/review/zh-TW.json' with { type: 'json' };
import appEn from '../core/i18n/locales/en.json' with { type: 'json' };
import appZhCN from '../core/i18n/locales/zh-CN.json' with { type: 'json' };
import appZhTW from '../core/i18n/locales/zh-TW.json' with { type: 'json' };
import hubEn from './locales/en.json' with { type: 'json' };
import hubZhCN from './locales/zh-CN.json' with { type: 'json' };
import hubZhTW from './locales/zh-TW.json' with { type: 'json' };

export type Translate = TFunction;

const resources = {
  en: { translation: appEn, review: reviewEn, hub: hubEn },
  'zh-CN': { translation: appZhCN, review: reviewZhCN, hub: hubZhCN },
  'zh-TW': { translation: appZhTW, review: reviewZhTW, hub: hubZhTW },
};

const instances = new Map<Locale, Translate>();

export function loadTranslations(): void {
  for (const locale of LOCALES) {
    instances.set(locale, createI18n({ lng: locale, defaultNS: 'hub', resources }).t);
  }
}

export function translator(locale: Locale): Translate {
  const t = instances.get(locale);
  if (!t) throw new Error('translations not loaded');
  return t;
}

export { LOCALES, type Locale };

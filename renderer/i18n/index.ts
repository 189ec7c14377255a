/**
 * i18next set up with the three bundled locales. The language comes from `?lang=` (tests and
 * kiosk links), else the last one chosen on this device, else zh-CN.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, LocaleSchema, type Locale } from '../domain/locale';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import zhTW from './locales/zh-TW.json';

export const resources = {
  'zh-CN': { translation: zhCN },
  'zh-TW': { translation: zhTW },
  en: { translation: en },
} as const;

const STORAGE_KEY = 'counter-steps:locale';

export function initialLocale(search: string = globalThis.location?.search ?? ''): Locale {
  const fromUrl = LocaleSchema.safeParse(new URLSearchParams(search).get('lang'));
  if (fromUrl.success) return fromUrl.data;
  const saved = LocaleSchema.safeParse(globalThis.localStorage?.getItem(STORAGE_KEY));
  return saved.success ? saved.data : DEFAULT_LOCALE;
}

export async function initI18n(locale: Locale = initialLocale()): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
  return i18next;
}

export async function changeLocale(
  locale: Locale,
  { remember = true }: { remember?: boolean } = {},
): Promise<void> {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
  if (remember) globalThis.localStorage?.setItem(STORAGE_KEY, locale);
}

export function currentLocale(language: string): Locale {
  const parsed = LocaleSchema.safeParse(language);
  return parsed.success ? parsed.data : DEFAULT_LOCALE;
}

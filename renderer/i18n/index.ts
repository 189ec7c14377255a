/**
 * i18next with the three locales of the app. The language comes from `?lang=` (tests and kiosk
 * links), else the last one chosen on this device, else zh-CN. Only that language's words are
 * loaded at start (each locale is its own chunk); another is loaded when someone switches to it.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, LocaleSchema, type Locale } from '../domain/locale';

type Translation = Record<string, unknown>;

const LOADERS: Record<Locale, () => Promise<{ default: Translation }>> = {
  'zh-CN': () => import('./locales/zh-CN.json'),
  'zh-TW': () => import('./locales/zh-TW.json'),
  en: () => import('./locales/en.json'),
};

/** Adds `locale`'s words to i18next unless they are there already. */
async function load(locale: Locale): Promise<void> {
  if (i18next.hasResourceBundle(locale, 'translation')) return;
  const { default: translation } = await LOADERS[locale]();
  i18next.addResourceBundle(locale, 'translation', translation);
}

/** Loads every locale's words (the settings screens show a list entry's name in all three). */
export async function loadLocales(): Promise<void> {
  await Promise.all((Object.keys(LOADERS) as Locale[]).map(load));
}

const STORAGE_KEY = 'counter-steps:locale';

export function initialLocale(search: string = globalThis.location?.search ?? ''): Locale {
  const fromUrl = LocaleSchema.safeParse(new URLSearchParams(search).get('lang'));
  if (fromUrl.success) return fromUrl.data;
  const saved = LocaleSchema.safeParse(globalThis.localStorage?.getItem(STORAGE_KEY));
  return saved.success ? saved.data : DEFAULT_LOCALE;
}

export async function initI18n(locale: Locale = initialLocale()): Promise<typeof i18next> {
  const { default: translation } = await LOADERS[locale]();
  await i18next.use(initReactI18next).init({
    resources: { [locale]: { translation } },
    partialBundledLanguages: true,
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
  await load(locale);
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
  if (remember) globalThis.localStorage?.setItem(STORAGE_KEY, locale);
}

export function currentLocale(language: string): Locale {
  const parsed = LocaleSchema.safeParse(language);
  return parsed.success ? parsed.data : DEFAULT_LOCALE;
}

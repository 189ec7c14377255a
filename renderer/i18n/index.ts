/**
 * i18next (instance.ts) with the three locales of the app. The language comes from `?lang=` (tests and kiosk
 * links), else the last one chosen on this device, else zh-CN. Only the first part of that
 * language's words is loaded at start (each part of each locale is its own chunk, parts.ts); the
 * later part comes with the screens that use it (`loadLaterWords`), and another language's words
 * when someone switches to it.
 */
import { DEFAULT_LOCALE, LocaleSchema, type Locale } from '../../core/domain/locale';
import type { i18n as I18n } from 'i18next';
import { i18n } from './instance';
import type { WordsPart } from '../../core/i18n/parts';

/** A part of a locale's words (scripts/locale-words-plugin.ts). */
type Loader = () => Promise<{ default: Record<string, unknown> }>;

const LOADERS: Record<Locale, Record<WordsPart, Loader>> = {
  'zh-CN': {
    first: () => import('virtual:locale-words/zh-CN-first'),
    later: () => import('virtual:locale-words/zh-CN-later'),
  },
  'zh-TW': {
    first: () => import('virtual:locale-words/zh-TW-first'),
    later: () => import('virtual:locale-words/zh-TW-later'),
  },
  en: {
    first: () => import('virtual:locale-words/en-first'),
    later: () => import('virtual:locale-words/en-later'),
  },
};

/** Which parts of each locale i18next has. */
const loaded = new Map<Locale, Set<WordsPart>>();
/** Whether a screen that needs the later words has been opened (then every language gets them). */
let laterWanted = false;

async function loadPart(locale: Locale, part: WordsPart): Promise<void> {
  const parts = loaded.get(locale) ?? new Set<WordsPart>();
  loaded.set(locale, parts);
  if (parts.has(part)) return;
  const { default: words } = await LOADERS[locale][part]();
  // Deep, and without overwriting: the two parts have different top-level keys.
  i18n.addResourceBundle(locale, 'translation', words, true, false);
  parts.add(part);
}

/** Adds `locale`'s words to i18next unless they are there already. */
async function load(locale: Locale): Promise<void> {
  await Promise.all([
    loadPart(locale, 'first'),
    ...(laterWanted ? [loadPart(locale, 'later')] : []),
  ]);
}

/**
 * The words of the lazily loaded screens (settings, staff, the log, the customer display), in the
 * language on screen and any loaded since; awaited by those screens' loaders.
 */
export async function loadLaterWords(): Promise<void> {
  laterWanted = true;
  const locales = new Set<Locale>([...loaded.keys(), currentLocale(i18n.language)]);
  await Promise.all([...locales].map((locale) => load(locale)));
}

/** Loads every locale's words (the settings screens show a list entry's name in all three). */
export async function loadLocales(): Promise<void> {
  laterWanted = true;
  await Promise.all((Object.keys(LOADERS) as Locale[]).map(load));
}

const STORAGE_KEY = 'counter-steps:locale';

export function initialLocale(search: string = globalThis.location?.search ?? ''): Locale {
  const fromUrl = LocaleSchema.safeParse(new URLSearchParams(search).get('lang'));
  if (fromUrl.success) return fromUrl.data;
  const saved = LocaleSchema.safeParse(globalThis.localStorage?.getItem(STORAGE_KEY));
  return saved.success ? saved.data : DEFAULT_LOCALE;
}

export async function initI18n(locale: Locale = initialLocale()): Promise<I18n> {
  await loadPart(locale, 'first');
  await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
  return i18n;
}

export async function changeLocale(
  locale: Locale,
  { remember = true }: { remember?: boolean } = {},
): Promise<void> {
  await load(locale);
  await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
  if (remember) globalThis.localStorage?.setItem(STORAGE_KEY, locale);
}

export function currentLocale(language: string): Locale {
  const parsed = LocaleSchema.safeParse(language);
  return parsed.success ? parsed.data : DEFAULT_LOCALE;
}

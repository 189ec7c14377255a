/**
 * The settings the app, the hub and the command-line verifier give i18next (Decision 57): one
 * language at a time and no other tried when a word is missing (zh-TW never shows zh-CN's words),
 * values put in as they are (the app renders text, React escapes it; the hub's templates escape),
 * and `init` done at once, since every program adds its words itself.
 */
import type { InitOptions } from 'i18next';

export const I18N_OPTIONS = {
  fallbackLng: false,
  load: 'currentOnly',
  defaultNS: 'translation',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
} as const satisfies InitOptions;

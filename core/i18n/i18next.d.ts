/**
 * The shape of the words, for i18next's types: every `t('…')` in the app, the hub and the
 * command-line verifier is checked against the English files, so a misspelt or missing key fails
 * the type-check (tests/unit/core/i18n/typed-keys.test.ts). English is the reference: the locale
 * test (tests/unit/renderer/i18n/locales.test.ts) keeps the other two files to the same keys.
 * The hub adds its own namespace in hub/i18next.d.ts.
 */
import type en from './locales/en.json';
import type enReview from './review/en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en; review: typeof enReview };
  }
}

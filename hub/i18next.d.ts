/**
 * The hub's own words, typed like the app's (core/i18n/i18next.d.ts): a misspelt `t('…')` in a
 * hub page fails the type-check. Its own namespace, beside the app's and the review's.
 */
import type hubEn from './locales/en.json';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    hub: typeof hubEn;
  }
}

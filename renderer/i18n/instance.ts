/**
 * The renderer's one i18next instance, given to react-i18next (its `useTranslation` and `Trans`
 * read it). Its words arrive by part and by language (index.ts), the review's with its screens
 * (features/manager/i18n.ts). `resources: {}` tells i18next that words are added, never fetched:
 * a namespace counts as loaded, so no screen waits for a backend that does not exist.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE } from '../../core/domain/locale';
import { I18N_OPTIONS } from '../../core/i18n/options';

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  ...I18N_OPTIONS,
  lng: DEFAULT_LOCALE,
  ns: ['translation'],
  resources: {},
  react: { useSuspense: false },
});

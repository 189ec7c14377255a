/**
 * The translator for a component, in the language on screen: the component renders again
 * whenever the language changes (react-i18next's `useTranslation`, the part the app uses).
 * `ns` names the namespace `t` reads (the review's words are 'review'); `i18n` is the translator
 * itself, for `language`, `exists` and `getFixedT`.
 */
import { useSyncExternalStore } from 'react';
import type { I18n, TFunction } from '../../core/i18n/translator';
import { i18n } from './instance';

const languageOnScreen = () => i18n.language;

export function useTranslation(ns?: string): { t: TFunction; i18n: I18n } {
  const language = useSyncExternalStore(i18n.onLanguageChanged, languageOnScreen);
  // The same function for the same language and namespace, so memos and effects that depend on
  // `t` run again exactly when the language changes.
  return { t: i18n.getFixedT(language, ns), i18n };
}

/**
 * All three locales at once, for tests and tools that compare or read them. The app itself loads
 * only the language on screen (index.ts), and another when the clerk switches to it.
 */
import en from '../../core/i18n/locales/en.json';
import zhCN from '../../core/i18n/locales/zh-CN.json';
import zhTW from '../../core/i18n/locales/zh-TW.json';

export const resources = {
  'zh-CN': { translation: zhCN },
  'zh-TW': { translation: zhTW },
  en: { translation: en },
} as const;

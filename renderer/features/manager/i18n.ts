/**
 * The review screens' words, in their own namespace (`review`), loaded with these screens
 * so the clerk's screen does not carry them.
 */
import { i18n } from '../../i18n/instance';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import zhTW from './locales/zh-TW.json';

export const REVIEW_NS = 'review';
export const reviewResources = { 'zh-CN': zhCN, 'zh-TW': zhTW, en } as const;

for (const [language, bundle] of Object.entries(reviewResources)) {
  if (!i18n.hasResourceBundle(language, REVIEW_NS)) {
    i18n.addResourceBundle(language, REVIEW_NS, bundle);
  }
}

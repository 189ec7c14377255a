/**
 * The review screens' words, in their own namespace (`review`), loaded with these screens
 * so the clerk's screen does not carry them.
 */
import { i18n } from '../../i18n/instance';
import en from '../../../core/i18n/review/en.json';
import zhCN from '../../../core/i18n/review/zh-CN.json';
import zhTW from '../../../core/i18n/review/zh-TW.json';

export const REVIEW_NS = 'review' as const;
export const reviewResources = { 'zh-CN': zhCN, 'zh-TW': zhTW, en } as const;

for (const [language, bundle] of Object.entries(reviewResources)) {
  if (!i18n.hasResourceBundle(language, REVIEW_NS)) {
    i18n.addResourceBundle(language, REVIEW_NS, bundle);
  }
}

import { z } from './zod';

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A text in every supported language; a missing language is a schema error, not a blank. */
export const LocalizedTextSchema = z.object({
  'zh-CN': z.string().check(z.minLength(1)),
  'zh-TW': z.string().check(z.minLength(1)),
  en: z.string().check(z.minLength(1)),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

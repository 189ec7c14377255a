/**
 * The renderer's one translator (core.ts). Its words arrive by part and by language (index.ts);
 * screens read it through `useTranslation`.
 */
import { DEFAULT_LOCALE } from '../../core/domain/locale';
import { createI18n } from '../../core/i18n/translator';

export const i18n = createI18n({ lng: DEFAULT_LOCALE });

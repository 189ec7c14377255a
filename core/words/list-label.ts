/**
 * The name of a configured list entry (a skip reason, an offer, a business type) in a language: the
 * manager's name for it when it has one, else the built-in name from i18n, else its code (an entry
 * no longer configured and never built in, seen in an old service).
 */
import type { Config } from '../domain/device/config';
import type { Locale } from '../domain/locale';

export type ListName = 'skip-reasons' | 'offers' | 'business-types';

/** Where i18n names the built-in entries of each list. */
export const LIST_I18N_PREFIX: Record<ListName, string> = {
  'skip-reasons': 'skipReason',
  offers: 'offer',
  'business-types': 'business',
};

export function listEntries(
  config: Pick<Config, 'skipReasons' | 'offers' | 'businessTypes'>,
  list: ListName,
) {
  switch (list) {
    case 'skip-reasons':
      return config.skipReasons;
    case 'offers':
      return config.offers;
    case 'business-types':
      return config.businessTypes;
  }
}

/** `translate` answers the text of an i18n key, or null when there is none. */
export function listLabel(
  config: Pick<Config, 'skipReasons' | 'offers' | 'businessTypes'>,
  locale: Locale,
  translate: (key: string) => string | null,
  list: ListName,
  code: string,
): string {
  const labels = listEntries(config, list).find((entry) => entry.code === code)?.labels;
  if (labels) return labels[locale];
  return translate(`${LIST_I18N_PREFIX[list]}.${code}`) ?? code;
}

/**
 * Names for the codes of the configurable lists: a manager's entry by the names it was given, a
 * built-in one by its i18n text, anything else (an entry since removed) by its code.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { useDeviceState } from './store-context';

export type ListName = 'skip-reasons' | 'offers' | 'business-types';

const I18N_PREFIX: Record<ListName, string> = {
  'skip-reasons': 'skipReason',
  offers: 'offer',
  'business-types': 'business',
};

export function useListLabel(): (list: ListName, code: string) => string {
  const { t, i18n } = useTranslation();
  const { config } = useDeviceState();
  return useCallback(
    (list, code) => {
      const entries =
        list === 'skip-reasons'
          ? config.skipReasons
          : list === 'offers'
            ? config.offers
            : config.businessTypes;
      const labels = entries.find((entry) => entry.code === code)?.labels;
      if (labels) return labels[currentLocale(i18n.language)];
      return t(`${I18N_PREFIX[list]}.${code}`, { defaultValue: code });
    },
    [t, i18n.language, config],
  );
}

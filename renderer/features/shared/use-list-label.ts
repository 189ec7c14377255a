/**
 * `useListLabel()(list, code)`: what to call a skip reason, an offer or a business type on screen,
 * in the current language, as the device is configured now: a manager's entry by the names it was
 * given, a built-in one by its i18n text, anything else (an entry since removed) by its code (see
 * list-label.ts). A manager's rename shows everywhere at once: the names come from the same device
 * state the domain decides with.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { listLabel, type ListName } from '../../../core/words/list-label';
import { useDeviceState } from './store-context';

export type { ListName } from '../../../core/words/list-label';

export function useListLabel(): (list: ListName, code: string) => string {
  const { t, i18n } = useTranslation();
  const { config } = useDeviceState();
  const locale = currentLocale(i18n.language);
  return useCallback(
    (list, code) =>
      // A configured code is known only at run time: its key is looked up (exists), not typed.
      listLabel(
        config,
        locale,
        (key) => (i18n.exists(key) ? t(key, { defaultValue: code }) : null),
        list,
        code,
      ),
    [config, locale, t, i18n],
  );
}

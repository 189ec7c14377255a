/** Turns an auth refusal into a sentence in the user's language (attempts left, when to retry). */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthRefusal } from '../../storage';

export function useAuthMessage(): (refusal: AuthRefusal) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (refusal: AuthRefusal) =>
      t(`auth.${refusal.code}`, {
        attemptsLeft: refusal.attemptsLeft ?? 0,
        time: refusal.retryAt
          ? new Date(refusal.retryAt).toLocaleTimeString(i18n.language, { hour12: false })
          : '',
      }),
    [t, i18n.language],
  );
}

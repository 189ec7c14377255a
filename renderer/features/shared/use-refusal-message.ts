/**
 * Turns a refusal or a storage failure into a sentence in the user's language: which steps are
 * pending, how many tries are left, when to try again, what is wrong with a surname.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Refusal } from '../../domain/refusal';
import { StorageError } from '../../storage';

export function useRefusalMessage(): (refusal: Refusal) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (refusal: Refusal) => {
      if (refusal.code === 'invalid-surname' && refusal.surname) {
        return t(`surnameProblem.${refusal.surname}`);
      }
      const steps = (refusal.steps ?? [])
        .map((id) => t(`steps.${id}.name`))
        .join(t('list.separator'));
      return t(`refusal.${refusal.code}`, {
        steps,
        count: refusal.attemptsLeft ?? refusal.steps?.length ?? 0,
        time: refusal.retryAt
          ? new Date(refusal.retryAt).toLocaleTimeString(i18n.language, { hour12: false })
          : '',
      });
    },
    [t, i18n.language],
  );
}

export function useStorageErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) =>
      t(`storageError.${error instanceof StorageError ? error.code : 'write-failed'}`),
    [t],
  );
}

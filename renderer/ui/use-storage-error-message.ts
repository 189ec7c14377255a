/** A storage failure (full disk, unreadable log…) as a sentence in the user's language. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { StorageError } from '../storage/errors';

export function useStorageErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) =>
      t(`storageError.${error instanceof StorageError ? error.code : 'write-failed'}`),
    [t],
  );
}

/**
 * The clerk's command path for screens: run a command through the repository and turn a refusal or
 * a storage failure into a sentence in the clerk's language.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command, Refusal } from '../../domain/engine';
import { useRepositories } from '../../storage/provider';
import { useStorageErrorMessage } from '../../ui/use-storage-error-message';

export function useRefusalMessage(): (refusal: Refusal) => string {
  const { t } = useTranslation();
  return useCallback(
    (refusal: Refusal) => {
      const steps = (refusal.steps ?? [])
        .map((id) => t(`steps.${id}.name`))
        .join(t('list.separator'));
      return t(`refusal.${refusal.code}`, { steps });
    },
    [t],
  );
}

export function useCommand() {
  const { services } = useRepositories();
  const [message, setMessage] = useState<string | null>(null);
  const refusalMessage = useRefusalMessage();
  const storageMessage = useStorageErrorMessage();

  /** Resolves true when the events were stored; otherwise shows why and resolves false. */
  const run = useCallback(
    async (command: Command): Promise<boolean> => {
      try {
        const result = await services.execute(command);
        if (result.ok) {
          setMessage(null);
          return true;
        }
        setMessage(refusalMessage(result.refusal));
      } catch (error) {
        setMessage(storageMessage(error));
      }
      return false;
    },
    [services, refusalMessage, storageMessage],
  );

  return { run, message, setMessage, dismiss: () => setMessage(null) };
}

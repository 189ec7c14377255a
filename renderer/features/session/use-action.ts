/**
 * Runs a storage call from a form: shows the refusal or the storage failure as a sentence, and
 * whether it is still working (PBKDF2 takes a noticeable fraction of a second on purpose).
 */
import { useCallback, useState } from 'react';
import type { AuthRefusal } from '../../storage';
import { useStorageErrorMessage } from '../../ui/use-storage-error-message';
import { useAuthMessage } from './use-auth-message';

type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: AuthRefusal };

export function useAction() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const authMessage = useAuthMessage();
  const storageMessage = useStorageErrorMessage();

  const run = useCallback(
    async <T>(work: () => Promise<Outcome<T>>): Promise<T | undefined> => {
      setBusy(true);
      try {
        const result = await work();
        if (result.ok) {
          setError(null);
          return result.value;
        }
        setError(authMessage(result.refusal));
      } catch (failure) {
        setError(storageMessage(failure));
      } finally {
        setBusy(false);
      }
      return undefined;
    },
    [authMessage, storageMessage],
  );

  return { run, error, setError, busy };
}

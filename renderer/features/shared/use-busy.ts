/**
 * A flag that is up while a piece of work runs (to disable its button, or say "Checking…") and
 * down again however the work ends.
 */
import { useCallback, useState } from 'react';

export function useBusy() {
  const [busy, setBusy] = useState(false);
  /** Runs `work` with the flag up; resolves or rejects as it does. */
  const whileBusy = useCallback(async <T>(work: () => Promise<T>): Promise<T> => {
    setBusy(true);
    try {
      return await work();
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, whileBusy };
}

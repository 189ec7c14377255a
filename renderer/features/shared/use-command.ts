/**
 * The one way a screen changes anything: run a command through the store, and turn a refusal or a
 * storage failure into a sentence in the user's language. A stale command (a tap queued before the
 * screen changed) is dropped without a word: the screen already shows what is true.
 */
import { useCallback, useState } from 'react';
import type { Command } from '../../domain/device/commands';
import type { LogRecord } from '../../domain/log/records';
import type { Refusal } from '../../domain/refusal';
import { useStore } from './store-context';
import { useRefusalMessage, useStorageErrorMessage } from './use-refusal-message';

export function useCommand() {
  const store = useStore();
  const [error, setError] = useState<string | null>(null);
  /** The last refusal itself, for a form that shows it next to the field it concerns. */
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const refusalMessage = useRefusalMessage();
  const storageMessage = useStorageErrorMessage();

  /** Resolves with the stored records, or null when refused or not stored (the message says why). */
  const run = useCallback(
    async (command: Command): Promise<LogRecord[] | null> => {
      setBusy(true);
      try {
        const result = await store.execute(command);
        if (result.ok) {
          setError(null);
          setRefusal(null);
          return result.value;
        }
        if (result.error.code !== 'stale-command') {
          setError(refusalMessage(result.error));
          setRefusal(result.error);
        }
      } catch (failure) {
        setError(storageMessage(failure));
        setRefusal(null);
      } finally {
        setBusy(false);
      }
      return null;
    },
    [store, refusalMessage, storageMessage],
  );

  const dismiss = useCallback(() => {
    setError(null);
    setRefusal(null);
  }, []);
  return { run, error, refusal, setError, busy, dismiss };
}

/**
 * The one way a screen changes anything: run a command through the store, and turn a refusal or a
 * storage failure into a sentence in the user's language. A stale command (a tap queued before the
 * screen changed) is dropped without a word: the screen already shows what is true.
 */
import { useCallback, useRef, useState } from 'react';
import type { Command } from '../../../core/domain/device/commands';
import type { LogRecord } from '../../../core/domain/log/records';
import type { Refusal } from '../../../core/domain/refusal';
import { useStore } from './store-context';
import { useRefusalMessage, useStorageErrorMessage } from './use-refusal-message';

export function useCommand() {
  const store = useStore();
  const [error, setError] = useState<string | null>(null);
  /** The last refusal itself, for a form that shows it next to the field it concerns. */
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  // Only a screen that shows `busy` re-renders for it: the clerk's screen does not, and a render of
  // it at the moment of the tap would hold up the tap's own write.
  const busyShown = useRef(false);
  const refusalMessage = useRefusalMessage();
  const storageMessage = useStorageErrorMessage();

  /** Resolves with the stored records, or null when refused or not stored (the message says why). */
  const run = useCallback(
    async (command: Command): Promise<LogRecord[] | null> => {
      if (busyShown.current) setBusy(true);
      // A message describes the attempt before this one: once the form is sent again (corrected or
      // not) it no longer applies, whatever this attempt's outcome (a dropped stale command says
      // nothing, and must not leave the old refusal on screen).
      setError(null);
      setRefusal(null);
      try {
        const result = await store.execute(command);
        if (result.ok) return result.value;
        if (result.error.code !== 'stale-command') {
          setError(refusalMessage(result.error));
          setRefusal(result.error);
        }
      } catch (failure) {
        setError(storageMessage(failure));
        setRefusal(null);
      } finally {
        if (busyShown.current) setBusy(false);
      }
      return null;
    },
    [store, refusalMessage, storageMessage],
  );

  const dismiss = useCallback(() => {
    setError(null);
    setRefusal(null);
  }, []);
  return {
    run,
    error,
    refusal,
    setError,
    dismiss,
    /** Reading it (during render) is what makes this screen re-render while a command runs. */
    get busy() {
      busyShown.current = true;
      return busy;
    },
  };
}

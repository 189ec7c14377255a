/**
 * Saving one configuration change, as every settings form does: one `change-config` command, then
 * "Saved" or the domain's refusal (with what is wrong, to show next to the field it concerns).
 * Nothing stored changes on a refusal: the domain records nothing.
 */
import { useCallback, useState } from 'react';
import type { ConfigProblem } from '../../../core/domain/device/config-problem';
import { useCommand } from '../shared/use-command';

export function useConfigSave() {
  const { run, error, refusal, busy, dismiss } = useCommand();
  const [saved, setSaved] = useState(false);
  const save = useCallback(
    async (change: unknown): Promise<boolean> => {
      const stored = (await run({ type: 'change-config', change })) !== null;
      setSaved(stored);
      return stored;
    },
    [run],
  );
  /** Forget the last outcome (the manager is typing again, or opened another form). */
  const reset = useCallback(() => {
    setSaved(false);
    dismiss();
  }, [dismiss]);
  const problem: ConfigProblem | null = refusal?.config ?? null;
  return { save, saved, error, problem, busy, reset };
}

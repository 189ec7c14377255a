/** Why an export could not be imported or restored, in the user's language. */
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Refusal } from '../../../core/domain/refusal';
import { exportProblemText } from '../../../core/export/messages';
import type { ImportProblem } from '../../storage';
import { useRefusalMessage } from './use-refusal-message';

type Translate = TFunction<'translation'>;

/** Why an import waits for the manager's confirmation, one sentence a reason. */
export function cautionLines(
  t: Translate,
  problem: Extract<ImportProblem, { kind: 'needs-confirmation' }>,
): string[] {
  return problem.cautions.map((caution) => t(`importing.confirm.${caution.kind}`, caution));
}

/** The message for an import's problem (pure: `t` is the language's translate function). */
export function importProblemText(t: Translate, problem: ImportProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return t('importing.problem.unreadable', {
        problem: exportProblemText(t, { kind: problem.problem }),
      });
    case 'not-intact': {
      const reason = problem.verdict.problem ? exportProblemText(t, problem.verdict.problem) : '';
      return t('importing.problem.not-intact', { problem: reason });
    }
    case 'needs-confirmation':
      return t('importing.problem.needs-confirmation', {
        reasons: cautionLines(t, problem).join(' '),
      });
    default:
      return t(`importing.problem.${problem.kind}`, problem);
  }
}

export function useImportMessage(): (problem: ImportProblem | Refusal) => string {
  const { t } = useTranslation();
  const refusalMessage = useRefusalMessage();
  return useCallback(
    (problem) => ('code' in problem ? refusalMessage(problem) : importProblemText(t, problem)),
    [t, refusalMessage],
  );
}

/** A verification verdict in words: intact with its counts, or the first record that is not and why. */
import { useTranslation } from 'react-i18next';
import type { Verdict, VerifyProblem } from '../../../core/domain/log/verify';
import { logProblemText } from '../../../core/export/messages';

export function useProblemText(): (problem: VerifyProblem) => string {
  const { t } = useTranslation();
  return (problem) => logProblemText(t, problem);
}

export function VerdictView({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  return (
    <div className={verdict.intact ? 'verdict ok' : 'verdict bad'} role="status">
      <p>
        {verdict.intact
          ? t('audit.intact', { count: verdict.count })
          : t('audit.broken', { problem: problemText(verdict.problem) })}
      </p>
      <p className="hint">
        {verdict.checkpoints === 0
          ? t('audit.notSealed')
          : t('audit.sealed', {
              sealed: verdict.sealedUpTo,
              count: verdict.checkpoints,
              total: verdict.head.seq,
            })}
      </p>
    </div>
  );
}

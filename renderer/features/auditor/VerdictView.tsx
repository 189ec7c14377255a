/**
 * A verification verdict in words: intact with its counts, or the first record that is not and
 * what the records before it were found to be — the same lines as export/messages.ts gives.
 */
import { useTranslation } from 'react-i18next';
import type { Verdict, VerifyProblem } from '../../../core/domain/log/verify';
import { logProblemText, logVerdictLines } from '../../../core/export/messages';

export function useProblemText(): (problem: VerifyProblem) => string {
  const { t } = useTranslation();
  return (problem) => logProblemText(t, problem);
}

export function VerdictView({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const [first, ...rest] = logVerdictLines(t, verdict);
  return (
    <div className={verdict.intact ? 'verdict ok' : 'verdict bad'} role="status">
      <p>{first}</p>
      {rest.map((line) => (
        <p key={line} className="hint">
          {line}
        </p>
      ))}
    </div>
  );
}

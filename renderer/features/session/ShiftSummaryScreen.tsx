/**
 * After signing out (签退): the shift's own figures, the clerk's self-check (自查). Steps kept is
 * done ÷ steps that applied (done or skipped); steps never reached because a customer left early
 * are shown apart (see domain/service/shift-summary.ts).
 */
import './session.css';
import { useTranslation } from 'react-i18next';
import type { ShiftSummary } from '../../../core/domain/log/events';
import { formatDuration } from '../../ui/format';
import { useListLabel } from '../shared/use-list-label';

export function ShiftSummaryScreen({
  staffNo,
  summary,
  onDone,
}: {
  staffNo: string;
  summary: ShiftSummary;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const label = useListLabel();
  const rate =
    summary.stepsApplicable === 0
      ? null
      : Math.round((summary.stepsDone / summary.stepsApplicable) * 100);
  const reasons = Object.entries(summary.skipReasons)
    .map(([reason, count]) =>
      t('summary.reasonCount', { reason: label('skip-reasons', reason), count }),
    )
    .join(t('list.separator'));
  const figures: [string, string, string][] = [
    // Steps kept first, across the whole width: the figure the shift is judged by.
    [
      'completion',
      t('summary.completion'),
      rate === null
        ? '—'
        : t('summary.percent', { rate, done: summary.stepsDone, count: summary.stepsApplicable }),
    ],
    ['services', t('summary.services'), String(summary.services)],
    [
      'finished',
      t('summary.finishedAbandoned'),
      t('summary.finishedOf', { finished: summary.finished, abandoned: summary.abandoned }),
    ],
    [
      'not-reached',
      t('summary.notReached'),
      t('summary.steps', { count: summary.stepsNotReached ?? 0 }),
    ],
    [
      'average',
      t('summary.average'),
      summary.averageMs === null ? '—' : formatDuration(summary.averageMs),
    ],
    ['skips', t('summary.skips'), String(summary.skips)],
  ];
  return (
    <main className="setup">
      <section className="setup-form" aria-labelledby="summary-title">
        <h1 id="summary-title">{t('summary.title', { staffNo })}</h1>
        <dl className="figures">
          {figures.map(([key, label, value]) => (
            <div key={key}>
              <dt>{label}</dt>
              <dd data-figure={key}>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="hint">{t('summary.definition')}</p>
        {reasons && <p className="hint">{reasons}</p>}
        <button type="button" className="primary big" onClick={onDone}>
          {t('summary.done')}
        </button>
      </section>
    </main>
  );
}

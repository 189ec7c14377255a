/** Every record of a service, in order: offset from the start, who, the step, what happened. */
import { useTranslation } from '../../i18n/use-translation';
import { formatYuan } from '../../domain/money';
import type { TimelineEntry } from '../../domain/review/timeline';
import { useListLabel } from '../shared/use-list-label';
import { formatMs } from './format';

function useDescribe() {
  const { t } = useTranslation('review');
  const { t: tApp } = useTranslation();
  const label = useListLabel();
  return (entry: TimelineEntry): string => {
    switch (entry.kind) {
      case 'started':
        return t('entry.started', {
          ticket: entry.ticket,
          type: label('business-types', entry.businessType),
          target: formatMs(entry.targetSeconds * 1000),
        });
      case 'named':
        return t('entry.named', { surname: entry.surname });
      case 'done':
        return t('entry.done');
      case 'skipped':
        return t('entry.skipped', {
          reason: label('skip-reasons', entry.reason),
          note: entry.note ? ` (${entry.note})` : '',
        });
      case 'na':
        return entry.auto ? t('entry.naAuto') : t('entry.na');
      case 'not-arisen':
        return t('entry.notArisen', {
          steps: entry.steps.map((id) => tApp(`steps.${id}.name`)).join(t('listSeparator')),
        });
      case 'left-seat':
        return t('entry.leftSeat');
      case 'returned':
        return t('entry.returned', { absence: formatMs(entry.absenceMs) });
      case 'money':
        return t('entry.money', {
          due: formatYuan(entry.dueFen),
          received: formatYuan(entry.receivedFen),
          change: formatYuan(entry.changeFen),
        });
      case 'recommended':
        return t('entry.recommended', {
          offer: label('offers', entry.offer),
          response: tApp(`response.${entry.response}`),
        });
      case 'called-next':
        return t('entry.calledNext', { ticket: entry.nextTicket });
      case 'finished':
        return t('entry.finished', { duration: formatMs(entry.durationMs) });
      case 'abandoned':
        return t('entry.abandoned', {
          reason: tApp(`abandonReason.${entry.reason}`),
          duration: formatMs(entry.durationMs),
        });
      case 'rated':
        return t('entry.rated', { rating: t(`ratings.${entry.rating}`) });
      case 'amended':
        return t('entry.amended', {
          change:
            entry.change.kind === 'business-type'
              ? label('business-types', entry.change.businessType)
              : `${tApp(`steps.${entry.change.stepId}.name`)} → ${t(`outcome.${entry.change.outcome}`)}`,
          reason: entry.reason,
        });
      case 'clock-moved':
        return t(entry.jumpMs > 0 ? 'entry.clockForward' : 'entry.clockBack', {
          amount: formatMs(Math.abs(entry.jumpMs)),
        });
      case 'complaint-started':
        return t(`entry.complaintStarted.${entry.trigger}`);
      case 'complaint-recorded':
        return t('entry.complaintRecorded', {
          category: tApp(`complaint.category.${entry.category}`),
          outcome:
            entry.outcome.kind === 'escalated'
              ? entry.outcome.due
                ? t('entry.escalatedWithFollowUp', {
                    staffNo: entry.outcome.manager,
                    date: entry.outcome.due,
                  })
                : t('entry.escalatedTo', { staffNo: entry.outcome.manager })
              : entry.outcome.kind === 'follow-up'
                ? t('entry.followUpBy', { date: entry.outcome.due })
                : tApp('complaint.outcome.resolved'),
          summary: entry.summary,
        });
      case 'escalation-confirmed':
        return t('entry.escalationConfirmed');
      case 'follow-up-closed':
        return t('entry.followUpClosed', {
          result: t(`followUps.result.${entry.result}`),
          note: entry.note ? ` (${entry.note})` : '',
        });
      case 'checked':
        return t('entry.checked', {
          kind: t(`check.kinds.${entry.check}`),
          count: Object.values(entry.observations).filter((seen) => seen !== 'not-seen').length,
          note: entry.note ? ` (${entry.note})` : '',
        });
    }
  };
}

export function TimelineList({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation('review');
  const { t: tApp } = useTranslation();
  const describe = useDescribe();
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.records')}</h2>
      <ol className="timeline">
        {entries.map((entry) => (
          <li
            key={`${entry.seq}:${entry.kind}`}
            className={`entry entry-${entry.kind}`}
            data-kind={entry.kind}
          >
            <span className="entry-offset">
              {entry.offsetMs >= 0 ? `+${formatMs(entry.offsetMs)}` : formatMs(entry.offsetMs)}
            </span>
            <span className="entry-who">{entry.by ?? '—'}</span>
            <span className="entry-what">
              {entry.step && (
                <strong>{t('stepLabel', { name: tApp(`steps.${entry.step}.name`) })}</strong>
              )}
              {describe(entry)}
            </span>
            <span className="entry-seq">{t('seq', { seq: entry.seq })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * Words for the drill-down in the reader's language, with the device's own review texts (the
 * `review` namespace) so a timeline reads the same on the hub as on the tablet: a list entry's name
 * as the device was configured (a manager's name for it, else the built-in one, else its code), a
 * service filter's title, and each timeline entry.
 */
import type { Config } from '../../renderer/domain/device/config';
import type { Locale } from '../../renderer/domain/locale';
import { formatYuan } from '../../renderer/domain/money';
import type { TimelineEntry } from '../../renderer/domain/review/timeline';
import type { Translate } from '../i18n';
import { duration } from './page';

export type ListName = 'skip-reasons' | 'offers' | 'business-types';
export type Label = (list: ListName, code: string) => string;

/** Where the app's i18n names the built-in entries of each list (as the device's list-label.ts). */
const I18N_PREFIX: Record<ListName, string> = {
  'skip-reasons': 'skipReason',
  offers: 'offer',
  'business-types': 'business',
};

/**
 * List names as the device names them (renderer/features/shared/list-label.ts): a manager's name
 * in `config`, else the built-in name, else the code (an entry since removed). Null `config`: the
 * built-in names.
 */
export function labeller(t: Translate, locale: Locale, config: Config | null): Label {
  return (list, code) => {
    const entries =
      list === 'skip-reasons'
        ? config?.skipReasons
        : list === 'offers'
          ? config?.offers
          : config?.businessTypes;
    const labels = entries?.find((entry) => entry.code === code)?.labels;
    if (labels) return labels[locale];
    const text = t(`${I18N_PREFIX[list]}.${code}`, { ns: 'translation', defaultValue: '' });
    return text === '' ? code : text;
  };
}

/** What a filter tag shows as, in the services list's title. */
export function tagTitle(t: Translate, label: Label, tag: string): string {
  const [kind = '', value = ''] = tag.split(':');
  const stepName = () => t(`steps.${value}.name`, { ns: 'translation' });
  switch (kind) {
    case 'clerk':
      return t('ranking.clerkOne', { ns: 'review', key: value });
    case 'counter':
      return t('ranking.counterOne', { ns: 'review', key: value });
    case 'device':
      return t('drill.device', { device: value.slice(0, 8) });
    case 'type':
      return label('business-types', value);
    case 'reason':
      return label('skip-reasons', value);
    case 'offer':
      return label('offers', value);
    case 'flag':
      return value === 'any'
        ? t('tiles.flagged', { ns: 'review' })
        : t(`flags.${value}`, { ns: 'review' });
    case 'rating':
      return t(`ratings.${value}`, { ns: 'review' });
    case 'skip':
      return t('drill.skipped', { step: stepName() });
    case 'late':
      return t('drill.late', { step: stepName() });
    case 'outcome':
      return t(`drill.outcome.${value}`);
    case 'complaint':
      return t('complaints.title', { ns: 'review' });
    case 'complaint-category':
      return t('complaints.badge', {
        ns: 'review',
        category:
          value === 'none'
            ? t('complaints.unrecorded', { ns: 'review' })
            : t(`complaint.category.${value}`, { ns: 'translation' }),
      });
    case 'complaint-outcome':
      return value === 'none'
        ? t('complaints.unrecorded', { ns: 'review' })
        : t(`complaint.outcome.${value}`, { ns: 'translation' });
    case 'complaint-followup':
      return t('complaints.followUps', { ns: 'review' });
    case 'complaint-followup-open':
      return t('drill.followUpOpen');
    case 'complaint-followup-closed':
      return t('drill.followUpClosed');
    case 'overdue':
      return t('complaints.overdueFollowUps', { ns: 'review' });
    case 'complaint-step-done':
    case 'complaint-step-skip':
    case 'complaint-step-na':
    case 'complaint-step-over':
      return t(`drill.complaintStep.${kind.slice('complaint-step-'.length)}`, {
        step: stepName(),
      });
    default:
      return t(`drill.tag.${kind}`);
  }
}

export function describeEntry(t: Translate, label: Label, entry: TimelineEntry): string {
  const r = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'review', ...values });
  const app = (key: string) => t(key, { ns: 'translation' });
  switch (entry.kind) {
    case 'started':
      return r('entry.started', {
        ticket: entry.ticket,
        type: label('business-types', entry.businessType),
        target: duration(entry.targetSeconds * 1000),
      });
    case 'named':
      return r('entry.named', { surname: entry.surname });
    case 'done':
      return r('entry.done');
    case 'skipped':
      return r('entry.skipped', {
        reason: label('skip-reasons', entry.reason),
        note: entry.note ? ` (${entry.note})` : '',
      });
    case 'na':
      return entry.auto ? r('entry.naAuto') : r('entry.na');
    case 'not-arisen':
      return r('entry.notArisen', {
        steps: entry.steps.map((id) => app(`steps.${id}.name`)).join(r('listSeparator')),
      });
    case 'left-seat':
      return r('entry.leftSeat');
    case 'returned':
      return r('entry.returned', { absence: duration(entry.absenceMs) });
    case 'money':
      return r('entry.money', {
        due: formatYuan(entry.dueFen),
        received: formatYuan(entry.receivedFen),
        change: formatYuan(entry.changeFen),
      });
    case 'recommended':
      return r('entry.recommended', {
        offer: label('offers', entry.offer),
        response: app(`response.${entry.response}`),
      });
    case 'called-next':
      return r('entry.calledNext', { ticket: entry.nextTicket });
    case 'finished':
      return r('entry.finished', { duration: duration(entry.durationMs) });
    case 'abandoned':
      return r('entry.abandoned', {
        reason: app(`abandonReason.${entry.reason}`),
        duration: duration(entry.durationMs),
      });
    case 'rated':
      return r('entry.rated', { rating: r(`ratings.${entry.rating}`) });
    case 'amended':
      return r('entry.amended', {
        change:
          entry.change.kind === 'business-type'
            ? label('business-types', entry.change.businessType)
            : `${app(`steps.${entry.change.stepId}.name`)} → ${r(`outcome.${entry.change.outcome}`)}`,
        reason: entry.reason,
      });
    case 'clock-moved':
      return r(entry.jumpMs > 0 ? 'entry.clockForward' : 'entry.clockBack', {
        amount: duration(Math.abs(entry.jumpMs)),
      });
    case 'complaint-started':
      return r(`entry.complaintStarted.${entry.trigger}`);
    case 'complaint-recorded': {
      const { outcome } = entry;
      return r('entry.complaintRecorded', {
        category: app(`complaint.category.${entry.category}`),
        outcome:
          outcome.kind === 'escalated'
            ? outcome.due
              ? r('entry.escalatedWithFollowUp', { staffNo: outcome.manager, date: outcome.due })
              : r('entry.escalatedTo', { staffNo: outcome.manager })
            : outcome.kind === 'follow-up'
              ? r('entry.followUpBy', { date: outcome.due })
              : app('complaint.outcome.resolved'),
        summary: entry.summary,
      });
    }
    case 'escalation-confirmed':
      return r('entry.escalationConfirmed');
    case 'follow-up-closed':
      return r('entry.followUpClosed', {
        result: r(`followUps.result.${entry.result}`),
        note: entry.note ? ` (${entry.note})` : '',
      });
    case 'checked':
      return r('entry.checked', {
        kind: r(`check.kinds.${entry.check}`),
        count: Object.values(entry.observations).filter((seen) => seen !== 'not-seen').length,
        note: entry.note ? ` (${entry.note})` : '',
      });
  }
}

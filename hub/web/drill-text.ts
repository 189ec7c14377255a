/**
 * Words for the drill-down in the reader's language, with the device's own review texts (the
 * `review` namespace): a list entry's name as the device was configured (list-label.ts: a
 * manager's name for it, else the built-in one, else its code), a service filter's title, and
 * each timeline entry — worded by the device's own timeline-words.ts, so a new kind of entry is
 * worded once for both.
 */
import type { Config } from '../../core/domain/device/config';
import type { Locale } from '../../core/domain/locale';
import { LIST_I18N_PREFIX, listLabel, type ListName } from '../../core/words/list-label';
import { say, stepWords, timelineWords, type Words } from '../../core/words/timeline-words';
import type { TimelineEntry } from '../../core/domain/review/timeline';
import type { Translate } from '../i18n';

export type Label = (list: ListName, code: string) => string;

/**
 * List names as the device names them (core/words/list-label.ts): a manager's name
 * in `config`, else the built-in name, else the code (an entry since removed). Null `config`: the
 * built-in names.
 */
export function labeller(t: Translate, locale: Locale, config: Config | null): Label {
  const builtIn = (key: string) => {
    const text = t(key, { ns: 'translation', defaultValue: '' });
    return text === '' ? null : text;
  };
  return (list, code) =>
    config
      ? listLabel(config, locale, builtIn, list, code)
      : (builtIn(`${LIST_I18N_PREFIX[list]}.${code}`) ?? code);
}

/** What a filter tag shows as, in the services list's title. */
export function tagTitle(t: Translate, label: Label, tag: string): string {
  const [kind = '', value = ''] = tag.split(':');
  // A tag comes from the page's address: its values are known only at run time, so their keys are
  // not typed, and one the words do not know shows as it was written (a default value).
  const stepName = () => t(`steps.${value}.name`, { ns: 'translation', defaultValue: value });
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
        : t(`flags.${value}`, { ns: 'review', defaultValue: value });
    case 'rating':
      return t(`ratings.${value}`, { ns: 'review', defaultValue: value });
    case 'skip':
      return t('drill.skipped', { step: stepName() });
    case 'late':
      return t('drill.late', { step: stepName() });
    case 'outcome':
      return t(`drill.outcome.${value}`, { defaultValue: value });
    case 'complaint':
      return t('complaints.title', { ns: 'review' });
    case 'complaint-category':
      return t('complaints.badge', {
        ns: 'review',
        category:
          value === 'none'
            ? t('complaints.unrecorded', { ns: 'review' })
            : t(`complaint.category.${value}`, { ns: 'translation', defaultValue: value }),
      });
    case 'complaint-outcome':
      return value === 'none'
        ? t('complaints.unrecorded', { ns: 'review' })
        : t(`complaint.outcome.${value}`, { ns: 'translation', defaultValue: value });
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
        defaultValue: tag,
      });
    default:
      return t(`drill.tag.${kind}`, { defaultValue: tag });
  }
}

/** Words of the device's review (timeline-words.ts) in the reader's language. */
export function sayWords(t: Translate, label: Label, words: Words): string {
  return say(
    words,
    (said, values) =>
      said.ns === 'app'
        ? t(said.key, { ns: 'translation', ...values })
        : t(said.key, { ns: 'review', ...values }),
    label,
  );
}

/** A timeline entry's step (or '') and what happened, as the device's review words them. */
export function describeEntry(
  t: Translate,
  label: Label,
  entry: TimelineEntry,
): { step: string; what: string } {
  const step = stepWords(entry);
  return {
    step: step ? sayWords(t, label, step) : '',
    what: sayWords(t, label, timelineWords(entry)),
  };
}

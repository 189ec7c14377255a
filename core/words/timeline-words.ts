/**
 * The words of a service's timeline, once for the device's review (TimelineList) and the store
 * hub's timeline page: each entry maps to an i18n key and its values, where a value may itself be
 * words to translate (a step's name, a rating), a configured list entry's name (as the device
 * names it: list-label.ts) or a list of those. `say` puts them into a language with whatever
 * `t(key, values)` the caller has. No React here: the hub renders its pages without it.
 */
import type { ParseKeys } from 'i18next';
import { formatDuration } from '../domain/duration';
import { formatYuan } from '../domain/money';
import type { TimelineEntry } from '../domain/review/timeline';
import type { ListName } from './list-label';

/** The manager's review texts, or the app's (steps, responses, complaint categories…). */
export type Namespace = 'review' | 'app';

/** A key of the review's words or of the app's, typed (core/i18n/i18next.d.ts). */
export type Words =
  | { ns: 'review'; key: ParseKeys<'review'>; values?: Record<string, Value> }
  | { ns: 'app'; key: ParseKeys<'translation'>; values?: Record<string, Value> };

export type Value =
  | string
  | number
  | Words
  /** A configured list entry, by its code. */
  | { list: ListName; code: string }
  /** Values said one after the other, `separator` between them. */
  | { join: readonly Value[]; separator: Value };

const review = (key: ParseKeys<'review'>, values?: Record<string, Value>): Words => ({
  ns: 'review',
  key,
  ...(values ? { values } : {}),
});
const app = (key: ParseKeys<'translation'>): Words => ({ ns: 'app', key });
const stepName = (id: NonNullable<TimelineEntry['step']>) => app(`steps.${id}.name`);
const duration = (ms: number) => formatDuration(ms);
/** A note in brackets; null (a personal value not held here: personal.ts) says so. */
const note = (text: string | null): Value =>
  text === null
    ? { join: [' (', review('withheld'), ')'], separator: '' }
    : text
      ? ` (${text})`
      : '';
/** A personal value, or words saying it is not held here. */
const held = (text: string | null): Value => text ?? review('withheld');

/** The words of an entry's step, shown before what happened (null: the entry is of no step). */
export const stepWords = (entry: TimelineEntry): Words | null =>
  entry.step ? review('stepLabel', { name: stepName(entry.step) }) : null;

/** The record's number in the log. */
export const seqWords = (entry: TimelineEntry): Words => review('seq', { seq: entry.seq });

/** What happened, in words. */
export function timelineWords(entry: TimelineEntry): Words {
  switch (entry.kind) {
    case 'started':
      return review('entry.started', {
        ticket: entry.ticket,
        type: { list: 'business-types', code: entry.businessType },
        target: duration(entry.targetSeconds * 1000),
      });
    case 'named':
      return review('entry.named', { surname: held(entry.surname) });
    case 'done':
      return review('entry.done');
    case 'skipped':
      return review('entry.skipped', {
        reason: { list: 'skip-reasons', code: entry.reason },
        note: note(entry.note),
      });
    case 'na':
      return review(entry.auto ? 'entry.naAuto' : 'entry.na');
    case 'not-arisen':
      return review('entry.notArisen', {
        steps: { join: entry.steps.map(stepName), separator: review('listSeparator') },
      });
    case 'left-seat':
      return review('entry.leftSeat');
    case 'returned':
      return review('entry.returned', { absence: duration(entry.absenceMs) });
    case 'money':
      return review('entry.money', {
        due: formatYuan(entry.dueFen),
        received: formatYuan(entry.receivedFen),
        change: formatYuan(entry.changeFen),
      });
    case 'recommended':
      return review('entry.recommended', {
        offer: { list: 'offers', code: entry.offer },
        response: app(`response.${entry.response}`),
      });
    case 'called-next':
      return review('entry.calledNext', { ticket: entry.nextTicket });
    case 'finished':
      return review('entry.finished', { duration: duration(entry.durationMs) });
    case 'abandoned':
      return review('entry.abandoned', {
        reason: app(`abandonReason.${entry.reason}`),
        duration: duration(entry.durationMs),
      });
    case 'rated':
      return review('entry.rated', { rating: review(`ratings.${entry.rating}`) });
    case 'amended':
      return review('entry.amended', {
        change:
          entry.change.kind === 'business-type'
            ? { list: 'business-types', code: entry.change.businessType }
            : {
                join: [stepName(entry.change.stepId), review(`outcome.${entry.change.outcome}`)],
                separator: ' → ',
              },
        reason: entry.reason,
      });
    case 'clock-moved':
      return review(entry.jumpMs > 0 ? 'entry.clockForward' : 'entry.clockBack', {
        amount: duration(Math.abs(entry.jumpMs)),
      });
    case 'complaint-started':
      return review(`entry.complaintStarted.${entry.trigger}`);
    case 'complaint-recorded': {
      const { outcome } = entry;
      return review('entry.complaintRecorded', {
        category: app(`complaint.category.${entry.category}`),
        outcome:
          outcome.kind === 'escalated'
            ? outcome.due
              ? review('entry.escalatedWithFollowUp', {
                  staffNo: outcome.manager,
                  date: outcome.due,
                })
              : review('entry.escalatedTo', { staffNo: outcome.manager })
            : outcome.kind === 'follow-up'
              ? review('entry.followUpBy', { date: outcome.due })
              : app('complaint.outcome.resolved'),
        summary: held(entry.summary),
      });
    }
    case 'escalation-confirmed':
      return review('entry.escalationConfirmed');
    case 'follow-up-closed':
      return review('entry.followUpClosed', {
        result: review(`followUps.result.${entry.result}`),
        note: note(entry.note),
      });
    case 'checked':
      return review('entry.checked', {
        kind: review(`check.kinds.${entry.check}`),
        count: Object.values(entry.observations).filter((seen) => seen !== 'not-seen').length,
        note: note(entry.note),
      });
  }
}

/** The caller's translation: a key of a namespace with its values, in the reader's language. */
export type Translate = (words: Words, values: Record<string, string | number>) => string;

/** Words in a language: `t` translates keys, `label` names configured list entries. */
export function say(
  words: Words,
  t: Translate,
  label: (list: ListName, code: string) => string,
): string {
  const value = (item: Value): string | number => {
    if (typeof item === 'string' || typeof item === 'number') return item;
    if ('key' in item) return say(item, t, label);
    if ('list' in item) return label(item.list, item.code);
    return item.join.map((part) => String(value(part))).join(String(value(item.separator)));
  };
  const values = Object.fromEntries(
    Object.entries(words.values ?? {}).map(([name, item]) => [name, value(item)]),
  );
  return t(words, values);
}

/**
 * The timeline's words (features/shared/timeline-words.ts), which the device's TimelineList and
 * the hub's timeline page both say: every kind of entry, in every variant, maps to keys present in
 * all three languages' locale files (with their plural forms when counted), and said in each
 * language leaves no placeholder unfilled. The samples are a record by kind, so a new kind of
 * entry does not type-check here until it has one.
 */
import { describe, expect, it } from 'vitest';
import { AbandonReasonSchema, RecommendationResponseSchema } from '../../../../core/domain/catalog';
import {
  COMPLAINT_CATEGORIES,
  FollowUpResultSchema,
} from '../../../../core/domain/service/complaint';
import { RatingSchema, SpotCheckKindSchema } from '../../../../core/domain/log/events';
import { LOCALES, type Locale } from '../../../../core/domain/locale';
import type { TimelineEntry } from '../../../../core/domain/review/timeline';
import {
  say,
  seqWords,
  stepWords,
  timelineWords,
  type Namespace,
  type Value,
  type Words,
} from '../../../../core/words/timeline-words';
import reviewEn from '../../../../core/i18n/review/en.json' with { type: 'json' };
import reviewZhCN from '../../../../core/i18n/review/zh-CN.json' with { type: 'json' };
import reviewZhTW from '../../../../core/i18n/review/zh-TW.json' with { type: 'json' };
import appEn from '../../../../core/i18n/locales/en.json' with { type: 'json' };
import appZhCN from '../../../../core/i18n/locales/zh-CN.json' with { type: 'json' };
import appZhTW from '../../../../core/i18n/locales/zh-TW.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };
const FILES: Record<Locale, Record<Namespace, Tree>> = {
  en: { review: reviewEn, app: appEn },
  'zh-CN': { review: reviewZhCN, app: appZhCN },
  'zh-TW': { review: reviewZhTW, app: appZhTW },
};

const lookup = (tree: Tree, key: string): string | undefined => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
};

/** The text of a key in a language, its plural form when counted (as i18next picks it). */
function text(locale: Locale, ns: Namespace, key: string, count?: unknown): string | undefined {
  const tree = FILES[locale][ns];
  if (typeof count === 'number') {
    const form = new Intl.PluralRules(locale).select(count);
    return lookup(tree, `${key}_${form}`) ?? lookup(tree, `${key}_other`);
  }
  return lookup(tree, key);
}

const base = { seq: 7, at: '2026-11-23T09:00:00.000Z', offsetMs: 65_000, by: '1001' };
const step = { step: 'greet-aloud' as const };
const none = { step: null };

/** Every kind of entry, in every variant that words differently. */
const SAMPLES: { [K in TimelineEntry['kind']]: Extract<TimelineEntry, { kind: K }>[] } = {
  started: [
    {
      ...base,
      ...none,
      kind: 'started',
      ticket: 'A001',
      businessType: 'bill-payment',
      targetSeconds: 300,
    },
  ],
  named: [{ ...base, ...none, kind: 'named', surname: '王' }],
  done: [{ ...base, ...step, kind: 'done' }],
  skipped: [
    { ...base, ...step, kind: 'skipped', reason: 'forgot', note: '' },
    { ...base, ...step, kind: 'skipped', reason: 'other', note: 'queue' },
  ],
  na: [
    { ...base, ...step, kind: 'na', auto: true },
    { ...base, ...step, kind: 'na', auto: false },
  ],
  'not-arisen': [
    { ...base, ...none, kind: 'not-arisen', steps: ['announce-money', 'hand-leaflet'] },
  ],
  'left-seat': [{ ...base, ...none, kind: 'left-seat' }],
  returned: [{ ...base, ...none, kind: 'returned', absenceMs: 4_000_000 }],
  money: [
    { ...base, ...none, kind: 'money', dueFen: 12_345, receivedFen: 20_000, changeFen: 7_655 },
  ],
  recommended: RecommendationResponseSchema.options.map((response) => ({
    ...base,
    ...none,
    kind: 'recommended' as const,
    offer: 'broadband',
    response,
  })),
  'called-next': [{ ...base, ...none, kind: 'called-next', nextTicket: 'A002' }],
  finished: [{ ...base, ...none, kind: 'finished', durationMs: 301_000 }],
  abandoned: AbandonReasonSchema.options.map((reason) => ({
    ...base,
    ...none,
    kind: 'abandoned' as const,
    reason,
    durationMs: 30_000,
  })),
  rated: RatingSchema.options.map((rating) => ({
    ...base,
    ...none,
    kind: 'rated' as const,
    rating,
    reasons: [],
  })),
  amended: [
    {
      ...base,
      ...none,
      kind: 'amended',
      change: { kind: 'business-type', businessType: 'complaint' },
      reason: 'seen',
    },
    ...(['done', 'skipped', 'na', 'pending'] as const).map((outcome) => ({
      ...base,
      ...none,
      kind: 'amended' as const,
      change: {
        kind: 'step' as const,
        stepId: 'greet-aloud' as const,
        outcome,
        skipReason: outcome === 'skipped' ? 'forgot' : null,
      },
      reason: 'seen on camera',
    })),
  ],
  checked: SpotCheckKindSchema.options.map((check) => ({
    ...base,
    ...none,
    kind: 'checked' as const,
    check,
    observations: { 'greet-aloud': 'done' as const, 'stand-to-greet': 'not-seen' as const },
    note: check === 'spot-check' ? 'from the floor' : '',
  })),
  'complaint-started': (['business-type', 'during-service'] as const).map((trigger) => ({
    ...base,
    ...none,
    kind: 'complaint-started' as const,
    trigger,
  })),
  'complaint-recorded': [
    { kind: 'resolved' as const },
    { kind: 'escalated' as const, manager: '9001' },
    { kind: 'escalated' as const, manager: '9001', due: '2026-11-30' },
    { kind: 'follow-up' as const, due: '2026-11-30' },
  ].flatMap((outcome) =>
    COMPLAINT_CATEGORIES.map((category) => ({
      ...base,
      step: 'complaint-act' as const,
      kind: 'complaint-recorded' as const,
      category,
      summary: '宽带晚间断线',
      outcome,
    })),
  ),
  'escalation-confirmed': [{ ...base, ...none, kind: 'escalation-confirmed' }],
  'follow-up-closed': FollowUpResultSchema.options.map((result) => ({
    ...base,
    ...none,
    kind: 'follow-up-closed' as const,
    result,
    note: result === 'resolved' ? 'called back' : '',
  })),
  'clock-moved': [
    { ...base, ...none, kind: 'clock-moved', jumpMs: 3_600_000 },
    { ...base, ...none, kind: 'clock-moved', jumpMs: -120_000 },
  ],
};

const ENTRIES: TimelineEntry[] = Object.values(SAMPLES).flat();

/** Every key the words use, with the count it is said with (for its plural forms). */
function keysOf(words: Words): { ns: Namespace; key: string; count?: unknown }[] {
  const nested = (value: Value): Words[] => {
    if (typeof value !== 'object') return [];
    if ('key' in value) return [value];
    if ('join' in value) return [...value.join, value.separator].flatMap(nested);
    return [];
  };
  return [
    { ns: words.ns, key: words.key, count: words.values?.count },
    ...Object.values(words.values ?? {})
      .flatMap(nested)
      .flatMap(keysOf),
  ];
}

describe('the timeline’s words', () => {
  it('has a sample of every kind of entry', () => {
    expect(Object.keys(SAMPLES)).toHaveLength(21);
    expect(ENTRIES.length).toBeGreaterThan(50);
  });

  it.each(LOCALES)('maps every entry to keys present in %s', (locale) => {
    const missing: string[] = [];
    for (const entry of ENTRIES) {
      const words = [timelineWords(entry), seqWords(entry), stepWords(entry)];
      for (const { ns, key, count } of words.flatMap((each) => (each ? keysOf(each) : []))) {
        if (text(locale, ns, key, count) === undefined) missing.push(`${entry.kind}: ${ns}:${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('says every entry in %s with every placeholder filled', (locale) => {
    const label = (list: string, code: string) => `[${list}:${code}]`;
    for (const entry of ENTRIES) {
      const said = say(
        timelineWords(entry),
        ({ ns, key }, values) =>
          (text(locale, ns, key, values.count) ?? `MISSING ${key}`).replace(
            /\{\{(\w+)\}\}/g,
            (_, name: string) => String(values[name] ?? `UNFILLED ${name}`),
          ),
        label,
      );
      expect({ kind: entry.kind, said }).toEqual({
        kind: entry.kind,
        said: expect.not.stringMatching(/MISSING|UNFILLED|\{\{/) as unknown,
      });
    }
    const started = say(
      timelineWords(SAMPLES.started[0]!),
      ({ key }, values) => `${key} ${JSON.stringify(values)}`,
      label,
    );
    expect(started).toBe(
      'entry.started {"ticket":"A001","type":"[business-types:bill-payment]","target":"5:00"}',
    );
    const amended = SAMPLES.amended[1]!;
    expect(
      say(timelineWords(amended), ({ key }, values) => `${key}${values.change ?? ''}`, label),
    ).toBe('entry.amendedsteps.greet-aloud.name → outcome.done');
  });
});

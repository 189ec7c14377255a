/** Figures as the review shows them: percentages, durations, counts, in the reader's language. */
import { formatDuration } from '../../ui/format';

/**
 * One formatter per language and kind, made once: a dashboard formats hundreds of figures, and
 * making an Intl.NumberFormat costs far more than using one (it was the screen's costliest call).
 */
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(kind: 'percent' | 'count', language: string): Intl.NumberFormat {
  const key = `${kind}|${language}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.NumberFormat(
      language,
      kind === 'percent' ? { style: 'percent', maximumFractionDigits: 0 } : {},
    );
    formatters.set(key, made);
  }
  return made;
}

export function formatPercent(rate: number | null, language: string): string {
  return rate === null ? '—' : formatter('percent', language).format(rate);
}

export function formatCount(count: number, language: string): string {
  return formatter('count', language).format(count);
}

export const formatMs = (ms: number | null): string => (ms === null ? '—' : formatDuration(ms));

/** A rate's band, for colour: kept well, needs attention, poor. Colour is never the only cue. */
export function band(rate: number | null): 'none' | 'good' | 'fair' | 'poor' {
  if (rate === null) return 'none';
  if (rate >= 0.9) return 'good';
  if (rate >= 0.7) return 'fair';
  return 'poor';
}

/**
 * The count beside a business type's average time. The average is of finished services only, so
 * the count is too; services ended early are named apart ("+2 ended early") rather than counted
 * in silently, which made the count and the average describe different services.
 */
export function finishedCount(
  type: { services: number; finished: number },
  language: string,
  endedEarly: (count: number) => string,
): string {
  const finished = formatCount(type.finished, language);
  const ended = type.services - type.finished;
  return ended > 0 ? `${finished} (${endedEarly(ended)})` : finished;
}

/** Steps kept at or above this is "kept well" (band good): the target the trend draws. */
export const KEPT_TARGET = 0.9;

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** A business day with its weekday, in the reader's language: "Tue, 11/3", "11/3周二". */
export function formatDay(day: string, language: string): string {
  let made = dayFormats.get(language);
  if (!made) {
    made = new Intl.DateTimeFormat(language, {
      timeZone: 'UTC',
      weekday: 'short',
      month: 'numeric',
      day: 'numeric',
    });
    dayFormats.set(language, made);
  }
  return made.format(new Date(`${day}T00:00:00Z`));
}

/**
 * The kept-rate axis (percent) for the values shown and the target: from a little under the
 * lowest of them to a little over the highest (never past 0–100), so 96–98 % is not a flat
 * line along the top.
 */
export function keptRange(values: readonly (number | null)[], target: number): [number, number] {
  const shown = values.filter((value): value is number => value !== null);
  if (shown.length === 0) return [0, 100];
  const low = Math.min(...shown, target);
  const high = Math.max(...shown, target);
  const pad = Math.max(1, (high - low) * 0.1);
  return [Math.max(0, Math.floor(low - pad)), Math.min(100, Math.ceil(high + pad))];
}

/** How a tile's figure moved: a rate in points, a time as a clock, a count as a number. */
export type ChangeUnit = 'rate' | 'time' | 'count';

const signed = new Map<string, Intl.NumberFormat>();
function signedFormat(language: string, digits: number): Intl.NumberFormat {
  const key = `${language}|${digits}`;
  let made = signed.get(key);
  if (!made) {
    made = new Intl.NumberFormat(language, {
      signDisplay: 'exceptZero',
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    });
    signed.set(key, made);
  }
  return made;
}

/**
 * A change's arrow and figure, without words: ▲ up, ▼ down, = none. Rates as points with one
 * decimal (`points` puts the unit on), times as ±m:ss, counts as ±n.
 */
export function formatDelta(
  delta: number,
  unit: ChangeUnit,
  language: string,
  points: (value: string) => string,
): string {
  const arrow = delta > 0 ? '▲' : delta < 0 ? '▼' : '=';
  if (unit === 'rate') {
    return `${arrow} ${points(signedFormat(language, 1).format(Math.round(delta * 1000) / 10))}`;
  }
  if (unit === 'time') {
    const sign = delta > 0 ? '+' : delta < 0 ? '−' : '';
    return `${arrow} ${sign}${formatDuration(Math.abs(delta))}`;
  }
  return `${arrow} ${signedFormat(language, 0).format(delta)}`;
}

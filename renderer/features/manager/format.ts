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

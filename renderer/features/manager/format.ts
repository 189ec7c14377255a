/** Figures as the review shows them: percentages, durations, counts, in the reader's language. */
import { formatDuration } from '../../ui/format';

export function formatPercent(rate: number | null, language: string): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(
    rate,
  );
}

export function formatCount(count: number, language: string): string {
  return new Intl.NumberFormat(language).format(count);
}

export const formatMs = (ms: number | null): string => (ms === null ? '—' : formatDuration(ms));

/** A rate's band, for colour: kept well, needs attention, poor. Colour is never the only cue. */
export function band(rate: number | null): 'none' | 'good' | 'fair' | 'poor' {
  if (rate === null) return 'none';
  if (rate >= 0.9) return 'good';
  if (rate >= 0.7) return 'fair';
  return 'poor';
}

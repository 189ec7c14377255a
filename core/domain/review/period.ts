/**
 * The periods the manager's figures are shown for, as ranges of business days (YYYY-MM-DD):
 * a day, the week it falls in (Monday to Sunday), its month, or any range.
 */
import { z } from '../zod';

export const PeriodKindSchema = z.enum(['day', 'week', 'month', 'range']);
export type PeriodKind = z.infer<typeof PeriodKindSchema>;

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

export const DaySchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return toDay(date);
}

/** The period of `kind` that holds `day` (for a range, `day` to `until`). */
export function periodOf(kind: PeriodKind, day: string, until = day): Period {
  switch (kind) {
    case 'day':
      return { kind, from: day, to: day };
    case 'week': {
      const weekday = (toDate(day).getUTCDay() + 6) % 7; // Monday 0
      const from = addDays(day, -weekday);
      return { kind, from, to: addDays(from, 6) };
    }
    case 'month': {
      const date = toDate(day);
      const from = toDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)));
      const to = toDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)));
      return { kind, from, to };
    }
    case 'range':
      return day <= until ? { kind, from: day, to: until } : { kind, from: until, to: day };
  }
}

/** The same kind of period just before (−1) or after (+1) this one. */
export function shiftPeriod(period: Period, direction: 1 | -1): Period {
  if (period.kind === 'month') {
    return periodOf('month', addDays(direction === 1 ? period.to : period.from, direction));
  }
  const length =
    Math.round((toDate(period.to).getTime() - toDate(period.from).getTime()) / 86_400_000) + 1;
  return {
    ...period,
    from: addDays(period.from, direction * length),
    to: addDays(period.to, direction * length),
  };
}

/** Every day of the period, in order (for a trend with no gaps). */
export function daysOf(period: Pick<Period, 'from' | 'to'>): string[] {
  const days: string[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) days.push(day);
  return days;
}

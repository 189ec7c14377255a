/**
 * Business days: the store's day boundary and time zone turn an instant into the day it is
 * counted in (exports, figures, day-close checkpoints).
 */
/** The store's business day: its time zone (IANA) and the local time the day starts at. */
export interface DayBoundary {
  timeZone: string;
  dayStartMinutes: number;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The business day (YYYY-MM-DD) an instant belongs to: the local date in the store's zone, or the
 * day before when the local time is earlier than the day's start. Local wall-clock arithmetic, so
 * a day that starts at 04:00 starts at 04:00 on the days the clocks change too.
 */
export function businessDay(atMs: number, config: DayBoundary): string {
  let format = dayFormats.get(config.timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: config.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dayFormats.set(config.timeZone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(atMs).map((part) => [part.type, part.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const minutes = Number(parts.hour) * 60 + Number(parts.minute);
  if (minutes >= config.dayStartMinutes) return date;
  const previous = new Date(`${date}T00:00:00Z`);
  previous.setUTCDate(previous.getUTCDate() - 1);
  return previous.toISOString().slice(0, 10);
}

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

/** The local date and minute of the day of a UTC minute, per zone: the last few thousand asked. */
const localMinutes = new Map<string, Map<number, { date: string; minutes: number }>>();
const REMEMBERED = 4096;
/**
 * Since 1972 every zone's offset from UTC is a whole number of minutes (Liberia's −0:44:30 was
 * the last that was not), so the local date and minute are the same all through a UTC minute.
 */
const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1973, 0, 1);

function formatOf(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

function localTime(atMs: number, timeZone: string): { date: string; minutes: number } {
  const minute = Math.floor(atMs / 60_000);
  let known = localMinutes.get(timeZone);
  const remembered = atMs >= WHOLE_MINUTE_OFFSETS_SINCE ? known?.get(minute) : undefined;
  if (remembered) return remembered;
  const parts = Object.fromEntries(
    formatOf(timeZone)
      .formatToParts(atMs)
      .map((part) => [part.type, part.value]),
  );
  const local = {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
  if (atMs >= WHOLE_MINUTE_OFFSETS_SINCE) {
    if (!known || known.size >= REMEMBERED) {
      known = new Map();
      localMinutes.set(timeZone, known);
    }
    known.set(minute, local);
  }
  return local;
}

/**
 * The business day (YYYY-MM-DD) an instant belongs to: the local date in the store's zone, or the
 * day before when the local time is earlier than the day's start. Local wall-clock arithmetic, so
 * a day that starts at 04:00 starts at 04:00 on the days the clocks change too. Exports and
 * checkpoints ask this for every record, so each UTC minute's local time is remembered.
 */
export function businessDay(atMs: number, config: DayBoundary): string {
  const { date, minutes } = localTime(atMs, config.timeZone);
  if (minutes >= config.dayStartMinutes) return date;
  const previous = new Date(`${date}T00:00:00Z`);
  previous.setUTCDate(previous.getUTCDate() - 1);
  return previous.toISOString().slice(0, 10);
}

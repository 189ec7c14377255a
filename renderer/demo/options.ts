/**
 * The demo generator's options — one set, and one way to fill in what is left out, for the
 * Review's "Load demo data" button and `npm run demo-data` alike — and what it reports (the
 * truth), the staff and PINs every demo device uses, and the store's clock: business hours in the
 * tablet's own business time zone and the helpers that turn a business day and a local time into
 * epoch milliseconds.
 */
import { businessDay } from '../../core/domain/device/business-day';
import type { Locale } from '../../core/domain/locale';
import type { Random } from './random';

export interface DemoOptions {
  /** The same seed gives the same services, ids and times (keys and signatures are fresh). */
  seed?: number;
  counters?: number;
  /** The counters' numbers (default 1, 2, 3…): a tablet's demo avoids its own counter. */
  counterNames?: readonly string[];
  /** Clerks per counter; each device also has one manager and one auditor. */
  clerks?: number;
  days?: number;
  /** Services per business day at each counter. */
  servicesPerDay?: number;
  /** The first business day (YYYY-MM-DD): by default the `days` before today's. */
  startDate?: string;
  /**
   * The store's business time zone (IANA), which the demo counters are set to and their hours
   * are in: the tablet's configured one (by default this machine's).
   */
  timeZone?: string;
  /** The language of the exports' labels. */
  locale?: Locale;
  /** After each simulated day of each counter. */
  onProgress?: (progress: { counter: string; day: number; days: number }) => void;
}

/** A counter-year: one counter, every day of a year, about 43,000 services. */
export const COUNTER_YEAR = { counters: 1, days: 365, servicesPerDay: 118 } as const;

export interface RepeatedPattern {
  clerk: string;
  day: string;
  serviceIds: string[];
}

export interface DemoDeviceTruth {
  counter: string;
  deviceId: string;
  /** Services started, and how they ended. */
  services: number;
  finished: number;
  abandoned: number;
  /** Records in the device's log (`exported`: in its export, which ends with the export's seal). */
  records: number;
  exported: number;
  /** Records of each event type. */
  events: Record<string, number>;
  /** Pencil-whipped: every step ticked 0.3–0.7 s apart (a burst of 8+ steps within 5 s). */
  fastBurst: string[];
  /** Longer than twice their business type's target. */
  farOverTarget: string[];
  /** One clerk's services with the very same intervals between their steps, in one day. */
  repeatedPattern: RepeatedPattern[];
}

/** Every option filled in. */
export type DemoSettings = Required<Omit<DemoOptions, 'onProgress'>>;

/**
 * What both the Review's button and `npm run demo-data` make unless told otherwise: a week at
 * three counters, 40 services a day each (about 840 services, 18,000 records), ending yesterday.
 */
export const DEMO_DEFAULTS = {
  seed: 1,
  counterNames: [],
  counters: 3,
  clerks: 3,
  days: 7,
  servicesPerDay: 40,
  locale: 'zh-CN',
} as const satisfies Omit<DemoSettings, 'startDate' | 'timeZone'>;

/**
 * The options with everything left out filled in: the machine's time zone, and a start that
 * makes the last demo day yesterday in that zone (`now` being today).
 */
export function demoSettings(options: DemoOptions = {}, now: number = Date.now()): DemoSettings {
  const given = Object.fromEntries(
    Object.entries(options).filter(([key, value]) => value !== undefined && key !== 'onProgress'),
  ) as Partial<DemoSettings>;
  const timeZone = given.timeZone ?? new Intl.DateTimeFormat().resolvedOptions().timeZone;
  const days = given.days ?? DEMO_DEFAULTS.days;
  const startDate =
    given.startDate ?? addDays(businessDay(now, { timeZone, dayStartMinutes: 0 }), -days);
  return { ...DEMO_DEFAULTS, ...given, days, timeZone, startDate };
}

/** The last business day the demo makes. */
export const lastDemoDay = (settings: Pick<DemoSettings, 'startDate' | 'days'>): string =>
  addDays(settings.startDate, settings.days - 1);

export interface DemoTruth {
  seed: number;
  timeZone: string;
  options: DemoSettings;
  devices: DemoDeviceTruth[];
}

export interface DemoExport {
  counter: string;
  fileName: string;
  bytes: Uint8Array;
}

export const DEMO_STAFF = {
  manager: '9001',
  auditor: '7001',
  clerk: (n: number) => String(1001 + n),
} as const;
/** The PIN a manager gives a new account, and the one each person then chooses. */
export const GIVEN_PIN = '246810';
export const OWN_PIN = '135792';

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const OPEN_MINUTES = 9 * 60;
export const CLOSE_MINUTES = 18 * 60;
export const IDLE_LOCK_MINUTES = 5;
/** The customer display asks for a rating when a service ends and gives up after this. */
export const RATING_TIMEOUT = 15 * SECOND;

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `atMs`. */
function zoneOffsetMs(atMs: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(atMs)
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(
    parts.year as number,
    (parts.month as number) - 1,
    parts.day as number,
    parts.hour as number,
    parts.minute as number,
    parts.second as number,
  );
  return wall - Math.floor(atMs / 1000) * 1000;
}

/**
 * Local wall-clock minutes of a day in the store's zone, as epoch ms. The zone's offset is read
 * at a first guess and again at the instant that guess gives, so a day the clocks change on
 * uses the offset in force at that hour.
 */
export function localMs(day: string, minutes: number, timeZone: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`) + minutes * MINUTE;
  const first = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(first, timeZone);
}

export const addDays = (day: string, days: number): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** A random duration between `min` and `max` milliseconds, whole. */
export const ms = (random: Random, min: number, max: number) =>
  Math.round(random.uniform(min, max));

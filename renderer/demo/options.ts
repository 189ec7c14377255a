/**
 * The demo generator's options and what it reports (the truth), the staff and PINs every demo
 * device uses, and the store's clock: business hours in Asia/Shanghai and the helpers that turn a
 * business day and a local time into epoch milliseconds.
 */
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
  /** The first business day (YYYY-MM-DD). */
  startDate?: string;
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

export interface DemoTruth {
  seed: number;
  timeZone: string;
  options: Required<Omit<DemoOptions, 'onProgress'>>;
  devices: DemoDeviceTruth[];
}

export interface DemoExport {
  counter: string;
  fileName: string;
  bytes: Uint8Array;
}

export const DEMO_TIME_ZONE = 'Asia/Shanghai';
/** China Standard Time is UTC+8 all year (no daylight saving since 1991). */
const ZONE_OFFSET_MS = 8 * 3_600_000;

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

/** Local wall-clock minutes of a business day in the store's zone, as epoch ms. */
export const localMs = (day: string, minutes: number): number =>
  Date.parse(`${day}T00:00:00Z`) + minutes * MINUTE - ZONE_OFFSET_MS;

export const addDays = (day: string, days: number): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** A random duration between `min` and `max` milliseconds, whole. */
export const ms = (random: Random, min: number, max: number) =>
  Math.round(random.uniform(min, max));

/**
 * The device's configuration: what a manager can change (each change a `config-changed` event) and
 * the built-in defaults. The domain decides with it and the screens read it from the same device
 * state, so a change shows everywhere at once.
 */
import { z } from 'zod';
import { DEFAULT_BUSINESS_TYPES, type BusinessType } from '../catalog';
import { SERVICE_STANDARD, type FlowDefinition } from '../flow/flow-definition';

export const ConfigChangeSchema = z.discriminatedUnion('key', [
  /** Minutes without a touch before the screen locks itself. */
  z.object({ key: z.literal('idle-lock-minutes'), value: z.number().int().min(1).max(60) }),
  /**
   * A newly shown step's Done and Skip ignore taps for this long, so the second tap of an
   * accidental double tap does not land on the next step (painted ~30–70 ms after the first).
   */
  z.object({ key: z.literal('tap-guard-ms'), value: z.number().int().min(0).max(2000) }),
  /** At most this many records between two signed checkpoints. */
  z.object({ key: z.literal('checkpoint-every'), value: z.number().int().min(10).max(10_000) }),
  /** The store's business day: its time zone (IANA) and the local time it starts at. */
  z.object({
    key: z.literal('business-day'),
    timeZone: z.string().min(1).max(64).refine(isTimeZone, 'unknown time zone'),
    startMinutes: z
      .number()
      .int()
      .min(0)
      .max(23 * 60 + 59),
  }),
]);
export type ConfigChange = z.infer<typeof ConfigChangeSchema>;
export type ConfigKey = ConfigChange['key'];

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface Config {
  idleLockMinutes: number;
  tapGuardMs: number;
  checkpointEvery: number;
  timeZone: string;
  dayStartMinutes: number;
  flow: FlowDefinition;
  businessTypes: readonly BusinessType[];
}

export const DEFAULT_CONFIG: Config = {
  idleLockMinutes: 3,
  tapGuardMs: 300,
  checkpointEvery: 500,
  // Until a manager sets the store's zone, the device's own.
  timeZone: new Intl.DateTimeFormat().resolvedOptions().timeZone,
  dayStartMinutes: 0,
  flow: SERVICE_STANDARD,
  businessTypes: DEFAULT_BUSINESS_TYPES,
};

export function applyConfigChange(config: Config, change: ConfigChange): Config {
  switch (change.key) {
    case 'idle-lock-minutes':
      return { ...config, idleLockMinutes: change.value };
    case 'tap-guard-ms':
      return { ...config, tapGuardMs: change.value };
    case 'checkpoint-every':
      return { ...config, checkpointEvery: change.value };
    case 'business-day':
      return { ...config, timeZone: change.timeZone, dayStartMinutes: change.startMinutes };
  }
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The business day (YYYY-MM-DD) an instant belongs to: the local date in the store's zone, or the
 * day before when the local time is earlier than the day's start. Local wall-clock arithmetic, so
 * a day that starts at 04:00 starts at 04:00 on the days the clocks change too.
 */
export function businessDay(
  atMs: number,
  config: Pick<Config, 'timeZone' | 'dayStartMinutes'>,
): string {
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

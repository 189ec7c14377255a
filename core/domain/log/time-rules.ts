/**
 * Time only moves forward, and nothing is told twice. Two families of rules about what a log may
 * hold, each applied twice: by the domain when it decides (a refusal the clerk reads, nothing
 * written) and by verification when it replays a log (a rule broken, naming the record).
 *
 * - The wall clock never goes back by more than the configured tolerance (`clock-tolerance-seconds`,
 *   2 minutes in the standard config) from one record to the next. A tablet whose clock was set back
 *   cannot date a service into yesterday; a record hand-written with an earlier date is named.
 * - A clock that ran ahead cannot be seen from inside the log (every date in it comes from the same
 *   clock); it is seen against a clock outside: the verifier's own (`datedAhead`), and the hub's at
 *   each push. Once the tablet's clock is put right, its next record is refused as going back.
 * - A service id is started once in a log; a ticket is called once and served (its service
 *   finished) once per business day at a counter; a service is rated once (rules.ts, 'rated-twice').
 *
 * Records of schema v1 (release 0.1.0, which checked none of this) are exempt, so an old log still
 * verifies as it did.
 */
import { businessDay } from '../device/business-day';
import type { Config } from '../device/config';
import { refusal, type Refusal } from '../refusal';
import type { ServiceState } from '../service/evolve';
import type { LogRecord } from './records';

/** How far back a record may be dated from the record before it, in ms. */
export const clockToleranceMs = (config: Pick<Config, 'clockToleranceSeconds'>): number =>
  config.clockToleranceSeconds * 1000;

/**
 * By how many ms `atMs` goes back from `previousAtMs` beyond the tolerance; null when it does not
 * (later, equal, or earlier by no more than the tolerance).
 */
export function clockWentBack(
  previousAtMs: number | null,
  atMs: number,
  toleranceMs: number,
): number | null {
  if (previousAtMs === null) return null;
  const back = previousAtMs - atMs;
  return back > toleranceMs ? back : null;
}

/** The head of a log as the time rule needs it: its last record's time and schema version. */
export interface TimedHead {
  atMs: number | null;
  v1: boolean;
}

/**
 * The domain's refusal of any command while the device's clock reads earlier than the log's last
 * record by more than the tolerance: nothing is written, and the clerk is told to fix the time.
 */
export function clockRefusal(
  head: TimedHead,
  config: Pick<Config, 'clockToleranceSeconds'>,
  now: number,
): Refusal | null {
  if (head.v1) return null;
  const back = clockWentBack(head.atMs, now, clockToleranceMs(config));
  if (back === null || head.atMs === null) return null;
  return refusal('clock-went-back', { clock: { lastAtMs: head.atMs, nowMs: now } });
}

/** A record dated later than a clock outside the log (the verifier's, the hub's). */
export interface DatedAhead {
  seq: number;
  /** How far after that clock, in ms. */
  aheadMs: number;
}

/**
 * Whether `record` is dated later than `nowMs` (a clock outside the log) by more than the
 * tolerance: the device's clock was ahead when it wrote it.
 */
export function datedAhead(
  record: Pick<LogRecord, 'seq' | 'at'>,
  nowMs: number,
  toleranceMs: number,
): DatedAhead | null {
  const ahead = Date.parse(record.at) - nowMs;
  return ahead > toleranceMs ? { seq: record.seq, aheadMs: ahead } : null;
}

// ---------------------------------------------------------------------------------------------
// Tickets, per business day

/** The tickets of the business day of the log's last record: called, and served to the end. */
export interface DayTickets {
  day: string;
  called: ReadonlySet<string>;
  served: ReadonlySet<string>;
}

const dayOf = (atMs: number, config: Pick<Config, 'timeZone' | 'dayStartMinutes'>): string =>
  businessDay(atMs, { timeZone: config.timeZone, dayStartMinutes: config.dayStartMinutes });

/** The day's tickets as they stand at `atMs`: none yet when it falls in another business day. */
export function ticketsOn(
  tickets: DayTickets | null,
  atMs: number,
  config: Pick<Config, 'timeZone' | 'dayStartMinutes'>,
): DayTickets {
  const day = dayOf(atMs, config);
  return tickets?.day === day ? tickets : { day, called: new Set(), served: new Set() };
}

/**
 * The day's tickets after `record`: a call adds its ticket to those called; a service finished
 * adds its ticket to those served (an abandoned one does not: the customer may come back).
 * Small sets, copied when they change (a counter serves a few hundred customers a day).
 */
export function nextDayTickets(
  tickets: DayTickets | null,
  record: LogRecord,
  atMs: number,
  service: ServiceState | null,
  config: Pick<Config, 'timeZone' | 'dayStartMinutes'>,
): DayTickets | null {
  const { event } = record;
  if (record.v === 1) return tickets;
  if (event.type === 'next-called') {
    const today = ticketsOn(tickets, atMs, config);
    return { ...today, called: new Set(today.called).add(event.nextTicket) };
  }
  if (event.type === 'service-finished' && service && service.serviceId === record.serviceId) {
    const today = ticketsOn(tickets, atMs, config);
    return { ...today, served: new Set(today.served).add(service.ticket) };
  }
  return tickets;
}

export type TicketProblem = 'ticket-called-twice' | 'ticket-served-twice';

/** What a call or a service start would repeat of its business day, at `atMs`. */
export function ticketRepeated(
  tickets: DayTickets | null,
  event: LogRecord['event'],
  atMs: number,
  config: Pick<Config, 'timeZone' | 'dayStartMinutes'>,
): TicketProblem | null {
  if (event.type !== 'next-called' && event.type !== 'service-started') return null;
  const today = ticketsOn(tickets, atMs, config);
  if (event.type === 'next-called') {
    return today.called.has(event.nextTicket) ? 'ticket-called-twice' : null;
  }
  return today.served.has(event.ticket) ? 'ticket-served-twice' : null;
}

// ---------------------------------------------------------------------------------------------
// Service ids, over the whole log (verification only)

/**
 * Every service id started in the log so far, for verification: a service copied under its own
 * id is named. Kept by the verifier, one entry per service (about 70 bytes each); the domain
 * makes each new id itself and checks it against the day's services (`DeviceState.service`).
 */
export class StartedServices {
  private readonly ids = new Set<string>();

  /** Whether `record` starts a service whose id was started before; remembers it if not. */
  repeated(record: LogRecord): boolean {
    if (record.event.type !== 'service-started' || record.serviceId === null) return false;
    if (this.ids.has(record.serviceId)) return true;
    this.ids.add(record.serviceId);
    return false;
  }
}

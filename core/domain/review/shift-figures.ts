/**
 * The Review's figures for the routines around the services (issue 25), from the records
 * themselves: opening checks done on time (before the clerk's first service of the business day),
 * the items most often found Not OK, agreement between a clerk's own check and others' checks of
 * the same clerk on the same day, handovers written and acknowledged. Each check keeps its items'
 * texts, so the figures and the drill-down read what was asked then, not the list as it is now.
 */
import { businessDay, type DayBoundary } from '../device/business-day';
import type { EventOf, RecordedEvent } from '../log/events';
import type { CheckedItem, OpeningCheckKind } from '../log/shift-events';
import type { ItemText } from '../shift/opening-items';

/** What the figures read of a record. */
export interface ShiftRecord {
  seq: number;
  at: string;
  staffNo: string | null;
  event: RecordedEvent;
}

export interface CheckRow {
  seq: number;
  at: string;
  day: string;
  by: string | null;
  subject: string;
  kind: OpeningCheckKind;
  items: readonly CheckedItem[];
  /** Others' checks: items compared with the clerk's own check that day, and agreeing. */
  compared: number | null;
  agreed: number | null;
}

export interface ShiftFigures {
  /** Clerk-days with a service; of them, with the clerk's own check before the first service. */
  clerkDays: number;
  onTime: number;
  /** Items found Not OK (any check), most often first; the text as the latest such check had it. */
  notOk: { code: string; text: ItemText; count: number }[];
  /** Items of others' checks compared with the clerk's own check of that day, and agreeing. */
  compared: number;
  agreed: number;
  handoversWritten: number;
  handoversAcknowledged: number;
  checks: CheckRow[];
}

type CheckEvent = EventOf<'opening-check-recorded'>;

/** Compares an other's check with the clerk's own: items both answered, and those agreeing. */
export function agreementOf(
  own: readonly CheckedItem[],
  other: readonly CheckedItem[],
): { compared: number; agreed: number } {
  let compared = 0;
  let agreed = 0;
  for (const item of other) {
    const mine = own.find((candidate) => candidate.code === item.code);
    if (!mine) continue;
    compared += 1;
    if (mine.result === item.result) agreed += 1;
  }
  return { compared, agreed };
}

/** The figures over `records` (in sequence order), counting business days `from`..`to`. */
export function shiftFigures(
  records: Iterable<ShiftRecord>,
  boundary: DayBoundary,
  from: string,
  to: string,
): ShiftFigures {
  const within = (day: string) => day >= from && day <= to;
  /** Own checks by clerk and day (the latest so far). */
  const own = new Map<string, CheckEvent>();
  const ownBefore = new Set<string>();
  const served = new Set<string>();
  const notOk = new Map<string, { code: string; text: ItemText; count: number }>();
  const checks: CheckRow[] = [];
  let compared = 0;
  let agreed = 0;
  let handoversWritten = 0;
  let handoversAcknowledged = 0;

  for (const record of records) {
    const day = businessDay(Date.parse(record.at), boundary);
    const { event, staffNo } = record;
    if (event.type === 'service-started' && staffNo) {
      const key = `${staffNo} ${day}`;
      if (!served.has(key) && own.has(key)) ownBefore.add(key);
      served.add(key);
      continue;
    }
    if (!within(day)) {
      if (event.type === 'opening-check-recorded' && event.kind === 'self') {
        own.set(`${event.subject} ${day}`, event);
      }
      continue;
    }
    switch (event.type) {
      case 'opening-check-recorded': {
        const key = `${event.subject} ${day}`;
        let pair: { compared: number; agreed: number } | null = null;
        if (event.kind === 'self') {
          own.set(key, event);
        } else {
          const mine = own.get(key);
          if (mine) {
            pair = agreementOf(mine.items, event.items);
            compared += pair.compared;
            agreed += pair.agreed;
          }
        }
        for (const item of event.items) {
          if (item.result !== 'not-ok') continue;
          const known = notOk.get(item.code);
          notOk.set(item.code, {
            code: item.code,
            text: item.text,
            count: (known?.count ?? 0) + 1,
          });
        }
        checks.push({
          seq: record.seq,
          at: record.at,
          day,
          by: staffNo,
          subject: event.subject,
          kind: event.kind,
          items: event.items,
          compared: pair?.compared ?? null,
          agreed: pair?.agreed ?? null,
        });
        break;
      }
      case 'handover-written':
        handoversWritten += 1;
        break;
      case 'handover-acknowledged':
        handoversAcknowledged += 1;
        break;
      default:
        break;
    }
  }
  const clerkDays = [...served].filter((key) => within(key.slice(key.indexOf(' ') + 1)));
  return {
    clerkDays: clerkDays.length,
    onTime: clerkDays.filter((key) => ownBefore.has(key)).length,
    notOk: [...notOk.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    compared,
    agreed,
    handoversWritten,
    handoversAcknowledged,
    checks,
  };
}

/** A share as a whole percentage, or null when nothing was counted. */
export const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

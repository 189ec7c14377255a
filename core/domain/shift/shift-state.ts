/**
 * The part of the device's state the shift's routines need, folded from the log like the rest:
 * each person's latest own opening check (its business day), the items checks found Not OK and
 * not yet put right, and the counter's handovers — the latest one until it is acknowledged, and
 * every handover item until it is closed (items carry over from note to note).
 */
import type { LogRecord } from '../log/records';
import type { ItemText } from './opening-items';

export interface OpenOpeningItem {
  subject: string;
  checkSeq: number;
  code: string;
  text: ItemText;
  note: string;
  /** Who found it (the author of the check) and when (epoch ms). */
  by: string | null;
  atMs: number;
}

export interface OpenHandoverItem {
  handoverSeq: number;
  index: number;
  text: string;
  by: string | null;
  atMs: number;
}

export interface PendingHandover {
  seq: number;
  by: string | null;
  atMs: number;
  note: string;
  items: readonly string[];
}

export interface ShiftState {
  /** Per staff number: the business day and record of their latest own (self) opening check. */
  selfChecks: ReadonlyMap<string, { day: string; seq: number }>;
  openItems: readonly OpenOpeningItem[];
  /** The latest handover note, until someone acknowledges it. */
  pendingHandover: PendingHandover | null;
  openHandoverItems: readonly OpenHandoverItem[];
}

export const INITIAL_SHIFT: ShiftState = {
  selfChecks: new Map(),
  openItems: [],
  pendingHandover: null,
  openHandoverItems: [],
};

/** Moves the shift state past `record`; `day` is the business day the record falls in. */
export function evolveShift(
  shift: ShiftState,
  record: Pick<LogRecord, 'seq' | 'staffNo' | 'event'>,
  atMs: number,
  day: string,
): ShiftState {
  const { event } = record;
  switch (event.type) {
    case 'opening-check-recorded': {
      const found = event.items
        .filter((item) => item.result === 'not-ok')
        .map((item) => ({
          subject: event.subject,
          checkSeq: record.seq,
          code: item.code,
          text: item.text,
          note: item.note,
          by: record.staffNo,
          atMs,
        }));
      // An item found again stays open once, under the latest check that found it.
      const kept = shift.openItems.filter(
        (open) =>
          !(open.subject === event.subject && found.some((item) => item.code === open.code)),
      );
      const selfChecks =
        event.kind === 'self'
          ? new Map(shift.selfChecks).set(event.subject, { day, seq: record.seq })
          : shift.selfChecks;
      return { ...shift, selfChecks, openItems: [...kept, ...found] };
    }
    case 'opening-item-resolved':
      return {
        ...shift,
        openItems: shift.openItems.filter(
          (open) =>
            !(
              open.subject === event.subject &&
              open.checkSeq === event.checkSeq &&
              open.code === event.code
            ),
        ),
      };
    case 'handover-written':
      return {
        ...shift,
        pendingHandover: {
          seq: record.seq,
          by: record.staffNo,
          atMs,
          note: event.note,
          items: event.items,
        },
        openHandoverItems: [
          ...shift.openHandoverItems,
          ...event.items.map((text, index) => ({
            handoverSeq: record.seq,
            index,
            text,
            by: record.staffNo,
            atMs,
          })),
        ],
      };
    case 'handover-acknowledged':
      return shift.pendingHandover?.seq === event.handoverSeq
        ? { ...shift, pendingHandover: null }
        : shift;
    case 'handover-item-closed':
      return {
        ...shift,
        openHandoverItems: shift.openHandoverItems.filter(
          (item) => !(item.handoverSeq === event.handoverSeq && item.index === event.index),
        ),
      };
    default:
      return shift;
  }
}

export const isOpenItem = (shift: ShiftState, subject: string, checkSeq: number, code: string) =>
  shift.openItems.some(
    (open) => open.subject === subject && open.checkSeq === checkSeq && open.code === code,
  );

export const isOpenHandoverItem = (shift: ShiftState, handoverSeq: number, index: number) =>
  shift.openHandoverItems.some((item) => item.handoverSeq === handoverSeq && item.index === index);

/**
 * What makes a shift record allowed, beyond the session gate: the one judgement the command path
 * (shift-handlers.ts) applies before appending and verification (log/rules.ts) applies when it
 * replays the log, so a record forged past the screens breaks the same rule.
 */
import type { DeviceState } from '../device/state';
import type { EventOf } from '../log/events';
import type { Ability } from '../permissions';
import type { RefusalCode } from '../refusal';
import { activeItems } from './opening-items';
import { isOpenHandoverItem, isOpenItem } from './shift-state';

export type ShiftEvent = EventOf<
  | 'opening-check-recorded'
  | 'opening-item-resolved'
  | 'handover-written'
  | 'handover-acknowledged'
  | 'handover-item-closed'
>;

/** The ability the author needs for `event` (the session gate checks it). */
export function shiftAbility(event: ShiftEvent): Ability {
  if (event.type === 'opening-check-recorded') {
    return event.kind === 'self' || event.kind === 'mutual-check' ? 'run-service' : 'spot-check';
  }
  if (event.type === 'opening-item-resolved' && event.how === 'acknowledged') return 'spot-check';
  return 'run-service';
}

/** Why `author` may not append `event` now (null: they may), past the session gate. */
export function shiftProblem(
  state: DeviceState,
  author: string,
  event: ShiftEvent,
): RefusalCode | null {
  const shift = state.shift;
  switch (event.type) {
    case 'opening-check-recorded': {
      if (!state.accounts.has(event.subject)) return 'no-such-account';
      if ((event.kind === 'self') !== (event.subject === author)) {
        return event.kind === 'self' ? 'invalid-opening-check' : 'own-opening-check';
      }
      const asked = activeItems(state.config.openingItems);
      const codes = event.items.map((item) => item.code);
      if (new Set(codes).size !== codes.length) return 'invalid-opening-check';
      for (const item of event.items) {
        const current = asked.find((candidate) => candidate.code === item.code);
        if (
          !current ||
          current.version !== item.version ||
          current.part !== item.part ||
          (['zh-CN', 'zh-TW', 'en'] as const).some((l) => current.text[l] !== item.text[l])
        ) {
          return 'opening-items-changed';
        }
      }
      if (event.kind === 'self' && event.items.length !== asked.length) {
        return 'opening-check-incomplete';
      }
      return null;
    }
    case 'opening-item-resolved': {
      if (!isOpenItem(shift, event.subject, event.checkSeq, event.code)) {
        return 'no-such-opening-item';
      }
      const own = event.subject === author;
      return own === (event.how === 'fixed') ? null : 'forbidden';
    }
    case 'handover-written':
      return event.note === '' && event.items.length === 0 ? 'invalid-handover' : null;
    case 'handover-acknowledged': {
      const pending = shift.pendingHandover;
      if (!pending || pending.seq !== event.handoverSeq) return 'no-such-handover';
      return pending.by === author ? 'own-handover' : null;
    }
    case 'handover-item-closed':
      return isOpenHandoverItem(shift, event.handoverSeq, event.index) ? null : 'no-such-handover';
  }
}

/**
 * The session gate every decider opens with, and the small builders of decisions the access
 * handlers share. Apart from the handlers so that each theme's file (setup, session, managing)
 * and the audit decider import it without importing one another.
 */
import type { Decision, PlannedRecord } from '../device/commands';
import { mustChangePin, type DeviceState, type Session } from '../device/state';
import type { DomainEvent } from '../log/events';
import { can, type Ability } from '../permissions';
import { refusal, type Refusal, type RefusalCode } from '../refusal';

export const refused = (code: RefusalCode, extra: Omit<Refusal, 'code'> = {}): Decision => ({
  records: [],
  refusal: refusal(code, extra),
});
export const accepted = (records: PlannedRecord[]): Decision => ({ records, refusal: null });
export const by = (
  staffNo: string | null,
  event: DomainEvent,
  serviceId: string | null = null,
): PlannedRecord => ({
  staffNo,
  serviceId,
  event,
});

/** The signed-in, unlocked person, if they may use `ability` (or just be signed in: null). */
export function activeSession(
  state: DeviceState,
  ability: Ability | null,
  options: { evenBeforePinChange?: boolean } = {},
): { session: Session } | { refusal: Refusal } {
  const { session } = state;
  if (!session) return { refusal: refusal('not-signed-in') };
  if (session.locked) return { refusal: refusal('screen-locked') };
  if (!options.evenBeforePinChange && mustChangePin(state)) {
    return { refusal: refusal('pin-change-required') };
  }
  if (ability && !can(session.role, ability)) return { refusal: refusal('forbidden') };
  return { session };
}

/**
 * Why the domain refused a command: one list for every command (services, access, configuration),
 * each code with a sentence in every locale (i18n `refusal.<code>`).
 */
import type { ConfigProblem } from './device/config-problem';
import type { ComplaintStepId } from './flow/complaint-flow';
import type { StepId } from './flow/flow-definition';
import type { SummaryProblem } from './service/complaint';
import type { SurnameProblem } from './surname';

export type RefusalCode =
  // Not a command at all (a wrong type, an unknown step or role, far too long): nothing decided.
  | 'invalid-command'
  // Who may act at all.
  | 'not-signed-in'
  | 'screen-locked'
  | 'pin-change-required'
  | 'forbidden'
  // Services.
  | 'service-already-open'
  | 'no-open-service'
  | 'stale-command'
  | 'invalid-ticket'
  | 'invalid-surname'
  | 'unknown-business-type'
  | 'unknown-skip-reason'
  | 'unknown-offer'
  | 'skip-needs-reason'
  | 'skip-needs-note'
  | 'note-too-long'
  | 'na-on-always-step'
  | 'step-already-done'
  | 'step-has-own-command'
  | 'clerk-away'
  | 'clerk-not-away'
  | 'money-negative'
  | 'money-not-integer'
  | 'money-out-of-range'
  | 'received-less-than-due'
  | 'steps-pending'
  // Complaints.
  | 'complaint-already-started'
  | 'no-complaint'
  | 'complaint-already-recorded'
  | 'invalid-complaint'
  | 'invalid-complaint-summary'
  | 'follow-up-needs-date'
  | 'follow-up-in-past'
  | 'escalation-to-self'
  | 'escalation-not-manager'
  | 'no-such-follow-up'
  | 'follow-up-already-closed'
  | 'invalid-follow-up'
  // Accounts, PINs and the lock.
  | 'pin-format'
  | 'pin-too-simple'
  | 'pins-differ'
  | 'same-pin'
  | 'device-already-set-up'
  | 'device-not-set-up'
  | 'invalid-counter'
  | 'invalid-staff-number'
  | 'wrong-pin'
  | 'waiting'
  | 'account-disabled'
  | 'credential-untrusted'
  /** A record must carry the person's signature and their key is not in memory (a reload). */
  | 'pin-needed'
  | 'not-locked'
  | 'session-active'
  | 'account-exists'
  | 'no-such-account'
  | 'cannot-disable-self'
  | 'service-open'
  | 'invalid-config'
  // Exports and corrections.
  | 'invalid-export'
  | 'no-such-service'
  | 'service-still-open'
  | 'invalid-amendment'
  | 'amendment-needs-reason'
  | 'invalid-import'
  | 'invalid-retention-days'
  | 'not-from-display'
  | 'already-rated'
  // Time and repeats (log/time-rules.ts).
  | 'clock-went-back'
  | 'ticket-already-called'
  | 'ticket-already-served'
  | 'service-id-repeated'
  | 'invalid-rating'
  | 'invalid-rating-proof'
  | 'invalid-spot-check'
  | 'own-service'
  // The shift: opening checks and handovers.
  | 'invalid-opening-check'
  | 'opening-check-incomplete'
  | 'opening-items-changed'
  | 'own-opening-check'
  | 'no-such-opening-item'
  | 'invalid-opening-items'
  | 'invalid-handover'
  | 'no-such-handover'
  | 'own-handover';

export interface Refusal {
  code: RefusalCode;
  /** `steps-pending`: which every-customer steps still need an outcome. */
  steps?: (StepId | ComplaintStepId)[];
  /** `invalid-complaint-summary`: what is wrong with it (a phone number, an ID number…). */
  summary?: SummaryProblem;
  /** `wrong-pin`: tries left before the account has to wait. */
  attemptsLeft?: number;
  /** `waiting`: when the next try is accepted (epoch ms). */
  retryAt?: number;
  /** `invalid-surname`: what is wrong with it. */
  surname?: SurnameProblem;
  /** `invalid-config`: what is wrong with the change, when more can be said than "invalid". */
  config?: ConfigProblem;
  /** `clock-went-back`: the log's last record's time and the device's clock now (epoch ms). */
  clock?: { lastAtMs: number; nowMs: number };
  /** `ticket-already-called`, `ticket-already-served`: the ticket. */
  ticket?: string;
}

export const refusal = (code: RefusalCode, extra: Omit<Refusal, 'code'> = {}): Refusal => ({
  code,
  ...extra,
});

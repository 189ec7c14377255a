/**
 * Who may do what: the one table of abilities per role. The domain checks it before deciding any
 * command and verification checks it for every record; the screens read it only to hide what a
 * role cannot use.
 */
import { z } from './zod';

export const RoleSchema = z.enum(['clerk', 'manager', 'auditor']);
export type Role = z.infer<typeof RoleSchema>;

export const ABILITIES = [
  /** Serve customers: start, step through and end services. */
  'run-service',
  /** Add accounts, reset PINs, disable and enable accounts. */
  'manage-accounts',
  /** Change the device's configuration. */
  'change-config',
  /** Unlock a locked screen that someone else signed in on. */
  'unlock-for-others',
  /** Check the log's integrity. */
  'verify-log',
  /** Take a day's log off the device (recorded as an export in the log). */
  'export-log',
  /** Correct a service after the fact, with a reason (an amendment record). */
  'amend-service',
  /** Add another counter's log to this device, read-only, to review it. */
  'import-log',
  /** Record what was observed of a service (spot-check, mystery visit). */
  'spot-check',
  /** See the figures, the services behind them and their timelines. */
  'review-services',
  /** As the manager on duty, take over a complaint a clerk escalates (with one's own PIN). */
  'confirm-escalation',
  /** See complaints' promised follow-ups and close them with their outcome. */
  'close-follow-up',
  /** Erase the personal values kept beside the log that are older than a number of days. */
  'erase-personal-values',
] as const;
export type Ability = (typeof ABILITIES)[number];

const GRANTS: Record<Role, ReadonlySet<Ability>> = {
  clerk: new Set(['run-service']),
  manager: new Set(ABILITIES),
  // Auditors look and export; they never change anything (an export is recorded, not a change).
  auditor: new Set(['verify-log', 'export-log', 'review-services']),
};

export function can(role: Role, ability: Ability): boolean {
  return GRANTS[role].has(ability);
}

/**
 * Who may do what. Checked by the repositories before anything is decided or written, so hiding
 * a button is never the only thing standing between a role and an action.
 */
import { z } from 'zod';

export const RoleSchema = z.enum(['clerk', 'manager', 'auditor']);
export type Role = z.infer<typeof RoleSchema>;

export type Action =
  'run-service' | 'manage-accounts' | 'change-config' | 'unlock-for-others' | 'verify-log';

const GRANTS: Record<Role, ReadonlySet<Action>> = {
  clerk: new Set(['run-service']),
  manager: new Set([
    'run-service',
    'manage-accounts',
    'change-config',
    'unlock-for-others',
    'verify-log',
  ]),
  // Auditors look and export; they never change anything.
  auditor: new Set(['verify-log']),
};

export function can(role: Role, action: Action): boolean {
  return GRANTS[role].has(action);
}

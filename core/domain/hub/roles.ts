/**
 * Who may do what on the store hub: its roles and the one table of what each may do, as
 * permissions.ts is for the device. The hub's services refuse by it and its pages show their
 * links and sections by it, so the rule is stated once rather than as `role === 'manager'` in
 * every route.
 */
export const HUB_ROLES = ['manager', 'auditor'] as const;
export type HubRole = (typeof HUB_ROLES)[number];

export const HUB_ABILITIES = [
  /**
   * Run the hub: its accounts (add, reset a PIN, enable and disable), its stores, and the
   * one-time codes that enrol a tablet or approve a restored one's keys.
   */
  'administer',
] as const;
export type HubAbility = (typeof HUB_ABILITIES)[number];

const HUB_GRANTS: Record<HubRole, ReadonlySet<HubAbility>> = {
  manager: new Set(HUB_ABILITIES),
  // Auditors read the figures, the services and the devices; they change nothing.
  auditor: new Set(),
};

export const hubCan = (role: HubRole, ability: HubAbility): boolean =>
  HUB_GRANTS[role].has(ability);

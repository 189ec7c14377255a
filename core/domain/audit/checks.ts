/**
 * Who may record a check of an ended service: a spot-check or a mystery visit by whoever may
 * spot-check; a mutual check by whoever serves customers, of another clerk's service, never their
 * own. The one statement of it: the audit decider judges a check by it, and the review's timeline
 * offers the check button by it.
 */
import type { z } from '../zod';
import type { SpotCheckKindSchema } from '../log/events';
import { can, type Ability, type Role } from '../permissions';

type SpotCheckKind = z.output<typeof SpotCheckKindSchema>;

/** The ability a check of `kind` needs. */
export const checkAbility = (kind: SpotCheckKind): Ability =>
  kind === 'mutual-check' ? 'run-service' : 'spot-check';

/** A mutual check of one's own service: refused (`own-service`), it would check nothing. */
export const isOwnMutualCheck = (
  kind: SpotCheckKind,
  checker: string,
  clerk: string | null,
): boolean => kind === 'mutual-check' && clerk === checker;

/** Whether `checker` may record a check of `kind` of the service `clerk` served. */
export const mayCheck = (
  checker: { staffNo: string; role: Role },
  kind: SpotCheckKind,
  clerk: string | null,
): boolean =>
  can(checker.role, checkAbility(kind)) && !isOwnMutualCheck(kind, checker.staffNo, clerk);

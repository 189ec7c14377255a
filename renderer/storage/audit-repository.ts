/**
 * What auditors (and managers) may do with the log itself: verify its hash chain. Read-only by
 * construction: this module has no way to write.
 */
import type { ChainVerdict } from '../domain/hash-chain';
import { can } from '../domain/permissions';
import type { EventLog } from './event-log';
import { readSession } from './session-state';

export type VerifyResult =
  { ok: true; verdict: ChainVerdict } | { ok: false; refusal: 'forbidden' | 'not-signed-in' };

export class AuditRepository {
  constructor(private readonly log: EventLog) {}

  async verify(): Promise<VerifyResult> {
    const session = await readSession(this.log);
    if (!session || session.locked || session.mustChangePin)
      return { ok: false, refusal: 'not-signed-in' };
    if (!can(session.role, 'verify-log')) return { ok: false, refusal: 'forbidden' };
    return { ok: true, verdict: await this.log.verify() };
  }
}

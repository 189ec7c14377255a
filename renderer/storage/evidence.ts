/**
 * What the domain cannot work out by itself before deciding an access command: whether a typed
 * PIN matches (PBKDF2, slow on purpose), the wait a run of wrong PINs has started (read by index),
 * and the commitment to a new PIN's credential. PIN hashes never leave this module and the log.
 */
import {
  CredentialSchema,
  checkNewPin,
  credentialCommitment,
  hashPin,
  makeCredential,
  openPin,
  verifyPin,
  type Credential,
} from '../../core/domain/access/pin';
import { canonicalize } from '../../core/domain/log/canonical';
import type { SigningKeyPair } from '../../core/domain/log/signing';
import { LOCKOUT_RESET_TYPES, lockoutFrom, type Lockout } from '../../core/domain/access/lockout';
import type { PinCheck } from '../../core/domain/device/commands';
import type { DeviceState } from '../../core/domain/device/state';
import type { EventLog } from './event-log';

export class Evidence {
  /** Verified against when there is nothing to verify, so the answer takes as long either way. */
  private decoy: Promise<Credential> | null = null;

  constructor(
    private readonly log: EventLog,
    private readonly iterations: number,
  ) {}

  /**
   * Checks `pin` for `staffNo`. The stored credential is used only if it matches the latest
   * commitment the log holds for that person; the iteration count is the app's, not the row's.
   */
  async checkPin(
    state: DeviceState,
    staffNo: string,
    pin: string,
  ): Promise<{ check: PinCheck; key: SigningKeyPair | null }> {
    const { check, key } = await this.openPin(state, staffNo, pin);
    // The key a matching PIN unlocks must be the one the log commits for that person.
    const committed = state.pins.get(staffNo)?.personKey ?? null;
    if (
      check.verdict === 'match' &&
      committed !== null &&
      (key === null || canonicalize(key.publicKey) !== canonicalize(committed))
    ) {
      return { check: { ...check, verdict: 'credential-mismatch' }, key: null };
    }
    return { check, key: check.verdict === 'match' ? key : null };
  }

  private async openPin(
    state: DeviceState,
    staffNo: string,
    pin: string,
  ): Promise<{ check: PinCheck; key: SigningKeyPair | null }> {
    const lockout = await this.lockout(state, staffNo);
    const committed = state.pins.get(staffNo)?.commitment ?? null;
    const parsed = state.accounts.has(staffNo)
      ? CredentialSchema.safeParse(await this.log.credentialRow(staffNo))
      : null;
    const credential = parsed?.success && parsed.data.staffNo === staffNo ? parsed.data : null;
    if (!credential || committed === null) {
      await verifyPin(await this.decoyCredential(), pin, this.iterations);
      return { check: { staffNo, verdict: 'no-credential', lockout }, key: null };
    }
    if ((await credentialCommitment(credential)) !== committed) {
      await verifyPin(await this.decoyCredential(), pin, this.iterations);
      return { check: { staffNo, verdict: 'credential-mismatch', lockout }, key: null };
    }
    const { match, key } = await openPin(credential, pin, this.iterations);
    return { check: { staffNo, verdict: match ? 'match' : 'mismatch', lockout }, key };
  }

  /** Hashes a new PIN, if it meets the rules (the domain says why when it does not). */
  async newPin(
    staffNo: string,
    pin: string,
    confirmation: string,
  ): Promise<{ credential: Credential; commitment: string; key: SigningKeyPair } | null> {
    if (checkNewPin(pin, confirmation) !== null) return null;
    const { credential, key } = await makeCredential(staffNo, pin, this.iterations);
    return { credential, commitment: await credentialCommitment(credential), key };
  }

  /** The commitment to the credential stored for `staffNo` now (the v1 upgrade commits to these). */
  async commitmentOfStored(staffNo: string): Promise<string | null> {
    const parsed = CredentialSchema.safeParse(await this.log.credentialRow(staffNo));
    return parsed.success && parsed.data.staffNo === staffNo
      ? credentialCommitment(parsed.data)
      : null;
  }

  /** The run of failures since this person's last success (or a manager's reset of their PIN). */
  async lockout(state: DeviceState, staffNo: string): Promise<Lockout> {
    const successes = await Promise.all(
      LOCKOUT_RESET_TYPES.map((type) => this.log.lastByAuthor(staffNo, type)),
    );
    const pin = state.pins.get(staffNo);
    const lastSuccess = Math.max(
      0,
      ...successes.map((record) => record?.seq ?? 0),
      pin?.reason === 'reset' ? pin.seq : 0,
    );
    return lockoutFrom((await this.log.byAuthor(staffNo, 'sign-in-failed', lastSuccess)).records);
  }

  private decoyCredential(): Promise<Credential> {
    this.decoy ??= hashPin('decoy', globalThis.crypto.randomUUID(), this.iterations);
    return this.decoy;
  }
}

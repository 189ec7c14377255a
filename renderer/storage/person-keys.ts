/**
 * The signing keys of the people at this device, in memory only (decision 0063). A person's key
 * is derived from their PIN whenever they type it (sign-in, unlock, a PIN change, a manager
 * confirming an escalation) and kept for their session, so that what they do while signed in —
 * a manager creating an account, changing the configuration, amending a service — is signed by
 * them. Nothing here is ever stored: after a reload the session's key is gone, and the first
 * record that needs it locks the screen so that the person types their PIN again.
 */
import type { PlannedRecord } from '../../core/domain/device/commands';
import type { DeviceState } from '../../core/domain/device/state';
import { carriesAuthority } from '../../core/domain/log/person-signatures';
import type { LogRecord } from '../../core/domain/log/records';
import type { SigningKeyPair } from '../../core/domain/log/signing';
import type { Gathered } from './gather';

export class PersonKeys {
  /** The signed-in person's key (and only theirs). */
  private session: { staffNo: string; key: SigningKeyPair } | null = null;

  /** Who can sign in this command: the session's key, the typed PIN's, a first PIN's. */
  signersFor(
    state: DeviceState,
    commandType: string,
    gathered: Gathered,
  ): Map<string, SigningKeyPair> {
    const signers = new Map<string, SigningKeyPair>();
    if (this.session && state.session?.staffNo === this.session.staffNo) {
      signers.set(this.session.staffNo, this.session.key);
    }
    if (gathered.pinKey) signers.set(gathered.pinKey.staffNo, gathered.pinKey.key);
    // A person setting their own first PIN (first run, a restore) signs with the key it unlocks.
    if (
      gathered.newPinKey &&
      (commandType === 'first-run' || commandType === 'finish-restore') &&
      !signers.has(gathered.newPinKey.staffNo)
    ) {
      signers.set(gathered.newPinKey.staffNo, gathered.newPinKey.key);
    }
    return signers;
  }

  /**
   * The author of a planned record that must be signed by them (their PIN commits a key) and
   * whose key this device does not hold now, or null.
   */
  missingSigner(
    state: DeviceState,
    planned: readonly PlannedRecord[],
    signers: ReadonlyMap<string, SigningKeyPair>,
  ): string | null {
    for (const record of planned) {
      const { staffNo } = record;
      if (staffNo === null || signers.has(staffNo)) continue;
      if (!carriesAuthority({ v: 2, staffNo, event: record.event })) continue;
      if (state.pins.get(staffNo)?.personKey) return staffNo;
    }
    return null;
  }

  /** Keeps the session's key after a commit: a sign-in's, an unlock's, a new own PIN's. */
  remember(
    sealed: readonly Pick<LogRecord, 'staffNo' | 'event'>[],
    signers: ReadonlyMap<string, SigningKeyPair>,
    gathered: Gathered,
  ): void {
    for (const record of sealed) {
      const { staffNo, event } = record;
      if (event.type === 'signed-out' && event.reason === 'self') this.session = null;
      if (event.type === 'device-restored') this.session = null;
      if (staffNo === null) continue;
      const key = signers.get(staffNo);
      if (event.type === 'signed-in' || (event.type === 'screen-unlocked' && event.as === 'self')) {
        this.session = key ? { staffNo, key } : null;
      }
      if (
        event.type === 'pin-set' &&
        event.subject === staffNo &&
        gathered.newPinKey?.staffNo === staffNo &&
        this.session?.staffNo === staffNo
      ) {
        this.session = { staffNo, key: gathered.newPinKey.key };
      }
    }
  }

  /** Forgets every key (another page signed someone out or in, the store closes). */
  forget(): void {
    this.session = null;
  }
}

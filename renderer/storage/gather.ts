/**
 * What the domain cannot work out by itself before deciding a command, gathered under the lock:
 * a typed PIN checked (PBKDF2) and the wait a run of wrong PINs started (read by index), a new
 * PIN hashed and committed to, a first signing key made, the service an amendment targets (read
 * by its index). Most commands (a tap on a step) need none of it and read nothing.
 */
import { evidenceNeeded } from '../../core/domain/access/decide-access';
import type { Credential } from '../../core/domain/access/pin';
import type { Command, DecideEnv } from '../../core/domain/device/commands';
import type { DeviceState } from '../../core/domain/device/state';
import type { LogRecord } from '../../core/domain/log/records';
import { generateSigningKey, type SigningKeyPair } from '../../core/domain/log/signing';
import { foldService, type TimedEvent } from '../../core/domain/service/engine';
import type { EventLog } from './event-log';
import type { Evidence } from './evidence';

/** A record as the service engine folds it. */
export const timedEvent = (record: LogRecord): TimedEvent => ({
  serviceId: record.serviceId,
  seq: record.seq,
  atMs: Date.parse(record.at),
  mono: record.mono,
  staffNo: record.staffNo,
  event: record.event,
});

/** What the append must store or sign with, beside what went into `env`. */
export interface Gathered {
  credential?: Credential;
  firstKey?: SigningKeyPair;
  /** The signing key a matching typed PIN unlocked (decision 0063). */
  pinKey?: { staffNo: string; key: SigningKeyPair };
  /** The signing key the new PIN unlocks. */
  newPinKey?: { staffNo: string; key: SigningKeyPair };
}

/** Fills `env` with what `command` needs; returns what the append must store with it. */
export async function gatherEvidence(
  state: DeviceState,
  command: Command,
  env: DecideEnv,
  deps: { evidence: Evidence; log: EventLog; newId: () => string },
): Promise<Gathered> {
  const needs = evidenceNeeded(state, command);
  const gathered: Gathered = {};
  if (needs.checkPin) {
    const { check, key } = await deps.evidence.checkPin(
      state,
      needs.checkPin.staffNo,
      needs.checkPin.pin,
    );
    env.pin = check;
    if (key) gathered.pinKey = { staffNo: check.staffNo, key };
  }
  if (needs.newPin) {
    const made = await deps.evidence.newPin(
      needs.newPin.staffNo,
      needs.newPin.pin,
      needs.newPin.confirmation,
    );
    if (made) {
      env.newPin = { commitment: made.commitment, personKey: made.key.publicKey };
      gathered.credential = made.credential;
      gathered.newPinKey = { staffNo: needs.newPin.staffNo, key: made.key };
    }
  }
  if (needs.identity) {
    const firstKey = await generateSigningKey();
    gathered.firstKey = firstKey;
    env.identity = {
      deviceId: deps.newId(),
      algorithm: firstKey.algorithm,
      publicKey: firstKey.publicKey,
    };
  }
  if (needs.service) {
    const { records } = await deps.log.service(needs.service);
    env.amendTarget = foldService(records.map(timedEvent));
  }
  return gathered;
}

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
import { DisplayProofSchema, RatingReasonSchema, RatingSchema } from '../../core/domain/log/events';
import { ratingProofHolds } from '../../core/domain/log/rating-proof';
import type { SigningKeyPair } from '../../core/domain/log/signing';
import type { LogRecord } from '../../core/domain/log/records';
import { z } from '../../core/domain/zod';
import { foldService, type TimedEvent } from '../../core/domain/service/engine';
import type { EventLog } from './event-log';
import type { Evidence } from './evidence';
import type { NewFirstKey, SigningKeys } from './key-store';

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
  firstKey?: NewFirstKey;
  /** The signing key a matching typed PIN unlocked (decision 0063). */
  pinKey?: { staffNo: string; key: SigningKeyPair };
  /** The signing key the new PIN unlocks. */
  newPinKey?: { staffNo: string; key: SigningKeyPair };
}

/** Whether a rating's display proof holds, against the key in force (rating-proof.ts). */
async function checkRatingProof(
  state: DeviceState,
  command: Extract<Command, { type: 'rate-service' }>,
): Promise<'holds' | 'fails'> {
  const proof = DisplayProofSchema.safeParse(command.proof);
  const rating = RatingSchema.safeParse(command.rating);
  const reasons = z.array(RatingReasonSchema).safeParse(command.reasons);
  if (!proof.success || !rating.success || !reasons.success) return 'fails';
  const holds = await ratingProofHolds({
    device: state.identity?.deviceId ?? null,
    serviceId: command.serviceId,
    event: { rating: rating.data, reasons: reasons.data, source: 'display', proof: proof.data },
    keys: state.keys,
  });
  return holds ? 'holds' : 'fails';
}

/** Fills `env` with what `command` needs; returns what the append must store with it. */
export async function gatherEvidence(
  state: DeviceState,
  command: Command,
  env: DecideEnv,
  deps: { evidence: Evidence; log: EventLog; keys: SigningKeys; newId: () => string },
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
    const firstKey = await deps.keys.firstKey();
    gathered.firstKey = firstKey;
    env.identity = {
      deviceId: deps.newId(),
      algorithm: firstKey.algorithm,
      publicKey: firstKey.publicKey,
    };
  }
  if (command.type === 'rate-service' && command.proof !== undefined) {
    env.ratingProof = await checkRatingProof(state, command);
  }
  if (needs.service) {
    const { records } = await deps.log.service(needs.service);
    env.amendTarget = foldService(records.map(timedEvent));
  }
  return gathered;
}

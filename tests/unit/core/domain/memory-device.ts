/**
 * A device log held in memory, for the domain tests (device-log.ts builds on it): the store's
 * command path without the storage — any command goes through the domain's `decide`, and the
 * records are sealed and checkpointed by the domain's `sealCommit` (sealing.ts), the one the
 * store's committer seals through; only the private key in force is kept, as the key store does.
 * The app, the demo and the benchmarks never use it: they run the store itself
 * (renderer/storage; renderer/demo/demo-device.ts).
 *
 * The evidence: every PIN "matches" (a test may say otherwise), a new PIN's commitment is the
 * SHA-256 of its owner, the PIN and a counter, the first signing key is real (WebCrypto), and
 * commands come from the customer display too (ratings). Time is a clock the caller moves.
 */
import { evidenceNeeded } from '../../../../core/domain/access/decide-access';
import { NO_LOCKOUT, type Lockout } from '../../../../core/domain/access/lockout';
import type {
  Command,
  DecideEnv,
  Decision,
  PinCheck,
  PlannedRecord,
} from '../../../../core/domain/device/commands';
import { decide } from '../../../../core/domain/device/decide';
import { INITIAL_STATE, openService, type DeviceState } from '../../../../core/domain/device/state';
import { sha256Hex } from '../../../../core/domain/log/canonical';
import { checkpointDue, type CheckpointReason } from '../../../../core/domain/log/checkpoints';
import type { RecordedEvent } from '../../../../core/domain/log/events';
import { restoreEvent, type PersonalValue } from '../../../../core/domain/log/personal';
import { hashOfNow, type StoredRecord } from '../../../../core/domain/log/records';
import {
  sealCommit,
  sealPlanned,
  signCheckpoint,
  type SealStamp,
} from '../../../../core/domain/log/sealing';
import {
  generateSigningKey,
  type KeyAlgorithm,
  type SigningKeyPair,
} from '../../../../core/domain/log/signing';
import type { Head } from '../../../../core/domain/log/witness';
import {
  SERVICE_COMMAND_TYPES,
  foldService,
  type ServiceCommand,
  type ServiceState,
} from '../../../../core/domain/service/engine';

/** What a fresh id is for (a test can make them recognisable). */
export type IdKind = 'command' | 'record' | 'device' | 'boot';

export interface MemoryDeviceOptions {
  /** The wall clock at the start (epoch ms); the device's first boot begins then. */
  now?: number;
  /** Fresh ids; random UUIDs unless given (the demo generator makes them from its seed). */
  newId?: (kind: IdKind) => string;
  /** The first key's algorithm (later keys follow it, as in the store). */
  algorithm?: KeyAlgorithm;
  /**
   * Keep every private key instead of destroying each once a checkpoint names the next: only
   * for tests that play someone who copied the keys before the device destroyed them.
   */
  keepRetiredKeys?: boolean;
  /**
   * Seal without `sealRecord`'s re-check of each record against the schema, and hash with a
   * synchronous SHA-256 (@noble/hashes) over the same canonical bytes instead of WebCrypto's
   * asynchronous one: the same records, several times faster. The demo generator seals this way
   * (its records come from the domain's own decisions, and every export it makes is verified in
   * full); by default the device seals exactly as the app does.
   */
  fast?: boolean;
}

/** Evidence a caller can set instead of the defaults (every PIN matches, no waiting). */
export interface Evidence {
  verdict?: PinCheck['verdict'];
  lockout?: Lockout;
  commitment?: string;
}

type WithoutService<C> = C extends { serviceId: unknown } ? Omit<C, 'serviceId'> : C;
/** A service command without its service id: the device fills in the open service's. */
export type ServiceStep = WithoutService<ServiceCommand>;

export class MemoryDevice {
  /** Every record as stored, in sequence order. */
  readonly rows: StoredRecord[] = [];
  /** The personal values beside the log, by commitment (personal.ts). */
  readonly personal = new Map<string, PersonalValue>();
  /** Looks a commitment's value up in `personal`. */
  readonly values = (commitment: string) => this.personal.get(commitment)?.value;
  /** The fold of the log (a test may set it, e.g. to a v1 log's fold before an upgrade). */
  state: DeviceState = INITIAL_STATE;
  /** The wall clock (epoch ms): the caller moves it. */
  now: number;
  /** Milliseconds the clock moves by itself before each command or append. */
  tick = 0;
  algorithm: KeyAlgorithm;
  private boot: { id: string; at: number };
  private readonly signingKeys = new Map<number, SigningKeyPair>();
  private readonly keepRetiredKeys: boolean;
  private readonly fast: boolean;
  private readonly makeId: (kind: IdKind) => string;
  /** Where each service's records lie among `rows` (first and last index). */
  private readonly spans = new Map<string, { from: number; to: number }>();
  private pinsSet = 0;

  constructor(options: MemoryDeviceOptions = {}) {
    this.now = options.now ?? Date.now();
    this.makeId = options.newId ?? (() => globalThis.crypto.randomUUID());
    this.algorithm = options.algorithm ?? 'Ed25519';
    this.keepRetiredKeys = options.keepRetiredKeys ?? false;
    this.fast = options.fast ?? false;
    this.boot = { id: this.makeId('boot'), at: this.now };
  }

  newId(kind: IdKind): string {
    return this.makeId(kind);
  }

  get head(): Head {
    return { seq: this.state.head.seq, hash: this.state.head.hash };
  }

  /** The private keys still held, by index: only the one in force unless `keepRetiredKeys`. */
  get heldKeys(): ReadonlyMap<number, SigningKeyPair> {
    return this.signingKeys;
  }

  /** The app starts again (a reload, the tablet switched on): a new monotonic clock from now. */
  reboot(): void {
    this.boot = { id: this.makeId('boot'), at: this.now };
  }

  /** A service command for the open service (or for none, before a service starts). */
  complete(command: Command | ServiceStep): Command {
    if ('serviceId' in command || !SERVICE_COMMAND_TYPES.has(command.type))
      return command as Command;
    if (command.type === 'start-service') return command;
    const serviceId = openService(this.state)?.serviceId ?? 'none';
    return { ...command, serviceId } as Command;
  }

  /** Decides `command` against the current state and appends what it gives, refused or not. */
  async run(
    command: Command | ServiceStep,
    evidence: Evidence = {},
  ): Promise<Decision & { stored: StoredRecord[] }> {
    this.now += this.tick;
    const full = this.complete(command);
    const env: DecideEnv = { now: this.now, newId: this.makeId('command'), fromDisplay: true };
    const needs = evidenceNeeded(this.state, full);
    let firstKey: SigningKeyPair | undefined;
    if (needs.checkPin) {
      env.pin = {
        staffNo: needs.checkPin.staffNo,
        verdict: evidence.verdict ?? 'match',
        lockout: evidence.lockout ?? NO_LOCKOUT,
      };
    }
    if (needs.newPin) {
      this.pinsSet += 1;
      env.newPin = {
        commitment:
          evidence.commitment ??
          (await sha256Hex(`${needs.newPin.staffNo}:${needs.newPin.pin}:${this.pinsSet}`)),
      };
    }
    if (needs.identity) {
      firstKey = await generateSigningKey(this.algorithm);
      env.identity = {
        deviceId: this.makeId('device'),
        algorithm: firstKey.algorithm,
        publicKey: firstKey.publicKey,
      };
    }
    if (needs.service) env.amendTarget = this.serviceState(needs.service);
    const decision = decide(this.state, full, env);
    const stored =
      decision.records.length > 0 || decision.checkpoint
        ? await this.commit(decision.records, { firstKey, forced: decision.checkpoint })
        : [];
    return { ...decision, stored };
  }

  /** Runs a command that must be accepted; returns the records it stored. */
  async must(command: Command | ServiceStep, evidence: Evidence = {}): Promise<StoredRecord[]> {
    const { refusal, stored } = await this.run(command, evidence);
    if (refusal) throw new Error(`${command.type} refused: ${JSON.stringify(refusal)}`);
    return stored;
  }

  /**
   * Appends records no command decided, sealed and checkpointed as any others: the store's v1
   * upgrade does this, and tests forge records through it.
   */
  append(
    planned: readonly PlannedRecord[],
    extras: { firstKey?: SigningKeyPair; forced?: CheckpointReason } = {},
  ): Promise<StoredRecord[]> {
    this.now += this.tick;
    return this.commit(planned, extras);
  }

  /**
   * Continues a log release 0.1.0 wrote (already folded into `state`) as the store upgrades it: a
   * new device identity, the upgrade record with the credentials' commitments, a checkpoint.
   */
  async upgradeFromV1(
    credentials: { subject: string; commitment: string }[],
  ): Promise<StoredRecord[]> {
    const firstKey = await generateSigningKey(this.algorithm);
    return this.append(
      [
        {
          staffNo: null,
          serviceId: null,
          event: {
            type: 'device-identity',
            deviceId: this.makeId('device'),
            algorithm: firstKey.algorithm,
            publicKey: firstKey.publicKey,
          },
        },
        {
          staffNo: null,
          serviceId: null,
          event: { type: 'log-upgraded', fromSchema: 1, credentials },
        },
      ],
      { firstKey, forced: 'upgrade' },
    );
  }

  /** A service folded from its records, as the store folds an amendment's target. */
  serviceState(serviceId: string): ServiceState | null {
    const span = this.spans.get(serviceId);
    if (!span) return null;
    const events = [];
    for (let index = span.from; index <= span.to; index += 1) {
      const record = this.rows[index] as StoredRecord;
      if (record.serviceId !== serviceId) continue;
      events.push({
        serviceId,
        seq: record.seq,
        atMs: Date.parse(record.at),
        staffNo: record.staffNo,
        event: restoreEvent(
          record.event,
          (commitment) => this.personal.get(commitment)?.value,
        ) as RecordedEvent,
      });
    }
    return foldService(events);
  }

  /** As DeviceStore.commit: seal after the head, add a signed checkpoint when one is due. */
  private async commit(
    planned: readonly PlannedRecord[],
    extras: { firstKey?: SigningKeyPair; forced?: CheckpointReason } = {},
  ): Promise<StoredRecord[]> {
    const now = this.now;
    const before = this.state;
    const due = extras.forced ?? checkpointDue(before, planned, now);
    const newKeys = new Map<number, SigningKeyPair>();
    if (extras.firstKey) newKeys.set(0, extras.firstKey);
    const stamp: SealStamp = {
      now,
      mono: { boot: this.boot.id, ms: Math.max(0, Math.round(now - this.boot.at)) },
      newId: () => this.makeId('record'),
      hash: this.fast ? (record) => ({ ...record, hash: hashOfNow(record) }) : undefined,
    };
    const { sealed, values, state } = await sealCommit(before, planned, due, {
      seal: async (at, records) => {
        const added = await sealPlanned(at, records, stamp);
        if (!added.ok) throw new Error('no device identity yet');
        return added.value;
      },
      checkpoint: async (at, reason) => {
        const made = await signCheckpoint(at, reason, (index) => {
          const signer =
            index === 0 && extras.firstKey
              ? extras.firstKey
              : (newKeys.get(index) ?? this.signingKeys.get(index));
          if (!signer) throw new Error(`the signing key ${index} is missing`);
          return signer;
        });
        if (made === null || made === 'key-missing') return null;
        newKeys.set(made.nextIndex, made.nextKey);
        return made.event;
      },
    });

    for (const value of values) this.personal.set(value.commitment, value);
    for (const { event } of sealed) {
      if (event.type !== 'personal-values-erased') continue;
      for (const [commitment, kept] of this.personal)
        if (kept.at < event.before) this.personal.delete(commitment);
    }
    for (const record of sealed) {
      const index = this.rows.length;
      this.rows.push(record);
      if (!record.serviceId) continue;
      const span = this.spans.get(record.serviceId);
      if (span) span.to = index;
      else this.spans.set(record.serviceId, { from: index, to: index });
    }
    this.state = state;
    for (const [index, key] of newKeys) this.signingKeys.set(index, key);
    if (!this.keepRetiredKeys && state.keys && newKeys.size > 0) {
      for (const index of [...this.signingKeys.keys()])
        if (index !== state.keys.index) this.signingKeys.delete(index);
    }
    return sealed;
  }
}

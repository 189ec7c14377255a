/**
 * A device log built in memory, without storage: commands go through `decide`, the records are
 * sealed with `sealRecord` and folded with `evolveDevice`, and checkpoints are added the way the
 * store's `commit()` adds them (renderer/storage/device-store.ts). The evidence the storage would
 * work out (PIN verdicts, new PIN commitments, the first signing key) is supplied by hand.
 *
 * Also here: the tampering a person with DevTools could do to the stored rows.
 */
import { evidenceNeeded } from '../../../../renderer/domain/access/decide-access';
import { NO_LOCKOUT, type Lockout } from '../../../../renderer/domain/access/lockout';
import type {
  AccessCommand,
  Command,
  DecideEnv,
  Decision,
  PinCheck,
  PlannedRecord,
} from '../../../../renderer/domain/device/commands';
import { decide } from '../../../../renderer/domain/device/decide';
import {
  INITIAL_STATE,
  foldDevice,
  openService,
  type DeviceState,
} from '../../../../renderer/domain/device/state';
import { sha256Hex } from '../../../../renderer/domain/log/canonical';
import {
  checkpointDue,
  makeCheckpoint,
  type CheckpointReason,
} from '../../../../renderer/domain/log/checkpoints';
import type { EventOf } from '../../../../renderer/domain/log/events';
import { SERVICE_COMMAND_TYPES } from '../../../../renderer/domain/service/engine';
import { hashOf, sealRecord, type StoredRecord } from '../../../../renderer/domain/log/records';
import {
  generateSigningKey,
  type KeyAlgorithm,
  type SigningKeyPair,
} from '../../../../renderer/domain/log/signing';
import type { Head } from '../../../../renderer/domain/log/verify';
import { T0, startCommand, type Step } from '../../helpers/builders';

export const MANAGER = '9001';
export const CLERK = '1001';
export const AUDITOR = '7001';
/** Any PIN that meets the rules; the verdict on it is the test's evidence, not a hash. */
export const PIN = '246810';
export const OTHER_PIN = '135792';

/** Evidence a test can set instead of the defaults (every PIN matches, no waiting). */
export interface Evidence {
  verdict?: PinCheck['verdict'];
  lockout?: Lockout;
  commitment?: string;
}

const uuid = (prefix: string, n: number) =>
  `${prefix.padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export class DeviceLog {
  rows: StoredRecord[] = [];
  state: DeviceState = INITIAL_STATE;
  /** Signing keys by index: 0 is the identity's; the last is the only one a thief would find. */
  keys: SigningKeyPair[] = [];
  now = T0;
  /** Milliseconds the clock moves before each command. */
  tick = 1_000;
  /** The algorithm of the first key (the later ones follow it, as in the store). */
  algorithm: KeyAlgorithm = 'Ed25519';
  private ids = 0;

  newId(prefix = 'e'): string {
    this.ids += 1;
    return uuid(prefix, this.ids);
  }

  get head(): Head {
    return { seq: this.state.head.seq, hash: this.state.head.hash };
  }

  /** A service command for the open service (or for none, before a service starts). */
  complete(command: Command | Step): Command {
    if ('serviceId' in command || !SERVICE_COMMAND_TYPES.has(command.type))
      return command as Command;
    if (command.type === 'start-service') return command;
    const serviceId = openService(this.state)?.serviceId ?? 'none';
    return { ...command, serviceId } as Command;
  }

  /** Decides `command` against the current state and appends what it gives, refused or not. */
  async run(
    command: Command | Step,
    evidence: Evidence = {},
  ): Promise<Decision & { stored: StoredRecord[] }> {
    this.now += this.tick;
    const full = this.complete(command);
    const env: DecideEnv = { now: this.now, newId: this.newId('5e') };
    const needs = evidenceNeeded(this.state, full as AccessCommand);
    let firstKey: SigningKeyPair | undefined;
    if (needs.checkPin) {
      env.pin = {
        staffNo: needs.checkPin.staffNo,
        verdict: evidence.verdict ?? 'match',
        lockout: evidence.lockout ?? NO_LOCKOUT,
      };
    }
    if (needs.newPin) {
      env.newPin = {
        commitment:
          evidence.commitment ??
          (await sha256Hex(`${needs.newPin.staffNo}:${needs.newPin.pin}:${this.ids}`)),
      };
    }
    if (needs.identity) {
      firstKey = await generateSigningKey(this.algorithm);
      env.identity = {
        deviceId: this.newId('de'),
        algorithm: firstKey.algorithm,
        publicKey: firstKey.publicKey,
      };
    }
    const decision = decide(this.state, full, env);
    const stored =
      decision.records.length > 0 ? await this.commit(decision.records, { firstKey }) : [];
    return { ...decision, stored };
  }

  /** Runs a command that must be accepted; returns the records it stored. */
  async must(command: Command | Step, evidence: Evidence = {}): Promise<StoredRecord[]> {
    const { refusal, stored } = await this.run(command, evidence);
    if (refusal) throw new Error(`${command.type} refused: ${JSON.stringify(refusal)}`);
    return stored;
  }

  /** Appends records no command decided (a forgery through the app's own sealing). */
  append(planned: PlannedRecord[]): Promise<StoredRecord[]> {
    this.now += this.tick;
    return this.commit(planned);
  }

  /**
   * Continues a log release 0.1.0 wrote (already folded into `state`) the way the store upgrades
   * it: a new device identity, the upgrade record with the credentials' commitments, a checkpoint.
   */
  async upgrade(credentials: { subject: string; commitment: string }[]): Promise<StoredRecord[]> {
    this.now += this.tick;
    const firstKey = await generateSigningKey();
    return this.commit(
      [
        {
          staffNo: null,
          serviceId: null,
          event: {
            type: 'device-identity',
            deviceId: this.newId('de'),
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

  /** A checkpoint now, whatever is due (as an export forces one). */
  checkpoint(reason: CheckpointReason = 'export'): Promise<StoredRecord[]> {
    this.now += this.tick;
    return this.commit([], { forced: reason });
  }

  /** As DeviceStore.commit: seal, fold, and add a signed checkpoint when one is due. */
  private async commit(
    planned: readonly PlannedRecord[],
    extras: { firstKey?: SigningKeyPair; forced?: CheckpointReason } = {},
  ): Promise<StoredRecord[]> {
    const before = this.state;
    const sealed = await this.seal(before, planned);
    let after = foldDevice(sealed, before);
    if (extras.firstKey) this.keys = [extras.firstKey];
    const reason = extras.forced ?? checkpointDue(before, planned, this.now);
    if (reason && after.keys && after.identity) {
      const index = after.keys.index;
      const signer = this.keys[index];
      if (!signer) throw new Error(`no signing key ${index}`);
      const next = await generateSigningKey(signer.algorithm);
      const event = await makeCheckpoint({
        device: after.identity.deviceId,
        head: after.head,
        reason,
        keyIndex: index,
        key: signer,
        nextKey: next.publicKey,
      });
      const [checkpoint] = await this.seal(after, [{ staffNo: null, serviceId: null, event }]);
      if (checkpoint) {
        sealed.push(checkpoint);
        after = foldDevice([checkpoint], after);
        this.keys[index + 1] = next;
      }
    }
    this.rows.push(...sealed);
    this.state = after;
    return sealed;
  }

  private async seal(
    state: DeviceState,
    planned: readonly PlannedRecord[],
  ): Promise<StoredRecord[]> {
    const at = new Date(this.now).toISOString();
    // The monotonic clock moves with the wall clock (one page load that began long before).
    const mono = { boot: 'boot-test', ms: Math.max(0, this.now - T0 + 1_000_000) };
    let device = state.identity?.deviceId ?? null;
    let counter = state.counter;
    let prevHash = state.head.hash;
    const sealed: StoredRecord[] = [];
    for (const [offset, { staffNo, serviceId, event }] of planned.entries()) {
      if (event.type === 'device-identity') device = event.deviceId;
      if (event.type === 'device-set-up') counter = event.counter;
      if (device === null) throw new Error('no device identity yet');
      const record = await sealRecord({
        v: 2,
        seq: state.head.seq + 1 + offset,
        id: this.newId('1d'),
        at,
        mono,
        device,
        staffNo,
        counter,
        serviceId,
        event,
        prevHash,
      });
      sealed.push(record);
      prevHash = record.hash;
    }
    return sealed;
  }
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/** First run (manager 9001, counter 3), the store's business day set to Asia/Shanghai. */
export async function setUpDevice(algorithm: KeyAlgorithm = 'Ed25519'): Promise<DeviceLog> {
  const log = new DeviceLog();
  log.algorithm = algorithm;
  await log.must({
    type: 'first-run',
    counter: '3',
    staffNo: MANAGER,
    pin: PIN,
    confirmation: PIN,
  });
  await log.must({
    type: 'change-config',
    change: { key: 'business-day', timeZone: 'Asia/Shanghai', startMinutes: 0 },
  });
  return log;
}

/**
 * A set-up device with an auditor and a clerk who have each chosen their own PIN; nobody signed
 * in. Three checkpoints so far (one per sign-out, keys 0 to 2), so the current key is index 3.
 */
export async function staffedLog(algorithm: KeyAlgorithm = 'Ed25519'): Promise<DeviceLog> {
  const log = await setUpDevice(algorithm);
  for (const [staffNo, role] of [
    [AUDITOR, 'auditor'],
    [CLERK, 'clerk'],
  ] as const) {
    await log.must({ type: 'create-account', staffNo, role, pin: PIN, confirmation: PIN });
  }
  await log.must({ type: 'sign-out' });
  await signIn(log, CLERK, { changePin: true });
  await log.must({ type: 'sign-out' });
  await signIn(log, AUDITOR, { changePin: true });
  await log.must({ type: 'sign-out' });
  return log;
}

export async function signIn(
  log: DeviceLog,
  staffNo: string,
  options: { changePin?: boolean } = {},
): Promise<void> {
  await log.must({ type: 'sign-in', staffNo, pin: PIN });
  if (options.changePin) {
    await log.must({
      type: 'change-own-pin',
      currentPin: PIN,
      pin: OTHER_PIN,
      confirmation: OTHER_PIN,
    });
  }
}

/** A whole service with every step done, ended by calling the next ticket. */
export async function fullService(log: DeviceLog, ticket = 'A025', surname = '张'): Promise<void> {
  await log.must(startCommand({ ticket, surname }));
  for (const stepId of [
    'stand-to-greet',
    'eye-contact-smile',
    'greet-aloud',
    'check-ticket',
    'invite-to-sit',
    'ask-needs',
    'address-by-surname',
  ] as const) {
    await log.must({ type: 'mark-done', stepId });
  }
  await log.must({ type: 'announce-money', dueFen: 8_000, receivedFen: 10_000 });
  await log.must({ type: 'mark-done', stepId: 'both-hands' });
  await log.must({ type: 'recommend', offer: 'broadband', response: 'interested' });
  await log.must({ type: 'mark-done', stepId: 'confirm-anything-else' });
  await log.must({ type: 'mark-done', stepId: 'stand-to-see-off' });
  await log.must({ type: 'call-next', nextTicket: nextOf(ticket) });
}

const nextOf = (ticket: string) =>
  ticket.replace(/\d+$/, (digits) => String(Number(digits) + 1).padStart(digits.length, '0'));

// ---------------------------------------------------------------------------------------------
// Tampering

export type Row = Record<string, unknown>;

/** A deep copy of the rows as DevTools would get them. */
export const rawCopy = (rows: readonly unknown[]): Row[] => structuredClone(rows) as Row[];

export const indexOfSeq = (rows: readonly Row[], seq: number): number =>
  rows.findIndex((row) => row.seq === seq);

export const eventOf = (row: Row) => row.event as { type: string } & Record<string, unknown>;

/** How a forger signs a checkpoint again: with which key, claiming which key index. */
export type Resign = (keyIndex: number) => { key: SigningKeyPair; keyIndex: number };

/**
 * Edits the row at `index` and re-hashes it and every row after it so that every hash links again.
 * Checkpoints after it are re-linked and, when `resign` is given, signed again as it says;
 * otherwise they keep their old signatures.
 */
export async function rewrite(
  rows: readonly Row[],
  index: number,
  edit: (row: Row) => void,
  resign?: Resign,
): Promise<Row[]> {
  const copy = rawCopy(rows);
  const target = copy[index];
  if (!target) throw new Error(`no row ${index}`);
  edit(target);
  for (let at = index; at < copy.length; at += 1) {
    const row = copy[at]!;
    if (at > index) row.prevHash = copy[at - 1]!.hash;
    const event = eventOf(row);
    if (event.type === 'checkpoint' && at > index) {
      const checkpoint = event as unknown as EventOf<'checkpoint'>;
      const signer = resign?.(checkpoint.keyIndex);
      const signed = signer
        ? await makeCheckpoint({
            device: row.device as string,
            head: { seq: (row.seq as number) - 1, hash: row.prevHash as string },
            reason: checkpoint.reason,
            keyIndex: signer.keyIndex,
            key: signer.key,
            nextKey: checkpoint.nextKey,
          })
        : { ...checkpoint, upToHash: row.prevHash as string };
      row.event = signed;
    }
    row.hash = await hashOf(row);
  }
  return copy;
}

export interface Forged {
  staffNo: string | null;
  serviceId?: string | null;
  event: Record<string, unknown>;
  /** Other fields of the row to set (device, counter, v…). */
  row?: Row;
}

/** Appends hand-written rows after the last one, each hashed and linked (a DevTools forgery). */
export async function forgeAfter(rows: readonly Row[], records: Forged[]): Promise<Row[]> {
  const copy = rawCopy(rows);
  for (const { staffNo, serviceId = null, event, row } of records) {
    const last = copy.at(-1)!;
    const seq = (last.seq as number) + 1;
    const unsealed: Row = {
      ...last,
      seq,
      id: uuid('f0', seq),
      at: new Date(Date.parse(last.at as string) + 1_000).toISOString(),
      staffNo,
      serviceId,
      event,
      prevHash: last.hash,
      ...row,
    };
    delete unsealed.hash;
    copy.push({ ...unsealed, hash: await hashOf(unsealed) });
  }
  return copy;
}

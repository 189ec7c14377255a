/**
 * A device log built in memory, without storage, for the domain tests: the MemoryDevice
 * (memory-device.ts: commands through `decide`, records sealed with `sealRecord`
 * and folded with `evolveDevice`, checkpoints where `DeviceStore.commit()` adds them, evidence
 * supplied by hand), with the test clock moving a second before each command, recognisable ids,
 * and every private key kept so that tests can play someone who copied them.
 *
 * Also here: the scenarios the tests share, and the tampering a person with DevTools could do to
 * the stored rows.
 */
import type { CheckpointReason, EventOf } from '../../../../core/domain/log/events';
import { makeCheckpoint } from '../../../../core/domain/log/checkpoints';
import { hashOf, type StoredRecord } from '../../../../core/domain/log/records';
import type { KeyAlgorithm, SigningKeyPair } from '../../../../core/domain/log/signing';
import { MemoryDevice, type IdKind } from './memory-device';
import { T0, startCommand } from '../../helpers/builders';

export type { Evidence } from './memory-device';

export const MANAGER = '9001';
export const CLERK = '1001';
export const AUDITOR = '7001';
/** Any PIN that meets the rules; the verdict on it is the test's evidence, not a hash. */
export const PIN = '246810';
export const OTHER_PIN = '135792';

const uuid = (prefix: string, n: number) =>
  `${prefix.padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const PREFIXES: Record<IdKind, string> = {
  command: '5e',
  record: '1d',
  device: 'de',
  boot: 'b0',
};

export class DeviceLog extends MemoryDevice {
  constructor(algorithm: KeyAlgorithm = 'Ed25519') {
    let ids = 0;
    super({
      now: T0,
      algorithm,
      keepRetiredKeys: true,
      newId: (kind) => {
        ids += 1;
        return uuid(PREFIXES[kind], ids);
      },
    });
    this.tick = 1_000;
  }

  /** Signing keys by index: 0 is the identity's; the last is the only one a thief would find. */
  get keys(): SigningKeyPair[] {
    return [...this.heldKeys.entries()].sort(([a], [b]) => a - b).map(([, key]) => key);
  }

  /** Continues a log release 0.1.0 wrote (already folded into `state`), as the store does. */
  upgrade(credentials: { subject: string; commitment: string }[]): Promise<StoredRecord[]> {
    return this.upgradeFromV1(credentials);
  }

  /** A checkpoint now, whatever is due (as an export forces one). */
  checkpoint(reason: CheckpointReason = 'export'): Promise<StoredRecord[]> {
    return this.append([], { forced: reason });
  }
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/** First run (manager 9001, counter 3), the store's business day set to Asia/Shanghai. */
export async function setUpDevice(algorithm: KeyAlgorithm = 'Ed25519'): Promise<DeviceLog> {
  const log = new DeviceLog(algorithm);
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

/**
 * Records that carry a person's authority are signed by that person (decision 0063): a sign-in,
 * an unlock (the manager's for someone else's screen included), a manager's confirmation of an
 * escalation, a PIN set, an account created, disabled or enabled, a configuration change, an
 * amendment, a spot-check, a follow-up closed, and the end of a session someone signed in over.
 *
 * Each person's key is derived from their PIN (access/pin.ts), so only someone who knows the PIN
 * can sign; its public half is committed in the person's latest `pin-set`. The signature covers
 * the whole record as stored but its `hash` and `sig` — its device, place (`seq`, `prevHash`) and
 * body — so it cannot be moved to another record or position. The domain refuses to seal such a
 * record without a valid signature (sealing.ts), and verification flags one (verify.ts).
 *
 * Records written before 0063, by someone whose PIN commits no key yet, cannot be signed: they
 * are accepted and counted as predating per-person signatures. Once any PIN in the log commits
 * a key, every later `pin-set` must commit one too (rules.ts), so no one is taken back.
 */
import { evolveDevice, INITIAL_STATE, type DeviceState } from '../device/state';
import type { PublicKeyJwk } from './events';
import { readRecord, type LogRecord, type StoredRecord } from './records';
import { verifySignature } from './signing';
import type { RuleCode } from './rules';

const AUTHORITY_TYPES: ReadonlySet<string> = new Set([
  'signed-in',
  'screen-unlocked',
  'escalation-confirmed',
  'pin-set',
  'account-created',
  'account-disabled',
  'account-enabled',
  'config-changed',
  'service-amended',
  'spot-check-recorded',
  'follow-up-closed',
  'opening-check-recorded',
]);

/** A record as read (personal values put back) or as stored (personal values as commitments). */
type AnyRecord = LogRecord | StoredRecord;
type RecordLike = Pick<AnyRecord, 'v' | 'staffNo' | 'event'>;

/** Whether `record` carries its author's authority, and so must be signed by them. */
export function carriesAuthority(record: RecordLike): boolean {
  if (record.v !== 2 || record.staffNo === null) return false;
  const { event } = record;
  // The first manager creating themselves at the first run (the rules allow it nowhere else):
  // no key exists yet; the PIN record right after commits it and is signed with it.
  if (event.type === 'account-created' && event.subject === record.staffNo) return false;
  return (
    AUTHORITY_TYPES.has(event.type) || (event.type === 'signed-out' && event.reason === 'replaced')
  );
}

/** Right after a restore onto a new tablet: the old PIN's key is not on this one. */
const justRestored = (state: DeviceState): boolean =>
  state.keys !== null &&
  state.keys.index === 0 &&
  state.head.seq > 0 &&
  state.keys.lastCheckpointSeq === state.head.seq;

/**
 * The key that must have signed `record` appended to `state`: its author's committed key; for a
 * person setting their own first PIN (the first manager, an account from before 0063) or their
 * new PIN right after a restore, the key that record itself commits. Null: the author has no key
 * yet (the record predates per-person signatures).
 */
export function signingKeyOf(state: DeviceState, record: RecordLike): PublicKeyJwk | null {
  const { staffNo, event } = record;
  if (staffNo === null) return null;
  const own = state.pins.get(staffNo)?.personKey ?? null;
  if (
    event.type === 'pin-set' &&
    event.subject === staffNo &&
    event.personKey &&
    (own === null || justRestored(state))
  ) {
    return event.personKey;
  }
  return own;
}

/** What a person signs: the record as stored, without its hash and its signature. */
export function personPayload(record: object): unknown {
  const { hash: _hash, sig: _sig, ...body } = record as Record<string, unknown>;
  return { purpose: 'counter-steps/person-signature', record: body };
}

/**
 * The rule `record` breaks for its author's signature when appended to `state`, or null:
 * `signature-missing` (none where one is needed), `signature-invalid` (not by the author's
 * committed key over this very record at this very place).
 */
export async function personSignatureRule(
  state: DeviceState,
  record: AnyRecord,
): Promise<RuleCode | null> {
  if (!carriesAuthority(record)) return null;
  const key = signingKeyOf(state, record);
  if (!key) return null;
  if (!record.sig) return 'signature-missing';
  return (await verifySignature(key, personPayload(record), record.sig))
    ? null
    : 'signature-invalid';
}

/** An authority record accepted unsigned because its author had no key yet (before 0063). */
export const predatesSignatures = (state: DeviceState, record: AnyRecord): boolean =>
  carriesAuthority(record) && signingKeyOf(state, record) === null;

/**
 * The people's keys along a slice of a log (a day's export), from the PIN records that commit
 * them (`manifest.personKeyRecords`) and the key records: the part of the device state a person's
 * signature depends on, without the records between.
 */
export class SliceSigners {
  private readonly rows: LogRecord[];
  private next = 0;
  private state: DeviceState = INITIAL_STATE;

  constructor(rows: readonly unknown[]) {
    this.rows = rows
      .map((row) => readRecord(row))
      .flatMap((read) => (read.ok ? [read.value] : []))
      .sort((a, b) => a.seq - b.seq);
  }

  /** As `personSignatureRule`, with the keys in force just before `record`. */
  rule(record: AnyRecord): Promise<RuleCode | null> {
    for (let row = this.rows[this.next]; row && row.seq < record.seq; row = this.rows[this.next]) {
      this.state = evolveDevice(this.state, row);
      this.next += 1;
    }
    return personSignatureRule(this.state, record);
  }

  predates(record: AnyRecord): boolean {
    return predatesSignatures(this.state, record);
  }
}

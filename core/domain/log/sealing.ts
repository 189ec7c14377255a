/**
 * What a command planned, sealed into the log with no storage behind it: each planned record is
 * stamped (device, counter, time, monotonic offset, a fresh id), linked after the head and hashed;
 * and a signed checkpoint goes where one is due (the day's close before a new business day's first
 * record, any other after what the command added), signed with the key in force and naming a
 * freshly made next key. The store's committer and sealer (renderer/storage) seal through here —
 * the app, the demo data and the benchmarks all run that store — and so does the domain tests'
 * in-memory log; where the keys are kept and how the records are written is theirs.
 */
import type { PlannedRecord } from '../device/commands';
import { evolveDevice, type DeviceState } from '../device/state';
import { err, ok, type Result } from '../result';
import { makeCheckpoint, type CheckpointReason } from './checkpoints';
import type { MonoStamp } from './clock';
import type { DomainEvent } from './events';
import { commitEvent, type PersonalValue } from './personal';
import { restoreRecord, sealRecord, type StoredRecord, type UnsealedRecord } from './records';
import { generateSigningKey, type SigningKeyPair } from './signing';
import { carriesAuthority, personSignatureRule } from './person-signatures';
import type { RuleCode } from './rules';

/** When records are sealed, their fresh ids, and how each is hashed. */
export interface SealStamp {
  /** The wall clock, epoch ms. */
  now: number;
  /** The monotonic clock read together with `now`. */
  mono: MonoStamp;
  newId: () => string;
  /** How a stamped record gets its hash: `sealRecord` (which re-checks the schema) by default. */
  hash?: (record: UnsealedRecord) => StoredRecord | Promise<StoredRecord>;
  /** A fresh salt for each personal value committed (personal.ts): 16 random bytes by default. */
  salt?: () => string;
  /**
   * Its author's signature over a record that carries a person's authority (person-signatures.ts),
   * or undefined when this commit holds no key for that person.
   */
  sign?: (record: UnsealedRecord) => Promise<string | undefined>;
}

/** A record the domain will not seal: it carries a person's authority without their signature. */
export class PersonSignatureError extends Error {
  constructor(
    readonly seq: number,
    readonly staffNo: string | null,
    readonly rule: RuleCode,
  ) {
    super(`record ${seq} by ${staffNo ?? '-'}: ${rule}`);
    this.name = 'PersonSignatureError';
  }
}

/**
 * Records as stored, each personal value in them a salted commitment (personal.ts), and the values
 * with their salts, to keep beside the log.
 */
export interface Sealed {
  records: StoredRecord[];
  values: PersonalValue[];
}

/**
 * Stamps, links and hashes each planned record after `state`'s head, a personal value in it
 * replaced by its commitment. 'no-device' when a record would name no device (nothing before it
 * gave the device its identity).
 */
export async function sealPlanned(
  state: DeviceState,
  planned: readonly PlannedRecord[],
  { now, mono, newId, hash = sealRecord, salt, sign }: SealStamp,
): Promise<Result<Sealed, 'no-device'>> {
  const at = new Date(now).toISOString();
  let device = state.identity?.deviceId ?? null;
  let counter = state.counter;
  let prevHash = state.head.hash;
  const sealed: StoredRecord[] = [];
  const values: PersonalValue[] = [];
  for (const [offset, { staffNo, serviceId, event: plain }] of planned.entries()) {
    const { event, value } = commitEvent(plain, salt);
    if (event.type === 'device-identity' || event.type === 'device-restored')
      device = event.deviceId;
    if (event.type === 'device-set-up') counter = event.counter;
    if (device === null) return err('no-device');
    const unsealed: UnsealedRecord = {
      v: 2,
      seq: state.head.seq + 1 + offset,
      id: newId(),
      at,
      mono,
      device,
      staffNo,
      counter,
      serviceId,
      event,
      prevHash,
    };
    const sig = sign && carriesAuthority(unsealed) ? await sign(unsealed) : undefined;
    const record = await hash(sig ? { ...unsealed, sig } : unsealed);
    sealed.push(record);
    if (value) values.push({ ...value, seq: record.seq, at });
    prevHash = record.hash;
  }
  return ok({ records: sealed, values });
}

/** The key a checkpoint is signed with. */
export type Signer = Pick<SigningKeyPair, 'algorithm' | 'privateKey'>;

/** A checkpoint event, and the next key it names (to be kept as key `nextIndex`). */
export interface SignedCheckpoint {
  event: DomainEvent;
  nextIndex: number;
  nextKey: SigningKeyPair;
}

/**
 * A checkpoint over `state`'s head, signed with the key in force (`signerFor` finds it by its
 * index), naming a freshly made next key of the same algorithm; null when the log has no key
 * chain yet, 'key-missing' when the key in force is gone.
 */
export async function signCheckpoint(
  state: DeviceState,
  reason: CheckpointReason,
  signerFor: (index: number) => Signer | null | undefined | Promise<Signer | null | undefined>,
): Promise<SignedCheckpoint | null | 'key-missing'> {
  if (!state.keys || !state.identity) return null;
  const index = state.keys.index;
  const signer = await signerFor(index);
  if (!signer) return 'key-missing';
  const nextKey = await generateSigningKey(signer.algorithm);
  const event = await makeCheckpoint({
    device: state.identity.deviceId,
    head: state.head,
    reason,
    keyIndex: index,
    key: signer,
    nextKey: nextKey.publicKey,
  });
  return { event, nextIndex: index + 1, nextKey };
}

/** How one commit seals records and makes a checkpoint event over a state (null: none made). */
export interface CommitSteps {
  seal: (state: DeviceState, planned: readonly PlannedRecord[]) => Promise<Sealed>;
  checkpoint: (state: DeviceState, reason: CheckpointReason) => Promise<DomainEvent | null>;
}

/**
 * Seals `planned` after `before`'s head, with a checkpoint record where `due` says (see
 * `checkpointDue`): the day's close seals yesterday's last record before today's first one; every
 * other checkpoint seals what the command added. Returns the records in order and the state they
 * fold to.
 */
export async function sealCommit(
  before: DeviceState,
  planned: readonly PlannedRecord[],
  due: CheckpointReason | null,
  steps: CommitSteps,
): Promise<{ sealed: StoredRecord[]; values: PersonalValue[]; state: DeviceState }> {
  const sealed: StoredRecord[] = [];
  const values: PersonalValue[] = [];
  let state = before;
  const append = async (records: readonly PlannedRecord[]) => {
    const added = await steps.seal(state, records);
    const held = new Map(added.values.map((kept) => [kept.commitment, kept.value]));
    for (const record of added.records) {
      // The domain seals nothing that carries a person's authority without their signature
      // (signed over the record as stored: its personal values as their commitments).
      const rule = await personSignatureRule(state, record);
      if (rule) throw new PersonSignatureError(record.seq, record.staffNo, rule);
      state = evolveDevice(
        state,
        restoreRecord(record, (commitment) => held.get(commitment)),
      );
    }
    sealed.push(...added.records);
    values.push(...added.values);
  };
  const checkpoint = async (reason: CheckpointReason) => {
    const event = await steps.checkpoint(state, reason);
    if (event) await append([{ staffNo: null, serviceId: null, event }]);
  };
  if (due === 'day-close') await checkpoint(due);
  await append(planned);
  if (due && due !== 'day-close') await checkpoint(due);
  return { sealed, values, state };
}

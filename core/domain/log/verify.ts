/**
 * Verification of a device log, record by record in sequence, in bounded memory: the app, the
 * command-line verifier and the hub feed it batches of stored rows. It checks, in order, for each
 * record: that it is a valid record of a known schema version; that its sequence number follows;
 * that it links to the previous hash; that its hash is its content's; that it was allowed for its
 * author at that point (rules.ts), signed by its author where it carries their authority
 * (person-signatures.ts); and, for a checkpoint, its signature along the key chain
 * (checkpoints.ts). At the end, the head is compared with a witness kept outside the log, which is
 * what shows records deleted from the end.
 */
import { evolveDevice, INITIAL_STATE, type DeviceState } from '../device/state';
import { canonicalize } from './canonical';
import { checkCheckpoint, type CheckpointProblem } from './checkpoints';
import { GENESIS_HASH, type EventOf, type PublicKeyJwk } from './events';
import { stepKeyChain, type KeyChainState } from './key-chain';
import type { PersonalLookup } from './personal';
import { ratingProofHolds } from './rating-proof';
import { hashOf, readRecord, seqOf, storedRecordOf, type LogRecord } from './records';
import { personSignatureRule, predatesSignatures, SliceSigners } from './person-signatures';
import {
  INITIAL_RULE_CONTEXT,
  nextRuleContext,
  ruleBroken,
  type RuleCode,
  type RuleContext,
} from './rules';
import { clockToleranceMs, datedAhead, StartedServices, type DatedAhead } from './time-rules';

export type VerifyProblem =
  | { kind: 'invalid-record'; seq: number | null; issues: string[] }
  | { kind: 'sequence-gap'; seq: number | null; expected: number }
  | { kind: 'broken-link'; seq: number }
  | { kind: 'hash-mismatch'; seq: number }
  | { kind: 'rule'; seq: number; rule: RuleCode; eventType: string; staffNo: string | null }
  | { kind: CheckpointProblem; seq: number }
  | { kind: 'first-key-mismatch'; seq: number }
  /** The witness saw a longer log: records after `afterSeq` were removed. */
  | { kind: 'records-missing'; afterSeq: number; witnessSeq: number }
  /** The record the witness saw at `seq` has another hash now: history was rewritten. */
  | { kind: 'witness-mismatch'; seq: number };

export interface Head {
  seq: number;
  hash: string;
}

export interface VerifySummary {
  count: number;
  /** Whether every record's meaning was checked (not for a slice: see VerifierOptions.slice). */
  rulesChecked: boolean;
  head: Head;
  checkpoints: number;
  /** Every record up to this one is sealed by a signed checkpoint. */
  sealedUpTo: number;
  /** The device id and first key the log starts from (null for a v1 log never upgraded). */
  deviceId: string | null;
  firstKey: PublicKeyJwk | null;
  /** The first key matched the one the auditor holds (`expectedFirstKey`); null if none given. */
  firstKeyTrusted: boolean | null;
  /**
   * Records carrying a person's authority accepted unsigned because their author's PIN commits no
   * signing key yet: they predate per-person signatures (decision 0063). Not counted in a slice.
   */
  predateSignatures: number;
  /**
   * The first record dated later than the verifier's own clock (`now`) by more than the clock
   * tolerance: the device's clock was ahead when it wrote it. A warning, not a broken log: the
   * records are as written; their dates are not to be trusted from there on (time-rules.ts).
   */
  datedAhead: DatedAhead | null;
}

export type Verdict =
  ({ intact: true } & VerifySummary) | ({ intact: false; problem: VerifyProblem } & VerifySummary);

export interface VerifierOptions {
  /**
   * The personal values held beside the log (personal.ts), put back into the replayed state; a
   * record's hash never depends on them, so the verdict is the same with or without.
   */
  values?: PersonalLookup;
  /** The first public key as the auditor knows it (from the device's enrolment or fingerprint). */
  expectedFirstKey?: PublicKeyJwk;
  /**
   * The head as last seen outside the log (Electron's main process, the browser's second storage
   * area): a longer or different history there means records were removed or rewritten.
   */
  witness?: Head | null;
  /**
   * A slice of a log (a day's export) rather than the whole: it starts at `from`, the device
   * state before it is unknown so the meaning rules are not checked, and each key record inside
   * it (identity, restore, checkpoint) must be the one whose signature was checked apart, by the
   * chain of key records from the first key (`keyRecordHashes`: seq → hash).
   */
  slice?: {
    from: { seq: number; prevHash: string };
    keyRecordHashes: ReadonlyMap<number, string>;
    /**
     * The key records and the PIN records committing people's keys up to the slice's end: each
     * record in it carrying a person's authority is checked against its author's key.
     */
    personKeyRecords?: readonly unknown[];
  };
  /**
   * A check taken up again after `from`, the last record an earlier check found sound (the
   * device's check at start, log-watch.ts): the records after it must continue it, and each key
   * record (identity, restore, checkpoint) is checked against the key chain as it stood there
   * (`keys`, walked over the key records alone: key-chain.ts) — a checkpoint's signature and the
   * head it seals. The meaning rules need every record before, so they are not checked.
   */
  resume?: { from: Head; keys: KeyChainState | null };
  /**
   * How a stored row's hash is worked out (`hashOf` by default). Exports pass `hashOfNow`, the
   * same SHA-256 computed synchronously: for hundreds of thousands of records, awaiting WebCrypto
   * once per record costs more than the hashing itself.
   */
  hash?: (row: unknown) => string | Promise<string>;
  /**
   * The verifier's own clock (epoch ms), a clock outside the log: a record dated later than it by
   * more than the tolerance is reported as `datedAhead`. Not given: not looked for.
   */
  now?: number;
}

const KEY_RECORD_TYPES: ReadonlySet<string> = new Set([
  'device-identity',
  'device-restored',
  'checkpoint',
]);

/** Feed rows in sequence with `push`; `finish` gives the verdict. Stops at the first problem. */
export class LogVerifier {
  private state: DeviceState = INITIAL_STATE;
  private context: RuleContext = INITIAL_RULE_CONTEXT;
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private count = 0;
  private unsigned = 0;
  /** A slice's people's keys (VerifierOptions.slice.personKeyRecords). */
  private sliceSigners: SliceSigners | null = null;
  private checkpoints = 0;
  private sealedUpTo = 0;
  private problem: VerifyProblem | null = null;
  private hashAtWitness: string | null = null;
  /** The key chain a resumed check follows (`resume`); the replayed state's keys otherwise. */
  private chain: KeyChainState | null = null;
  /** Every service id started so far: a service copied under its own id is named. */
  private readonly started = new StartedServices();
  private ahead: DatedAhead | null = null;

  constructor(private readonly options: VerifierOptions = {}) {
    if (options.slice) {
      if (options.slice.personKeyRecords) {
        this.sliceSigners = new SliceSigners(options.slice.personKeyRecords);
      }
      this.expectedSeq = options.slice.from.seq;
      this.prevHash = options.slice.from.prevHash;
    }
    if (options.resume) {
      this.expectedSeq = options.resume.from.seq + 1;
      this.prevHash = options.resume.from.hash;
      this.chain = options.resume.keys;
    }
  }

  /** The last record found sound so far: where a later check may take up again. */
  get checked(): Head {
    return { seq: this.expectedSeq - 1, hash: this.prevHash };
  }

  get failed(): VerifyProblem | null {
    return this.problem;
  }

  /** The device state replayed so far (for tests and for whoever needs the figures after). */
  get replayed(): DeviceState {
    return this.state;
  }

  async push(row: unknown): Promise<VerifyProblem | null> {
    if (this.problem) return this.problem;
    this.problem = await this.check(row);
    return this.problem;
  }

  async pushAll(rows: Iterable<unknown>): Promise<VerifyProblem | null> {
    for (const row of rows) if (await this.push(row)) break;
    return this.problem;
  }

  private async check(row: unknown): Promise<VerifyProblem | null> {
    const read = readRecord(row, this.options.values);
    if (!read.ok) return { kind: 'invalid-record', ...read.error };
    const record = read.value;
    if (record.seq !== this.expectedSeq) {
      return { kind: 'sequence-gap', seq: seqOf(row), expected: this.expectedSeq };
    }
    if (record.prevHash !== this.prevHash) return { kind: 'broken-link', seq: record.seq };
    // Hash the row as stored, not as parsed: an added key is tampering too.
    if ((await (this.options.hash ?? hashOf)(row)) !== record.hash)
      return { kind: 'hash-mismatch', seq: record.seq };

    // A person's signature is over the record as stored: its personal values as commitments.
    const asStored = record.v === 2 ? (storedRecordOf(row) ?? record) : record;
    const whole = !this.options.slice && !this.options.resume;
    const rule = whole
      ? (ruleBroken(this.state, this.context, record) ??
        (await personSignatureRule(this.state, asStored)))
      : ((await this.sliceSigners?.rule(asStored)) ?? null);
    if (!rule && this.started.repeated(record)) {
      return {
        kind: 'rule',
        seq: record.seq,
        rule: 'service-id-repeated',
        eventType: record.event.type,
        staffNo: record.staffNo,
      };
    }
    if (rule) {
      return {
        kind: 'rule',
        seq: record.seq,
        rule,
        eventType: record.event.type,
        staffNo: record.staffNo,
      };
    }
    const signatureProblem = await this.checkKeys(record);
    if (signatureProblem) return signatureProblem;
    if (record.event.type === 'service-rated' && !(await this.ratingProofHolds(record)))
      return {
        kind: 'rule',
        seq: record.seq,
        rule: 'rating-proof',
        eventType: record.event.type,
        staffNo: null,
      };

    if (whole ? predatesSignatures(this.state, record) : this.sliceSigners?.predates(record))
      this.unsigned += 1;
    this.noteDatedAhead(record);
    if (record.seq === this.options.witness?.seq) this.hashAtWitness = record.hash;
    if (!this.options.resume) {
      this.context = nextRuleContext(this.state, this.context, record);
      this.state = evolveDevice(this.state, record);
    }
    this.expectedSeq = record.seq + 1;
    this.prevHash = record.hash;
    this.count += 1;
    return null;
  }

  private async checkKeys(record: LogRecord): Promise<VerifyProblem | null> {
    const { event } = record;
    const { slice } = this.options;
    if (this.options.resume) return this.checkAlongChain(record);
    if (slice) {
      if (!KEY_RECORD_TYPES.has(event.type)) return null;
      if (slice.keyRecordHashes.get(record.seq) !== record.hash) {
        return { kind: 'checkpoint-signature', seq: record.seq };
      }
      if (event.type === 'checkpoint') {
        this.checkpoints += 1;
        this.sealedUpTo = event.upToSeq;
      }
      return null;
    }
    if (event.type === 'device-identity' && this.options.expectedFirstKey) {
      if (canonicalize(event.publicKey) !== canonicalize(this.options.expectedFirstKey)) {
        return { kind: 'first-key-mismatch', seq: record.seq };
      }
    }
    if (event.type !== 'checkpoint') return null;
    const { keys, identity } = this.state;
    if (!keys || !identity) return { kind: 'checkpoint-key', seq: record.seq };
    const problem = await checkCheckpoint(
      keys,
      identity.deviceId,
      record as LogRecord & { event: EventOf<'checkpoint'> },
    );
    if (problem) return { kind: problem, seq: record.seq };
    this.checkpoints += 1;
    this.sealedUpTo = event.upToSeq;
    return null;
  }

  /** Remembers the first record dated later than the verifier's clock (see `now`). */
  private noteDatedAhead(record: LogRecord): void {
    if (this.ahead || this.options.now === undefined || record.v === 1) return;
    this.ahead = datedAhead(record, this.options.now, clockToleranceMs(this.state.config));
  }

  /**
   * A display's rating proves itself (rating-proof.ts): with the key in force where the whole log
   * is replayed, with the display's own signature alone in a slice or a resumed check.
   */
  private ratingProofHolds(record: LogRecord) {
    const whole = !this.options.slice && !this.options.resume;
    return ratingProofHolds({
      device: record.device,
      serviceId: record.serviceId,
      event: record.event as EventOf<'service-rated'>,
      keys: whole ? this.state.keys : null,
    });
  }

  /** A key record of a resumed check, against the key chain as it stands (see `resume`). */
  private async checkAlongChain(record: LogRecord): Promise<VerifyProblem | null> {
    const { event } = record;
    if (!KEY_RECORD_TYPES.has(event.type)) return null;
    if (
      event.type === 'checkpoint' &&
      (event.upToSeq !== record.seq - 1 || event.upToHash !== record.prevHash)
    ) {
      return { kind: 'checkpoint-link', seq: record.seq };
    }
    const firstKey =
      this.options.expectedFirstKey ??
      (event.type === 'device-identity' ? event.publicKey : this.chain?.key);
    if (!firstKey) return { kind: 'checkpoint-key', seq: record.seq };
    const step = await stepKeyChain(this.chain, record, firstKey);
    if (!step.ok) {
      return {
        kind: step.detail === 'signature' ? 'checkpoint-signature' : 'checkpoint-key',
        seq: record.seq,
      };
    }
    this.chain = step.state;
    if (step.sealedUpTo !== null) {
      this.checkpoints += 1;
      this.sealedUpTo = step.sealedUpTo;
    }
    return null;
  }

  finish(): Verdict {
    const witness = this.options.witness ?? null;
    const summary: VerifySummary = {
      count: this.count,
      head: { seq: this.expectedSeq - 1, hash: this.prevHash },
      rulesChecked: !this.options.slice && !this.options.resume,
      checkpoints: this.checkpoints,
      sealedUpTo: this.sealedUpTo,
      deviceId: this.state.identity?.deviceId ?? this.chain?.device ?? null,
      firstKey: this.state.identity?.firstKey ?? null,
      firstKeyTrusted: this.options.expectedFirstKey ? this.state.identity !== null : null,
      predateSignatures: this.unsigned,
      datedAhead: this.ahead,
    };
    if (this.problem) return { intact: false, problem: this.problem, ...summary };
    if (witness && witness.seq > summary.head.seq) {
      return {
        intact: false,
        problem: { kind: 'records-missing', afterSeq: summary.head.seq, witnessSeq: witness.seq },
        ...summary,
      };
    }
    if (witness && witness.seq > 0) {
      if (this.hashAtWitness !== witness.hash) {
        return {
          intact: false,
          problem: { kind: 'witness-mismatch', seq: witness.seq },
          ...summary,
        };
      }
    }
    return { intact: true, ...summary };
  }
}

/** Verifies a whole log held in memory (tests, small imports). */
export async function verifyRows(
  rows: readonly unknown[],
  options: VerifierOptions = {},
): Promise<Verdict> {
  const verifier = new LogVerifier(options);
  await verifier.pushAll(rows);
  return verifier.finish();
}

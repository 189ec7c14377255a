/**
 * Enrolment and pushes: how a device's log reaches the hub. Nothing is stored until everything
 * was checked:
 *
 * 1. the device is enrolled (a push) or the code is one the hub made and nobody used (enrolment);
 * 2. the request is signed with the key in force on the device, reached along its key chain from
 *    the first key the hub enrolled (key-chains.ts), through restores a hub manager approved only
 *    (restore-approvals.ts);
 * 3. the rows continue exactly what the hub holds (core/domain/log/continuation.ts, the same
 *    judgement as a device's import): the same batch again is a no-op, a gap is answered with the
 *    sequence number the hub needs next, and a record held with another hash — history rewritten
 *    on the device — is refused and kept as an alert;
 * 4. every new record verifies (LogVerifier: hashes, links, the meaning rules, checkpoint
 *    signatures), continuing the hub's replay of the whole log;
 * 5. then, in one transaction, the records, the review's rows and rollups, and the new head.
 *
 * The hub is the witness a device cannot be: once a checkpoint is on the hub, nothing before it
 * can change on the device without its next push being refused as a fork.
 */
import { canonicalize } from '../core/domain/log/canonical';
import type { Config } from '../core/domain/device/config';
import type { DeviceState } from '../core/domain/device/state';
import { heldSeqsNeeded, judgeContinuation } from '../core/domain/log/continuation';
import { GENESIS_HASH } from '../core/domain/log/events';
import { hashOfWith, readRecord, type LogRecord } from '../core/domain/log/records';
import { NODE_SHA256 } from '../core/node/sha256';
import { fingerprint } from '../core/domain/log/signing';
import { LogVerifier } from '../core/domain/log/verify';
import { REVIEW_VERSION } from '../core/domain/review/review-projector';
import {
  enrolPayload,
  pushPayload,
  type EnrolAnswer,
  type EnrolRequest,
  type PushAnswer,
  type HeadRequest,
  type PushRequest,
  type RestoreAnswer,
  type RestoreRequest,
  type WitnessAnswer,
  type WitnessRequest,
} from '../core/domain/hub/protocol';
import { ok, type Result } from '../core/domain/result';
import type { Db, Queryable } from './db';
import { DeviceLocks } from './device-locks';
import { failure, type Failure } from './failure';
import { insertRecords } from './insert-records';
import { KeyChains } from './key-chains';
import { approveRestore, restoreRecords, unapprovedRestores } from './restore-approvals';
import { hashCode } from './codes';
import { PROJECTED, projectRecords } from './review-rows';
import { deviceAlerts, forkFromWitness, raiseAlert } from './witness';
import { headReport, signedHead, type HeadAnswer, type ReportDeps } from './head-reports';
import type { DeviceRow } from './device-row';

/** Each record's hash, by Node's SHA-256 (the same value the device computed). */
const HASH = hashOfWith(NODE_SHA256);

interface ChainedRow extends Record<string, unknown> {
  seq: number;
  hash: string;
  prevHash: string;
}

const isChained = (row: Record<string, unknown>): row is ChainedRow =>
  typeof row.seq === 'number' &&
  Number.isInteger(row.seq) &&
  row.seq > 0 &&
  typeof row.hash === 'string' &&
  typeof row.prevHash === 'string';

export class Ingest {
  private readonly keys = new KeyChains();
  private readonly locks = new DeviceLocks();
  /** Each device's replay, continued push after push; rebuilt from its records when missing. */
  private readonly verifiers = new Map<string, { verifier: LogVerifier; seq: number }>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  private async device(id: string, tx: Queryable = this.db): Promise<DeviceRow | undefined> {
    const [row] = await tx.query<DeviceRow>(
      'SELECT id, store_id, counter, first_key, head_seq, head_hash, review_version FROM devices WHERE id = $1',
      [id],
    );
    return row;
  }

  /** The head the hub holds of a device's log: where its next push starts. */
  async head(device: string): Promise<Result<{ seq: number; hash: string }, Failure>> {
    const row = await this.device(device);
    if (!row) return failure(401, { error: 'not-enrolled' });
    return ok({ seq: row.head_seq, hash: row.head_hash });
  }

  /** The head, for the device itself: signed with its key in force (and the newest witnessed). */
  async signedHead(request: HeadRequest): Promise<Result<HeadAnswer, Failure>> {
    return signedHead(this.reports(), request);
  }

  /** A device's head, reported as soon as it moved (witness.ts): kept, or an alert. */
  witness(request: WitnessRequest): Promise<Result<WitnessAnswer, Failure>> {
    return headReport(this.reports(), request);
  }

  private reports(): ReportDeps {
    return {
      db: this.db,
      keys: this.keys,
      locks: this.locks,
      now: this.now,
      device: (id) => this.device(id),
    };
  }

  async enrol(request: EnrolRequest): Promise<Result<EnrolAnswer, Failure>> {
    const identity = readRecord(request.keyRecords[0]);
    if (!identity.ok || identity.value.event.type !== 'device-identity')
      return failure(400, {
        error: 'malformed',
        detail: 'the first key record is not an identity',
      });
    const { event } = identity.value;
    if (event.deviceId !== request.device)
      return failure(400, { error: 'malformed', detail: 'the identity names another device' });
    const firstKey = event.publicKey;
    const codeHash = await hashCode(request.code);
    const [code] = await this.db.query<{ store_id: string; expires_at: number; used_at: number }>(
      'SELECT store_id, expires_at, used_at FROM codes WHERE code_hash = $1 AND purpose = $2',
      [codeHash, 'enrol'],
    );
    if (!code || code.used_at !== null || code.expires_at < this.now())
      return failure(403, { error: 'bad-code' });
    const problem = await this.keys.check({
      device: request.device,
      firstKey,
      keyRecords: request.keyRecords,
      signature: request.signature,
      payload: enrolPayload({
        code: request.code,
        device: request.device,
        keyIndex: request.signature.keyIndex,
      }),
    });
    if (problem) return failure(403, { error: 'bad-signature', detail: problem });
    return this.locks.run(request.device, () =>
      this.db.transaction(async (tx) => {
        const held = await this.device(request.device, tx);
        if (held && canonicalize(held.first_key) !== canonicalize(firstKey))
          return failure(409, { error: 'already-enrolled' });
        const used = await tx.query(
          'UPDATE codes SET used_at = $2, used_by_device = $3 WHERE code_hash = $1 AND used_at IS NULL RETURNING code_hash',
          [codeHash, this.now(), request.device],
        );
        if (used.length === 0) return failure(403, { error: 'bad-code' });
        if (!held) {
          await tx.query(
            `INSERT INTO devices (id, store_id, counter, first_key, fingerprint, enrolled_at, head_hash, review_version)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [
              request.device,
              code.store_id,
              request.counter,
              JSON.stringify(firstKey),
              await fingerprint(firstKey),
              this.now(),
              GENESIS_HASH,
              REVIEW_VERSION,
            ],
          );
        }
        const [store] = await tx.query<{ id: string; name: string }>(
          'SELECT id, name FROM stores WHERE id = $1',
          [held?.store_id ?? code.store_id],
        );
        return ok({
          device: request.device,
          store: { id: store?.id ?? code.store_id, name: store?.name ?? '' },
          head: { seq: held?.head_seq ?? 0, hash: held?.head_hash ?? GENESIS_HASH },
        });
      }),
    );
  }

  /** A restored tablet's restore code: its new keys are taken from now on (restore-approvals.ts). */
  approveRestore(request: RestoreRequest): Promise<Result<RestoreAnswer, Failure>> {
    return this.locks.run(request.device, () =>
      approveRestore({ db: this.db, keys: this.keys, now: this.now }, request),
    );
  }

  async push(request: PushRequest): Promise<Result<PushAnswer, Failure>> {
    const rows = request.rows;
    if (!rows.every(isChained))
      return failure(400, { error: 'malformed', detail: 'rows need seq, hash and prevHash' });
    for (let index = 1; index < rows.length; index += 1) {
      if ((rows[index] as ChainedRow).seq !== (rows[index - 1] as ChainedRow).seq + 1)
        return failure(400, { error: 'malformed', detail: 'rows are not in sequence' });
    }
    const first = rows[0] as ChainedRow;
    const last = rows.at(-1) as ChainedRow;
    const device = await this.device(request.device);
    if (!device) return failure(401, { error: 'not-enrolled' });
    const problem = await this.keys.check({
      device: request.device,
      firstKey: device.first_key,
      keyRecords: request.keyRecords,
      signature: request.signature,
      payload: pushPayload({
        device: request.device,
        keyIndex: request.signature.keyIndex,
        first: { seq: first.seq, prevHash: first.prevHash },
        last: { seq: last.seq, hash: last.hash },
        count: rows.length,
      }),
    });
    if (problem) return failure(403, { error: 'bad-signature', detail: problem });
    return this.locks.run(request.device, async () => {
      // A restore's new key counts only once a hub manager approved it (restore-approvals.ts).
      const restores = restoreRecords([...request.keyRecords, ...rows]);
      const [unapproved] = await unapprovedRestores(this.db, request.device, restores);
      if (!unapproved) {
        const stored = await this.store(request.device, rows);
        if (!stored.ok) return stored;
        return ok({ ...stored.value, alerts: await deviceAlerts(this.db, request.device) });
      }
      return failure(403, {
        error: 'restore-not-approved',
        seq: unapproved.seq,
        detail: `record ${String(unapproved.seq)}: a restore no hub manager approved`,
      });
    });
  }

  private async store(id: string, rows: ChainedRow[]): Promise<Result<PushAnswer, Failure>> {
    let device = await this.device(id);
    if (!device) return failure(401, { error: 'not-enrolled' });
    if (device.review_version !== REVIEW_VERSION) {
      await this.rebuildReview(device);
      device = { ...device, review_version: REVIEW_VERSION };
    }
    const head = device.head_seq > 0 ? { seq: device.head_seq, hash: device.head_hash } : null;
    const needed = heldSeqsNeeded(head, rows);
    const held = needed.length
      ? await this.db.query<{ seq: number; hash: string }>(
          'SELECT seq, hash FROM records WHERE device = $1 AND seq = ANY($2::int[])',
          [id, needed],
        )
      : [];
    const judged = judgeContinuation(
      head,
      rows,
      new Map(held.map((row) => [row.seq, row.hash])),
      1,
    );
    const current = { seq: device.head_seq, hash: device.head_hash };
    if (judged.kind === 'duplicate') return ok({ status: 'duplicate', added: 0, head: current });
    if (judged.kind === 'gap')
      return failure(409, { error: 'gap', expected: judged.from, seq: judged.from });
    if (judged.kind === 'fork') {
      const pushed = rows.find((row) => row.seq === judged.seq);
      const heldHash = held.find((row) => row.seq === judged.seq)?.hash ?? device.head_hash;
      await this.db.query(
        'INSERT INTO alerts (device, kind, seq, held_hash, pushed_hash, at) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, 'fork', judged.seq, heldHash, pushed?.hash ?? null, this.now()],
      );
      return failure(409, { error: 'fork', seq: judged.seq });
    }
    // The new records must also pass through every head the hub witnessed (witness.ts).
    const unwitnessed = await forkFromWitness(this.db, id, judged.fresh);
    if (unwitnessed) {
      await raiseAlert(this.db, id, unwitnessed, this.now());
      return failure(409, { error: 'fork', seq: unwitnessed.seq });
    }

    // Verify every new record, continuing the replay of everything held before it.
    const verifier = await this.verifierAt(id, device);
    const projected: { record: LogRecord; config: Config }[] = [];
    const taken: LogRecord[] = [];
    for (const row of judged.fresh) {
      const config = verifier.replayed.config;
      const broken = await verifier.push(row);
      if (broken) {
        this.verifiers.delete(id);
        return failure(422, {
          error: 'not-intact',
          seq: 'seq' in broken ? broken.seq : null,
          detail: broken.kind === 'rule' ? `rule ${broken.rule}` : broken.kind,
          // The witness's kinds never come from a push (the hub passes no witness here).
          ...(broken.kind === 'records-missing' ? {} : { problem: broken }),
        });
      }
      const read = readRecord(row);
      if (!read.ok) continue;
      taken.push(read.value);
      if (PROJECTED.has(read.value.event.type)) projected.push({ record: read.value, config });
    }
    const summary = verifier.finish();
    const newHead = summary.head;
    try {
      await this.db.transaction(async (tx) => {
        const [locked] = await tx.query<{ head_seq: number }>(
          'SELECT head_seq FROM devices WHERE id = $1 FOR UPDATE',
          [id],
        );
        if (locked?.head_seq !== device.head_seq) throw new Error('head moved');
        await insertRecords(tx, id, judged.fresh, taken);
        await projectRecords(tx, id, device.store_id, projected);
        await tx.query(
          'UPDATE devices SET head_seq = $2, head_hash = $3, sealed_up_to = $4, last_push_at = $5 WHERE id = $1',
          [id, newHead.seq, newHead.hash, summary.sealedUpTo, this.now()],
        );
      });
    } catch (error) {
      this.verifiers.delete(id);
      throw error;
    }
    this.verifiers.set(id, { verifier, seq: newHead.seq });
    return ok({ status: 'stored', added: judged.fresh.length, head: newHead });
  }

  /** The device's state as the hub's copy of its log folds to (its configuration, identity, keys). */
  async state(id: string): Promise<DeviceState | null> {
    return this.locks.run(id, async () => {
      const device = await this.device(id);
      return device ? (await this.verifierAt(id, device)).replayed : null;
    });
  }

  /**
   * Rebuilds the review of every device whose rows an older version of the review's code wrote
   * (REVIEW_VERSION): run as the hub starts, so its dashboards never mix the two. Returns how many.
   */
  async refreshReviews(): Promise<number> {
    const stale = await this.db.query<{ id: string }>(
      'SELECT id FROM devices WHERE review_version <> $1 ORDER BY id',
      [REVIEW_VERSION],
    );
    for (const { id } of stale) {
      await this.locks.run(id, async () => {
        const device = await this.device(id);
        if (device && device.review_version !== REVIEW_VERSION) await this.rebuildReview(device);
      });
    }
    return stale.length;
  }

  /**
   * The device's service rows and rollups made again from its records, each with the
   * configuration in force when it was written, replacing the old ones in one transaction (they
   * are derived: the records stay as they are). The replay is kept for the next push.
   */
  private async rebuildReview(device: DeviceRow): Promise<void> {
    this.verifiers.delete(device.id);
    const verifier = new LogVerifier({ expectedFirstKey: device.first_key, hash: HASH });
    const projected: { record: LogRecord; config: Config }[] = [];
    await this.replay(device, async (body) => {
      const config = verifier.replayed.config;
      await verifier.push(body);
      const read = readRecord(body);
      if (read.ok && PROJECTED.has(read.value.event.type))
        projected.push({ record: read.value, config });
    });
    if (verifier.failed) throw new Error(`the hub's own copy of ${device.id} does not verify`);
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM services WHERE device = $1', [device.id]);
      await tx.query('DELETE FROM rollups WHERE device = $1', [device.id]);
      await projectRecords(tx, device.id, device.store_id, projected);
      await tx.query('UPDATE devices SET review_version = $2 WHERE id = $1', [
        device.id,
        REVIEW_VERSION,
      ]);
    });
    this.verifiers.set(device.id, { verifier, seq: device.head_seq });
  }

  /** Every record the hub holds of the device up to its head, in order, a batch at a time. */
  private async replay(device: DeviceRow, each: (body: unknown) => Promise<void>): Promise<void> {
    let after = 0;
    for (;;) {
      const batch = await this.db.query<{ seq: number; body: string }>(
        'SELECT seq, body FROM records WHERE device = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT 2000',
        [device.id, after, device.head_seq],
      );
      for (const row of batch) await each(JSON.parse(row.body) as unknown);
      if (batch.length < 2000) break;
      after = batch.at(-1)?.seq ?? after;
    }
  }

  /** The device's replay up to the hub's head: kept from the last push, or replayed from its records. */
  private async verifierAt(id: string, device: DeviceRow): Promise<LogVerifier> {
    const cached = this.verifiers.get(id);
    if (cached && cached.seq === device.head_seq) return cached.verifier;
    this.verifiers.delete(id);
    const verifier = new LogVerifier({ expectedFirstKey: device.first_key, hash: HASH });
    await this.replay(device, async (body) => {
      await verifier.push(body);
    });
    if (verifier.failed) throw new Error(`the hub's own copy of ${id} does not verify`);
    return verifier;
  }
}

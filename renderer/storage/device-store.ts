/**
 * The one command handler and the read model the screens watch.
 *
 * State lives in memory as the fold of the log (loaded at start by load-state.ts) and moves
 * forward with each append; the log stays the only truth: every change is an append first, and
 * when another tab or window writes, this one folds the new records in (a BroadcastChannel tells
 * it, and the append's own head check catches what the message has not yet).
 *
 * A command, under the single-writer lock (writer-lock.ts: kept between commands until another
 * page asks for it): gather the evidence the domain needs (gather.ts: PIN checks and hashes, a new
 * signing key; a tap on a step needs none), ask the domain to decide, seal the records (and a
 * signed checkpoint when one is due) and append them in one transaction (committer.ts), then fold
 * them in, advance the witness and tell the screens. A tap is one read-write transaction.
 */
import {
  parseCommand,
  type Command,
  type DecideEnv,
  type ParsedCommand,
  type PlannedRecord,
} from '../../core/domain/device/commands';
import { decideParsed } from '../../core/domain/device/decide';
import { foldDevice, restoredState, type DeviceState } from '../../core/domain/device/state';
import { seqOf, type InvalidRecord, type LogRecord } from '../../core/domain/log/records';

export type { Clock } from './clock';
import type { Head } from '../../core/domain/log/witness';
import type { Verdict, VerifierOptions, VerifyProblem } from '../../core/domain/log/verify';
import { err, ok, type Result } from '../../core/domain/result';
import { refusal, type Refusal } from '../../core/domain/refusal';
import type { CounterStepsDb } from './db';
import { Committer, type CommitExtras } from './committer';
import { StorageError, toStorageError } from './errors';
import { EventLog } from './event-log';
import { Evidence } from './evidence';
import { gatherEvidence, timedEvent } from './gather';
import { foldService, type ServiceState } from '../../core/domain/service/engine';
import { HubClient } from './hub-client';
import { KeyStore, type SigningKeys } from './key-store';
import { MainKeys, type KeyKeeperApi } from './main-keys';
import { Archive } from './archive';
import { Importer } from './importer';
import { Sealer } from './sealer';
import { ExportSource } from './export-source';
import { loadState } from './load-state';
import { memoryWitness, type Witness } from './witness';
import { browserClock, type Clock } from './clock';
import { upgradeFromV1 } from './upgrade';
import { ReviewIndex } from './review-index';
import { ReviewCatchUp, percentOf, type CatchUpProgress } from './review-catch-up';
import { Review } from './review';
import { WriterLock } from './writer-lock';
import { startLogWatch } from './log-watch-client';
import { PersonKeys } from './person-keys';
import { personSignatureRule } from '../../core/domain/log/person-signatures';
import type { MonoStamp } from '../../core/domain/log/clock';

/** What the witness says about the log, when it disagrees. */
export type IntegrityProblem =
  | { kind: 'records-missing'; afterSeq: number; witnessSeq: number }
  | { kind: 'witness-mismatch'; seq: number };

/** Why this window no longer has the database (see open-database.ts); it writes nothing more. */
export type StoreClosed = 'closed-by-newer-version' | 'database-closed';

export interface StoreSnapshot {
  state: DeviceState;
  /** Null while the database is open. */
  closed: StoreClosed | null;
  /** Rows that failed validation among those read: shown, never dropped silently. */
  invalid: readonly InvalidRecord[];
  integrity: IntegrityProblem | null;
  /** The first record the check of the whole log behind the screens found wrong (log-watch.ts). */
  logCheck: VerifyProblem | null;
  /** The current signing key is missing, so checkpoints cannot be signed. */
  signingKeyMissing: boolean;
  /** The screen was locked because a record needs the person's PIN again (person-keys.ts). */
  pinNeeded: boolean;
  /** This device's review being brought up to date behind the clerk (null: it is). */
  reviewCatchUp: CatchUpProgress | null;
}

export interface StoreOptions {
  /**
   * This store serves the customer display (its own window or tab): the one place a customer's
   * rating may come from. Electron's main process tells the display window it is one.
   */
  display?: boolean;
  clock?: Clock;
  pinIterations: number;
  witness?: Witness;
  /**
   * Electron: main keeps the signing keys (main-keys.ts); without it the keys are kept in this
   * database's `keys` table (the browser build).
   */
  keyKeeper?: KeyKeeperApi | null;
  newId?: () => string;
  /** The review's catch-up slowed down (review-catch-up.ts): tests only. */
  reviewPace?: { paceMs: number; sliceRecords: number };
}

const LOCK_NAME = 'counter-steps:event-log';

const isWriteConflict = (error: unknown) =>
  error instanceof StorageError && error.code === 'write-conflict';

export class DeviceStore {
  private current: StoreSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly lock: WriterLock;
  private channel: BroadcastChannel | null = null;
  private readonly log: EventLog;
  private readonly keys: SigningKeys;
  private readonly personKeys = new PersonKeys();
  private readonly committer: Committer;
  /** Exports, other counters' logs, backups (archive.ts). */
  readonly archive: Archive;
  /** The manager's figures and services, over every log held here (review.ts). */
  readonly review: Review;
  /** Enrolment with the store hub and pushes of this log to it (hub-client.ts). */
  readonly hub: HubClient;
  private readonly reviewIndex: ReviewIndex;
  private readonly reviewCatchUp: ReviewCatchUp;
  private readonly importer: Importer;
  private readonly evidence: Evidence;
  private readonly clock: Clock;
  private readonly witness: Witness;
  private readonly newId: () => string;
  private readonly display: boolean;
  /** This window closes the database itself (close()): not a loss to report. */
  private closing = false;
  private stopLogWatch: (() => void) | null = null;

  private constructor(
    private readonly db: CounterStepsDb,
    options: StoreOptions,
    initial: StoreSnapshot,
  ) {
    this.log = new EventLog(db);
    this.importer = new Importer(db, this.log);
    this.evidence = new Evidence(this.log, options.pinIterations);
    this.clock = options.clock ?? browserClock;
    this.witness = options.witness ?? memoryWitness();
    this.keys = options.keyKeeper
      ? new MainKeys(options.keyKeeper, db.name, this.witness, this.rowsAfter)
      : new KeyStore(db);
    this.newId = options.newId ?? (() => globalThis.crypto.randomUUID());
    this.display = options.display ?? false;
    this.lock = new WriterLock(`${LOCK_NAME}:${db.name}`);
    this.reviewIndex = new ReviewIndex(db, this.log);
    this.committer = new Committer(
      this.log,
      new Sealer(this.keys, this.clock, this.newId),
      this.reviewIndex,
    );
    this.review = new Review(this.reviewIndex, this.log, db);
    this.reviewCatchUp = new ReviewCatchUp(
      db,
      this.log,
      (progress) => {
        // Told to the screens once a whole percent more is done, not after every slice.
        const shown = this.current.reviewCatchUp;
        if (this.closing || (progress && shown && percentOf(progress) === percentOf(shown))) return;
        this.update({ reviewCatchUp: progress });
      },
      options.reviewPace ?? {},
    );
    this.hub = new HubClient({ log: this.log, keys: this.keys, state: () => this.current.state });
    this.archive = new Archive(
      new ExportSource(this.log, this.keys),
      this.importer,
      this.reviewIndex,
      {
        state: () => this.current.state,
        execute: (command) => this.execute(command),
        exclusive: (work) => this.exclusive(work),
        replaceState: (state) => this.update({ state }),
        advanceWitness: (head) => this.advanceWitness(head),
        reviewFollows: () => this.followReview(),
      },
    );
    this.current = initial;
  }

  static async open(db: CounterStepsDb, options: StoreOptions): Promise<DeviceStore> {
    const { signIn, ...loaded } = await loadState(new EventLog(db));
    // A session opens only from a sign-in its person signed (decision 0063): one written by
    // hand opens nothing, and the record is named at once.
    const forged = signIn ? await personSignatureRule(signIn.before, signIn.record) : null;
    const store = new DeviceStore(db, options, {
      ...loaded,
      state: forged ? { ...loaded.state, session: null } : loaded.state,
      closed: null,
      integrity: null,
      logCheck:
        forged && signIn
          ? {
              kind: 'rule',
              seq: signIn.record.seq,
              rule: forged,
              eventType: signIn.record.event.type,
              staffNo: signIn.record.staffNo,
            }
          : null,
      signingKeyMissing: false,
      pinNeeded: false,
      reviewCatchUp: null,
    });
    store.watchConnection();
    if (loaded.state.legacy && !loaded.state.upgraded) {
      await store.exclusive(() =>
        upgradeFromV1(store.current.state, store.evidence, store.commit.bind(store), {
          now: store.clock.now(),
          deviceId: store.newId(),
          keys: store.keys,
        }),
      );
    }
    await store.checkWitness();
    // A backup restored but not finished (the app closed in between): no key of its own yet.
    if (store.current.state.head.seq > 0 && !(await store.keys.holdsAny(store.current.state))) {
      store.update({ state: restoredState(store.current.state) });
    }
    const { keys } = store.current.state;
    if (keys && !store.current.state.restoring) {
      await store.keys.retireAllBut(keys.index);
      store.update({ signingKeyMissing: (await store.keys.signer(store.current.state)) === null });
    }
    store.listenToOtherWriters();
    // The review catches up behind the clerk: the screens show now, whatever it has to take in.
    const { head } = store.current.state;
    if (!(await store.reviewIndex.ownIsCurrent(head.seq))) {
      store.update({ reviewCatchUp: { applied: 0, head: head.seq } });
    }
    // An empty log has nothing to take in: its review is ready before the first command.
    if (store.current.state.head.seq === 0) await store.reviewCaughtUp();
    else if (!store.display) void store.followReview();
    return store;
  }

  /**
   * Resolves once this device's review has taken in its whole log and the other counters' logs
   * held here are reviewed (tests, and whoever must read figures that are complete).
   */
  reviewCaughtUp(): Promise<void> {
    return this.reviewFollowing ?? this.followReview();
  }

  get snapshot(): StoreSnapshot {
    return this.current;
  }

  /** The store's wall clock (epoch ms): what its records are stamped with. */
  now(): number {
    return this.clock.now();
  }

  /** A service folded from its records (as an amendment's target is), or null when none. */
  async serviceState(serviceId: string): Promise<ServiceState | null> {
    const { records } = await this.log.service(serviceId);
    return records.length === 0 ? null : foldService(records.map(timedEvent));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): StoreSnapshot => this.current;

  /**
   * Runs one command. Resolves with the stored records, or the refusal (a refused sign-in's
   * failure record is stored all the same). Storage failures reject with a StorageError.
   */
  execute(input: Command): Promise<Result<LogRecord[], Refusal>> {
    // Not a command's shape: refused before any evidence is gathered or anything is written.
    const parsed = parseCommand(input);
    if (!parsed.ok) return Promise.resolve(parsed);
    const command = parsed.value;
    return this.exclusive(async () => {
      const { closed } = this.current;
      if (closed) throw new StorageError(closed);
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await this.executeOnce(command);
        } catch (error) {
          // Another writer moved the head: fold its records in and judge the command again.
          if (!isWriteConflict(error) || attempt >= 2) throw toStorageError(error);
          await this.catchUp();
        }
      }
    });
  }

  /** Verifies the whole log, streamed in batches, against the witness. */
  async verify(options: Omit<VerifierOptions, 'witness'> = {}): Promise<Verdict> {
    // The verifier (every rule, the signature checks) loads when someone verifies: not at start.
    const { LogVerifier } = await import('../../core/domain/log/verify');
    const verifier = new LogVerifier({
      now: this.clock.now(),
      ...options,
      witness: await this.witness.read(),
    });
    for await (const rows of this.log.batches()) {
      if (await verifier.pushAll(rows)) break;
    }
    return verifier.finish();
  }

  /**
   * Checks the whole log behind the screens, in a worker, from where the last start's check
   * stopped (log-watch.ts); the first record found wrong shows as `logCheck`, the banner everyone
   * at the device sees. Nothing waits on it: the app calls this once the first screen is painted,
   * and the clerk goes on working whatever it finds. Not in the customer display's window.
   */
  watchLog(): void {
    if (this.display || this.stopLogWatch) return;
    this.stopLogWatch = startLogWatch(this.db.name, (problem) =>
      this.update({ logCheck: problem }),
    );
  }

  close(): void {
    this.closing = true;
    this.reviewCatchUp.stop();
    this.stopLogWatch?.();
    this.channel?.close();
    this.lock.close();
    this.db.close();
  }

  /**
   * A newer version opening the database in another window asks this one to let go: Dexie closes
   * it (and, opened without autoOpen, never reopens it). The browser may also close it by itself.
   * Either way this window says so and writes nothing more.
   */
  private watchConnection(): void {
    this.db.on('versionchange', (event: IDBVersionChangeEvent) => {
      if (this.closing) return;
      // A deletion (no new version) is the database going away, not a newer app taking it over.
      this.update({ closed: event.newVersion ? 'closed-by-newer-version' : 'database-closed' });
    });
    this.db.on('close', () => {
      if (!this.closing && !this.current.closed) this.update({ closed: 'database-closed' });
    });
  }

  // -------------------------------------------------------------------------------------------

  private async executeOnce(command: ParsedCommand): Promise<Result<LogRecord[], Refusal>> {
    const { state } = this.current;
    // Both clocks read at once: the records are stamped with these, durations measured on `mono`.
    const now = this.clock.now();
    const mono = { boot: this.clock.boot, ms: Math.max(0, Math.round(this.clock.mono())) };
    const env: DecideEnv = { now, mono, newId: this.newId(), fromDisplay: this.display };
    const gathered = await gatherEvidence(state, command, env, {
      evidence: this.evidence,
      log: this.log,
      keys: this.keys,
      newId: this.newId,
    });
    const { credential, firstKey } = gathered;
    // Parsed once, in `execute`: a retry after a write conflict judges the same parsed command.
    const decision = decideParsed(state, command, env);
    const signers = this.personKeys.signersFor(state, command.type, gathered);
    if (this.personKeys.missingSigner(state, decision.records, signers) !== null) {
      return this.askForPin(now, mono);
    }
    const records =
      decision.records.length > 0 || decision.checkpoint
        ? await this.commit(decision.records, now, {
            credential,
            firstKey,
            forced: decision.checkpoint,
            mono,
            signers,
          })
        : [];
    this.personKeys.remember(records, signers, gathered);
    if (this.current.pinNeeded && !this.current.state.session?.locked) {
      this.update({ pinNeeded: false });
    }
    return decision.refusal ? err(decision.refusal) : ok(records);
  }

  /**
   * A record needs its author's signature and their key is not in memory (the page was reloaded
   * since they typed their PIN): the screen locks, and the person unlocks it with their PIN,
   * which brings the key back; nothing else is written.
   */
  private async askForPin(now: number, mono: MonoStamp): Promise<Result<LogRecord[], Refusal>> {
    const { session } = this.current.state;
    if (session && !session.locked) {
      await this.commit(
        [
          {
            staffNo: session.staffNo,
            serviceId: null,
            event: { type: 'screen-locked', reason: 'manual' },
          },
        ],
        now,
        { mono },
      );
    }
    this.update({ pinNeeded: true });
    return err(refusal('pin-needed'));
  }

  /**
   * Seals `planned` after the head, adds a signed checkpoint when one is due (or `forced`), and
   * appends it all in one transaction (committer.ts); then folds it in, tells the screens and the
   * other pages, and advances the witness. Returns the records as the screens read them (a personal
   * value in plain, though the log holds its commitment: personal.ts).
   */
  private async commit(
    planned: readonly PlannedRecord[],
    now: number,
    extras: CommitExtras = {},
  ): Promise<LogRecord[]> {
    const { records, state, newKeys, keyMissing } = await this.committer.commit(
      this.current.state,
      planned,
      now,
      extras,
    );
    this.update({ state, signingKeyMissing: this.current.signingKeyMissing || keyMissing });
    this.channel?.postMessage({ seq: state.head.seq });
    await this.advanceWitness(state.head);
    if (state.keys && newKeys.length > 0) await this.keys.retireAllBut(state.keys.index);
    return records;
  }

  private reviewFollowing: Promise<void> | null = null;

  /**
   * Brings the review of each log held here up to date when it is missing, behind or from older
   * code: this device's in slices behind the clerk (review-catch-up.ts), then the others'. Not
   * awaited by anyone at the counter; a failure leaves it for the next start.
   */
  private followReview(): Promise<void> {
    const following = this.refreshReview()
      .catch((error: unknown) => {
        if (!this.closing) console.error('The review could not be brought up to date', error);
      })
      .finally(() => {
        if (this.reviewFollowing === following) this.reviewFollowing = null;
      });
    this.reviewFollowing = following;
    return following;
  }

  private async refreshReview(): Promise<void> {
    const { head } = this.current.state;
    if (!(await this.reviewIndex.ownIsCurrent(head.seq))) {
      this.update({ reviewCatchUp: this.current.reviewCatchUp ?? { applied: 0, head: head.seq } });
      await this.reviewCatchUp.run();
    }
    for (const chain of await this.importer.chains()) {
      if (this.closing) return;
      await this.reviewIndex.refreshChain(
        chain.device,
        chain.headSeq,
        this.importer.chainRows(chain.device),
      );
    }
  }

  /** The stored rows after `seq` up to `upTo`, for a witness that checks the chain. */
  private readonly rowsAfter = async (seq: number, upTo: number): Promise<unknown[]> => {
    const rows: unknown[] = [];
    for await (const batch of this.log.batches(500, seq + 1, upTo)) rows.push(...batch);
    return rows;
  };

  /** Compares the log with its witness; while they disagree the witness is not moved. */
  private async checkWitness(): Promise<void> {
    const witnessed = await this.witness.read();
    const { head } = this.current.state;
    let integrity: IntegrityProblem | null = null;
    if (witnessed && witnessed.seq > head.seq) {
      integrity = { kind: 'records-missing', afterSeq: head.seq, witnessSeq: witnessed.seq };
    } else if (
      witnessed &&
      witnessed.seq > 0 &&
      (await this.log.hashAt(witnessed.seq)) !== witnessed.hash
    ) {
      integrity = { kind: 'witness-mismatch', seq: witnessed.seq };
    }
    this.update({ integrity });
    if (!integrity && head.seq > 0) await this.advanceWitness(head);
  }

  private async advanceWitness(head: Head): Promise<void> {
    if (this.current.integrity) return;
    const result = await this.witness.advance({ seq: head.seq, hash: head.hash }, this.rowsAfter);
    if (!result.ok && result.error !== 'unavailable') await this.checkWitness();
  }

  /**
   * Folds in whatever another tab or window appended since this one's head. A row there that is
   * not a valid record stops everything: nothing new may be linked to what cannot be read.
   */
  private async catchUp(): Promise<void> {
    const { state, invalid } = this.current;
    const { records, invalid: bad } = await this.log.after(state.head.seq);
    if (records.length === 0 && bad.length === 0) {
      // Nothing after this window's head, yet the head moved: records were removed underneath.
      const stored = (await this.log.count()) > 0 ? seqOf(await this.log.lastRow()) : 0;
      if (stored !== null && stored < state.head.seq) {
        this.update({
          integrity: { kind: 'records-missing', afterSeq: stored, witnessSeq: state.head.seq },
        });
        throw new StorageError('log-unreadable');
      }
      return;
    }
    const known = new Set(invalid.map((row) => row.seq));
    this.update({
      state: foldDevice(records, state),
      invalid: [...invalid, ...bad.filter((row) => !known.has(row.seq))],
    });
    if (bad.length > 0) throw new StorageError('log-unreadable');
  }

  private listenToOtherWriters(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(`counter-steps:log:${this.db.name}`);
    // A failure here (an unreadable row) is already on screen through `invalid`.
    this.channel.onmessage = () => void this.exclusive(() => this.catchUp()).catch(() => undefined);
  }

  private update(patch: Partial<StoreSnapshot>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Runs `work` with the log to itself (writer-lock.ts). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.lock.run(work);
  }
}

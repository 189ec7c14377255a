/**
 * This device's review brought up to date behind the clerk, in short slices, never before the
 * clerk's screen shows (an update that changes REVIEW_VERSION, a restored backup, a review left
 * behind). Where it stands is the review's own `reviewState` row (`appliedSeq`), so a crash or a
 * reload in the middle takes up where the last slice ended.
 *
 * Each slice is one read-write transaction over the log and the review's tables: it reads where
 * the review stands, the records after it (up to a time budget), projects them and moves
 * `appliedSeq` past them — all or nothing. An append projects its own records in its own
 * transaction only when `appliedSeq` is the head it was decided on (review-index.ts
 * `projectAppend`), and IndexedDB runs two read-write transactions over the same table one after
 * the other. So a record appended during the catch-up is taken in exactly once: by the append
 * when the review had already reached it, else by a later slice (which reads the log inside its
 * own transaction, after the append committed). docs/decisions/0072-review-catches-up-behind-the-clerk.md.
 *
 * The rows written are those a rebuild from the whole log in memory writes (`projectLog`): the
 * projector is the same; what it reads "so far" is cut at the record being pushed (`SliceRows`).
 */
import { applyConfigChange, DEFAULT_CONFIG, type Config } from '../../core/domain/device/config';
import { readRecord, type LogRecord } from '../../core/domain/log/records';
import {
  REVIEW_EVENTS,
  REVIEW_VERSION,
  ReviewProjector,
  type ReviewRows,
} from '../../core/domain/review/review-projector';
import type { RollupRow } from '../../core/domain/review/rollup';
import type { ServiceRow } from '../../core/domain/review/service-row';
import type { CounterStepsDb } from './db';
import type { EventLog } from './event-log';
import { OWN_LOG, patKey, plain, stored } from './review-index';

/** How far the catch-up has come: records taken in of the log's records. */
export interface CatchUpProgress {
  applied: number;
  head: number;
}

/** How much of the log the review has taken in, in whole percent. */
export const percentOf = ({ applied, head }: CatchUpProgress): number =>
  head === 0 ? 100 : Math.floor((applied / head) * 100);

export interface CatchUpOptions {
  /** Time budget of one slice (ms of work inside its transaction). */
  sliceMs?: number;
  /** Records read per slice at most. */
  sliceRecords?: number;
  /** Pause between slices (ms): 0 lets the page run between them; tests slow it down. */
  paceMs?: number;
}

/** The review's rows in IndexedDB as they stood at the record being pushed (`upTo`). */
class SliceRows implements ReviewRows {
  upTo = 0;
  constructor(
    private readonly db: CounterStepsDb,
    private readonly log: EventLog,
  ) {}
  async serviceRecords(serviceId: string) {
    // As a rebuild in memory keeps them: the service's records so far, its rating aside.
    return (await this.log.service(serviceId)).records.filter(
      (record) => record.seq <= this.upTo && record.event.type !== 'service-rated',
    );
  }
  async service(sid: string) {
    const row = await this.db.services.where('sid').equals(sid).first();
    return row && plain(row);
  }
  async samePattern(row: ServiceRow) {
    const pat = patKey(row);
    if (!pat) return [];
    return (await this.db.services.where('pat').equals(pat).toArray()).map(plain);
  }
  rollup(key: string) {
    return this.db.rollups.get(key);
  }
  async putService(row: ServiceRow) {
    await this.db.services.put(stored(row));
  }
  async putRollup(row: RollupRow) {
    await this.db.rollups.put(row);
  }
  async amendments(_record: LogRecord, target: string) {
    const { records } = await this.log.ofTypes(['service-amended']);
    return records.filter(
      (record) =>
        record.seq <= this.upTo &&
        record.event.type === 'service-amended' &&
        record.event.target === target,
    );
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ReviewCatchUp {
  private running: Promise<void> | null = null;
  private stopped = false;
  /** The configuration in force after `configSeq` (kept between slices). */
  private config: { seq: number; config: Config } | null = null;

  constructor(
    private readonly db: CounterStepsDb,
    private readonly log: EventLog,
    private readonly onProgress: (progress: CatchUpProgress | null) => void,
    private readonly options: CatchUpOptions = {},
  ) {}

  /** Brings the review up to date (one run at a time: a second call joins the first). */
  run(): Promise<void> {
    this.running ??= this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  stop(): void {
    this.stopped = true;
  }

  private async loop(): Promise<void> {
    await this.begin();
    for (;;) {
      if (this.stopped) return;
      const progress = await this.slice();
      if (progress === 'restart') {
        await this.begin();
        continue;
      }
      if (progress.applied >= progress.head) {
        this.onProgress(null);
        return;
      }
      this.onProgress(progress);
      await pause(this.options.paceMs ?? 0);
    }
  }

  /**
   * A review missing, of older code or ahead of the log (another log restored) starts again from
   * nothing, in one transaction; one of this version behind the log is taken up where it stands.
   */
  private async begin(): Promise<void> {
    await this.log.readingWith(
      [this.db.services, this.db.rollups, this.db.reviewState],
      async () => {
        const row = await this.db.reviewState.get(OWN_LOG);
        const head = await this.log.lastKey();
        if (row?.version === REVIEW_VERSION && row.appliedSeq <= head) return;
        await this.db.services.where('device').equals(OWN_LOG).delete();
        await this.db.rollups.where('device').equals(OWN_LOG).delete();
        await this.db.reviewState.put({ device: OWN_LOG, appliedSeq: 0, version: REVIEW_VERSION });
      },
    );
    this.config = null;
  }

  /** The configuration in force at `seq`: its `config-changed` records folded. */
  private async configAt(seq: number): Promise<Config> {
    if (this.config?.seq === seq) return this.config.config;
    let config = DEFAULT_CONFIG;
    for (const record of (await this.log.ofTypes(['config-changed'])).records) {
      if (record.seq > seq) break;
      if (record.event.type === 'config-changed') {
        config = applyConfigChange(config, record.event.change);
      }
    }
    return config;
  }

  private async slice(): Promise<CatchUpProgress | 'restart'> {
    const budget = this.options.sliceMs ?? 25;
    const limit = this.options.sliceRecords ?? 500;
    return this.log.readingWith(
      [this.db.services, this.db.rollups, this.db.reviewState],
      async () => {
        const row = await this.db.reviewState.get(OWN_LOG);
        if (row?.version !== REVIEW_VERSION) return 'restart' as const;
        const head = await this.log.lastKey();
        if (row.appliedSeq > head) return 'restart' as const;
        const { keys, rows } = await this.log.rowsAfter(row.appliedSeq, head, limit);
        let config = await this.configAt(row.appliedSeq);
        let applied = row.appliedSeq;
        const rowsSoFar = new SliceRows(this.db, this.log);
        const projector = new ReviewProjector(rowsSoFar, OWN_LOG);
        const started = performance.now();
        for (const [index, raw] of rows.entries()) {
          const read = readRecord(raw);
          // A row that is not a record is skipped, as a rebuild in memory skips it.
          if (read.ok) {
            const record = read.value;
            rowsSoFar.upTo = record.seq;
            if (REVIEW_EVENTS.has(record.event.type)) await projector.push(record, config);
            if (record.event.type === 'config-changed') {
              config = applyConfigChange(config, record.event.change);
            }
          }
          applied = keys[index] ?? applied;
          if (performance.now() - started > budget) break;
        }
        await this.db.reviewState.put({
          device: OWN_LOG,
          appliedSeq: applied,
          version: REVIEW_VERSION,
        });
        this.config = { seq: applied, config };
        return { applied, head };
      },
    );
  }
}

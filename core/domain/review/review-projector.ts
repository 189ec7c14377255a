/**
 * Keeps the review's service rows and rollups in step with a log, record by record. The same code
 * runs as each command is appended (inside the append's transaction) and when the index is rebuilt
 * from the whole log; only where rows are kept differs (`ReviewRows`).
 *
 * - A service that ends becomes a row, with the flags it raised; when the same timing pattern
 *   turns up `patternRepeats` times in the clerk's business day, every one of those services is
 *   flagged as repeated.
 * - An amendment rebuilds its service's row from the clerk's record and every amendment so far.
 * - A rating, a spot-check or a mutual check adds to its service's row and rollup.
 * - A follow-up closed marks its complaint's row closed (its rollup moves with it).
 *
 * Thresholds and targets are those in force when the record was written, so changing them does not
 * rewrite history; the README says so.
 */
import type { Config } from '../device/config';
import { isConditional, type StepId } from '../flow/flow-definition';
import type { LogRecord } from '../log/records';
import { ServiceProjector, amendmentsByService } from '../service/projection';
import { addCheck, addService, emptyRollup, rollupKey, type RollupRow } from './rollup';
import { amendRow, serviceRow, withTags, type ServiceRow } from './service-row';

/**
 * Bump when what the projector writes changes: every review kept from it is then rebuilt from its
 * log (each device's own and imported ones; the hub's per device). 2: durations as recorded (the
 * monotonic clock), marks in log order, the wall clock's jumps. 3: each service's complaint (row,
 * tags, rollup tallies) and its follow-up closed. 4: the `over` tag only on finished services, as the
 * over-target figure counts them (isOverTarget). 5: finished services' times in bands against their target
 * (TypeTally.bands), for the distribution by business type.
 */
export const REVIEW_VERSION = 5;

export interface ReviewRows {
  /** The service's records so far, in order (the one being pushed included). */
  serviceRecords(serviceId: string): Promise<readonly LogRecord[]>;
  service(sid: string): Promise<ServiceRow | undefined>;
  /** The clerk's services that day with this timing pattern. */
  samePattern(row: ServiceRow): Promise<ServiceRow[]>;
  rollup(key: string): Promise<RollupRow | undefined>;
  putService(row: ServiceRow): Promise<void>;
  putRollup(row: RollupRow): Promise<void>;
  /** A service's amendments so far, the one being pushed included. */
  amendments(record: LogRecord, target: string): Promise<readonly LogRecord[]>;
}

const ENDS = new Set(['service-finished', 'service-abandoned']);

/** The events the review takes in; the rest only move the device's state forward. */
export const REVIEW_EVENTS: ReadonlySet<string> = new Set([
  ...ENDS,
  'service-amended',
  'service-rated',
  'spot-check-recorded',
  'follow-up-closed',
]);

const conditionalSteps = (config: Config): Set<StepId> =>
  new Set(config.flow.steps.filter(isConditional).map((step) => step.id));

export class ReviewProjector {
  constructor(
    private readonly rows: ReviewRows,
    /** The device whose log this is. */
    private readonly device: string,
  ) {}

  /** Takes one record into the index, `config` being the configuration in force when it was written. */
  async push(record: LogRecord, config: Config): Promise<void> {
    const { event } = record;
    if (ENDS.has(event.type) && record.serviceId) {
      await this.serviceEnded(record.serviceId, config);
    } else if (event.type === 'service-amended') {
      const row = await this.rows.service(this.sid(event.target));
      if (!row) return;
      const amendments = amendmentsByService(await this.rows.amendments(record, event.target));
      const amended = amendRow(row, amendments.get(event.target) ?? [], config);
      await this.replace(row, { ...amended, later: [...row.later, record.seq] }, config);
    } else if (event.type === 'service-rated' && record.serviceId) {
      const row = await this.rows.service(this.sid(record.serviceId));
      // A paired display's rating apart from one given on the counter's screen (rating-proof.ts).
      const given =
        event.source === 'display' ? { displayRating: event.rating } : { rating: event.rating };
      const rated = row && withTags({ ...row, ...given, later: [...row.later, record.seq] });
      if (row && rated) await this.replace(row, rated, config);
    } else if (event.type === 'follow-up-closed') {
      const row = await this.rows.service(this.sid(event.target));
      if (!row?.complaint) return;
      const closed = withTags({
        ...row,
        complaint: { ...row.complaint, closed: event.result },
        later: [...row.later, record.seq],
      });
      await this.replace(row, closed, config);
    } else if (event.type === 'spot-check-recorded') {
      const row = await this.rows.service(this.sid(event.target));
      if (!row) return;
      const checked = withTags({
        ...row,
        checks: row.checks + 1,
        later: [...row.later, record.seq],
      });
      await this.replace(row, checked, config);
      const rollup = await this.rollupOf(checked);
      addCheck(rollup, checked, event.observations);
      await this.rows.putRollup(rollup);
    }
  }

  private sid(serviceId: string): string {
    return `${this.device}|${serviceId}`;
  }

  private async serviceEnded(serviceId: string, config: Config): Promise<void> {
    const projector = new ServiceProjector(config);
    const records = await this.rows.serviceRecords(serviceId);
    let summary = null;
    for (const record of records) summary = projector.push(record) ?? summary;
    if (!summary) return;
    const row = {
      ...serviceRow(summary, this.device, config),
      firstSeq: records[0]?.seq ?? 0,
      lastSeq: records.at(-1)?.seq ?? 0,
    };
    await this.replace(null, row, config);
    if (!row.pattern) return;
    const same = await this.rows.samePattern(row);
    if (same.length < config.flags.patternRepeats) return;
    for (const repeated of same) {
      if (repeated.flags.includes('repeated')) continue;
      await this.replace(
        repeated,
        withTags({ ...repeated, flags: [...repeated.flags, 'repeated'] }),
        config,
      );
    }
  }

  /** Writes `next` in place of `previous`, moving its figures between rollups. */
  private async replace(previous: ServiceRow | null, next: ServiceRow, config: Config) {
    const conditional = conditionalSteps(config);
    if (previous) {
      const rollup = await this.rollupOf(previous);
      addService(rollup, previous, conditional, -1);
      await this.rows.putRollup(rollup);
    }
    const rollup = await this.rollupOf(next);
    addService(rollup, next, conditional, 1);
    await this.rows.putRollup(rollup);
    await this.rows.putService(next);
  }

  private async rollupOf(row: ServiceRow): Promise<RollupRow> {
    return (await this.rows.rollup(rollupKey(row))) ?? emptyRollup(row);
  }
}

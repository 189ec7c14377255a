/**
 * What an export needs from the device's storage, read-only: the records of a range of business
 * days (found by binary search over the sequence, streamed in batches), the key records that
 * prove its checkpoints, where the previous export ended, the amendments, and a signature with
 * the key in force. The export's files are made by core/export from these.
 */
import { businessDay, type Config } from '../../core/domain/device/config';
import type { DeviceState } from '../../core/domain/device/state';
import type { PersonalValue } from '../../core/domain/log/personal';
import { readRecord, seqOf, type LogRecord } from '../../core/domain/log/records';
import { err, ok, type Result } from '../../core/domain/result';
import { amendmentsByService, type AmendmentApplied } from '../../core/domain/service/projection';
import type { EventLog } from './event-log';
import type { SigningKeys } from './key-store';

export interface ExportPlan {
  /** The business days the records found actually span (a backup asks from the beginning). */
  days: { from: string; to: string };
  first: { seq: number; prevHash: string; hash: string };
  last: { seq: number; hash: string };
  keyRecords: Record<string, unknown>[];
  /** The PIN records committing people's signing keys, up to the export's end (decision 0063). */
  personKeyRecords: Record<string, unknown>[];
  previousExport: { lastSeq: number; lastHash: string } | null;
  /**
   * Records dated before the chosen days that were written after the previous export (its own
   * record, a sign-out, a checkpoint…): they continue that export, so this one carries them.
   */
  carriedOver: { fromSeq: number; toSeq: number; days: { from: string; to: string } } | null;
  amendments: Map<string, AmendmentApplied[]>;
  rows: (fromSeq: number, toSeq: number) => AsyncIterable<readonly unknown[]>;
  /** The personal values held for records `fromSeq` to `toSeq` (personal.ts), in order. */
  personalValues: (fromSeq: number, toSeq: number) => Promise<PersonalValue[]>;
  sign: (
    payload: unknown,
  ) => Promise<{ keyIndex: number; algorithm: 'Ed25519' | 'ECDSA-P256'; value: string }>;
}

export type ExportPlanProblem = 'no-records' | 'signing-key-missing' | 'log-unreadable';

export class ExportSource {
  constructor(
    private readonly log: EventLog,
    private readonly keys: SigningKeys,
  ) {}

  private async recordAt(seq: number): Promise<LogRecord | null> {
    const read = readRecord(await this.log.rowAt(seq));
    return read.ok ? read.value : null;
  }

  /** The business day of the record at `seq` (records in a damaged row count as unknown). */
  private async dayAt(seq: number, config: Pick<Config, 'timeZone' | 'dayStartMinutes'>) {
    const record = await this.recordAt(seq);
    return record ? businessDay(Date.parse(record.at), config) : null;
  }

  /** The first sequence number whose day is on or after `day` (head + 1 when none is). */
  private async firstOnOrAfter(
    day: string,
    head: number,
    config: Pick<Config, 'timeZone' | 'dayStartMinutes'>,
  ) {
    let low = 1;
    let high = head + 1;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      const found = await this.dayAt(middle, config);
      if (found !== null && found >= day) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /**
   * The records an export of `range` holds. Continuity is by sequence, not by calendar: from
   * where the previous export ended (its last seq + 1) — or from the first record of `range.from`
   * when there is no previous export or the range starts before it (a backup, a day taken
   * again) — up to the end of `range.to`, which for today is the head of the log. A day exported
   * while it is still that day thus leaves nothing between its export and the next one.
   */
  async plan(
    state: DeviceState,
    range: { from: string; to: string },
  ): Promise<Result<ExportPlan, ExportPlanProblem>> {
    const { config } = state;
    const head = state.head.seq;
    const previous = await this.previousEnd();
    const dayStart = await this.firstOnOrAfter(range.from, head, config);
    const firstSeq = previous && previous.lastSeq + 1 < dayStart ? previous.lastSeq + 1 : dayStart;
    let lastSeq = (await this.firstOnOrAfter(nextDay(range.to), head, config)) - 1;
    if (firstSeq > lastSeq) return err('no-records');
    // A checkpoint right after the range seals it (the day's close, or the export's own seal).
    const after = await this.recordAt(lastSeq + 1);
    if (after?.event.type === 'checkpoint') lastSeq += 1;
    const [first, last] = await Promise.all([this.recordAt(firstSeq), this.recordAt(lastSeq)]);
    if (!first || !last) return err('log-unreadable');
    const chosenFirst = dayStart <= lastSeq ? await this.recordAt(dayStart) : last;
    if (!chosenFirst) return err('log-unreadable');

    const keyRecords = (await this.log.rowsOfTypes([
      'device-identity',
      'device-restored',
      'checkpoint',
    ])) as Record<string, unknown>[];
    const signer = await this.keys.signer(state);
    if (!signer) return err('signing-key-missing');
    const { keyIndex } = signer;

    const amendments = amendmentsByService((await this.log.ofTypes(['service-amended'])).records);
    const dayOf = (record: LogRecord) => businessDay(Date.parse(record.at), config);
    const from = dayOf(chosenFirst);
    const lastDay = dayOf(last);
    const carriedEnd = Math.min(dayStart, lastSeq + 1) - 1;
    const carriedLast = carriedEnd >= firstSeq ? await this.recordAt(carriedEnd) : null;

    return ok({
      days: { from, to: range.to < lastDay ? range.to : lastDay },
      first: { seq: first.seq, prevHash: first.prevHash, hash: first.hash },
      last: { seq: last.seq, hash: last.hash },
      keyRecords: keyRecords.filter((row) => (seqOf(row) ?? Infinity) <= head),
      personKeyRecords: (
        (await this.log.rowsOfTypes(['pin-set'])) as Record<string, unknown>[]
      ).filter(
        (row) =>
          (seqOf(row) ?? Infinity) <= head &&
          (row.event as { personKey?: unknown } | undefined)?.personKey !== undefined,
      ),
      previousExport: previous,
      carriedOver: carriedLast
        ? {
            fromSeq: firstSeq,
            toSeq: carriedEnd,
            days: { from: dayOf(first), to: dayOf(carriedLast) },
          }
        : null,
      amendments,
      rows: (fromSeq, toSeq) => this.log.batches(2000, fromSeq, toSeq),
      personalValues: (fromSeq, toSeq) =>
        this.log.db.personal.where('seq').between(fromSeq, toSeq, true, true).sortBy('seq'),
      sign: async (payload) => ({
        keyIndex,
        algorithm: signer.algorithm,
        value: await signer.sign(payload),
      }),
    });
  }

  /**
   * Where the exports so far reach: the export that ended furthest along the log (a day taken
   * again later, or a backup, does not move the chain back).
   */
  private async previousEnd(): Promise<{ lastSeq: number; lastHash: string } | null> {
    let lastSeq = 0;
    for (const record of (await this.log.ofTypes(['export-made'])).records) {
      if (record.event.type === 'export-made' && record.event.lastSeq > lastSeq)
        lastSeq = record.event.lastSeq;
    }
    if (lastSeq === 0) return null;
    const lastHash = await this.log.hashAt(lastSeq);
    return lastHash ? { lastSeq, lastHash } : null;
  }
}

/** The calendar day after `day` (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

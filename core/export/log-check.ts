/**
 * log.jsonl checked as it streams past (verify-export.ts hashes the same parts): each line parsed
 * on its own and pushed to the domain's LogVerifier — from the log's beginning with its first key,
 * or as a slice whose key records must be the ones the manifest's key chain vouches for — and
 * tied to the manifest's first and last records. The first problem is kept; the lines after it
 * are passed over (the file is still read to its end, for its digest).
 */
import type { Sha256 } from '../domain/log/canonical';
import { commitmentIn } from '../domain/log/personal';
import { hashOfWith } from '../domain/log/records';
import { LogVerifier, type Head } from '../domain/log/verify';
import type { DatedAhead } from '../domain/log/time-rules';
import type { Manifest } from './format';
import { lineJson, rawLines } from './log-lines';
import type { ExportProblem } from './export-problem';

export interface LogSummary {
  count: number;
  rulesChecked: boolean;
  sealedUpTo: number;
  head: Head;
  lastHash: string;
  /** The export starts at the log's first record. */
  whole: boolean;
  /** The first record dated later than the verifier's clock (`now`), if any. */
  datedAhead: DatedAhead | null;
}

export class LogCheck {
  private readonly verifier: LogVerifier;
  private readonly whole: boolean;
  private problem: ExportProblem | null = null;
  private count = 0;
  private lastHash = '';
  private summary: LogSummary | null = null;
  /** Each personal value's commitment the records hold, with the record's seq (personal.ts). */
  readonly commitments = new Map<string, number>();

  constructor(
    private readonly manifest: Manifest,
    private readonly keyRecordHashes: ReadonlyMap<number, string>,
    sha: Sha256,
    /** The verifier's own clock, epoch ms (see VerifierOptions.now). */
    now?: number,
  ) {
    const { first } = manifest.records;
    const hashOfNow = hashOfWith(sha);
    this.whole = first.seq === 1;
    this.verifier = new LogVerifier(
      this.whole
        ? { expectedFirstKey: manifest.device.firstKey, hash: hashOfNow, now }
        : {
            slice: {
              from: { seq: first.seq, prevHash: first.prevHash },
              keyRecordHashes,
              // People's keys (decision 0063): with the key records, what their signatures need.
              ...(manifest.personKeyRecords
                ? { personKeyRecords: [...manifest.keyRecords, ...manifest.personKeyRecords] }
                : {}),
            },
            hash: hashOfNow,
            now,
          },
    );
  }

  /** Reads every part; the verdict is in `result()` after. */
  async run(parts: AsyncIterable<Uint8Array>): Promise<void> {
    for await (const raw of rawLines(parts)) {
      if (this.problem) continue;
      this.problem = await this.push(lineJson(raw), raw.line);
    }
    const summary = this.verifier.finish();
    this.summary = {
      count: this.count,
      rulesChecked: summary.rulesChecked,
      sealedUpTo: summary.sealedUpTo,
      head: summary.head,
      lastHash: this.lastHash,
      whole: this.whole,
      datedAhead: summary.datedAhead,
    };
  }

  private async push(row: unknown, line: number): Promise<ExportProblem | null> {
    if (row === null) return { kind: 'log-line-unreadable', line };
    const { first } = this.manifest.records;
    if (
      this.count === 0 &&
      ((row as { prevHash?: unknown }).prevHash !== first.prevHash ||
        (row as { hash?: unknown }).hash !== first.hash)
    ) {
      return { kind: 'manifest-mismatch', field: 'first' };
    }
    const problem = await this.verifier.push(row);
    if (problem) return { kind: 'log', problem };
    // A record the key chain vouches for must be that very record.
    const { seq, hash } = row as { seq: number; hash: string };
    const vouched = this.keyRecordHashes.get(seq);
    if (vouched !== undefined && vouched !== hash) {
      return { kind: 'log', problem: { kind: 'checkpoint-signature', seq } };
    }
    const event = (row as { event?: { type?: unknown } }).event;
    const commitment =
      event && typeof event.type === 'string' ? commitmentIn(event as { type: string }) : null;
    if (commitment) this.commitments.set(commitment, seq);
    this.count += 1;
    this.lastHash = String((row as { hash?: unknown }).hash);
    return null;
  }

  /** The first problem, or what the log holds. */
  result(): LogSummary | ExportProblem {
    if (this.problem) return this.problem;
    if (!this.summary) throw new Error('log.jsonl was not read to its end');
    return this.summary;
  }
}

/**
 * The check of the device's own log behind the clerk's screen (run in a worker after the first
 * paint: log-watch-worker.ts). The witness (domain/log/witness.ts) sees only the head; this reads
 * every record, so a record changed, removed or added in the middle is named at the next start
 * rather than only when someone presses Verify.
 *
 * It reads the log in bounded batches and goes round it in passes. Where it stands is kept
 * outside the log as the (seq, hash) of the last record it found sound: the next start takes up
 * there — first making sure that record is still there with that hash, and taking up the key
 * chain as it stood there — so a long log is covered over several starts rather than read whole
 * each time. Once a pass reaches the head, the next begins again at record 1 (with every meaning
 * rule: it has the whole history), so a record changed behind the position is found within a pass.
 * If the remembered record is gone or is another now, the check starts again at record 1, which
 * names the first record that is wrong.
 */
import { JS_SHA256 } from '../../core/domain/log/canonical';
import { stepKeyChain, type KeyChainState } from '../../core/domain/log/key-chain';
import { hashOfWith, readRecord } from '../../core/domain/log/records';
import { LogVerifier, type Head, type VerifyProblem } from '../../core/domain/log/verify';

/** The key records, whose chain a resumed pass needs (few: identity, restores, checkpoints). */
export const KEY_RECORD_TYPES = ['device-identity', 'device-restored', 'checkpoint'] as const;

/** Where the log is read from: the device's EventLog, or rows in memory in the tests. */
export interface LogWatchSource {
  /** The row stored at `seq` as stored, or undefined. */
  rowAt(seq: number): Promise<unknown>;
  /** The key records as stored, in sequence order. */
  keyRows(): Promise<unknown[]>;
  /** Rows in sequence order from `fromSeq`, `size` at a time. */
  batches(size: number, fromSeq: number): AsyncIterable<unknown[]>;
}

export interface LogWatchOptions {
  /** Rows per batch read (memory stays bounded by it). */
  batchSize?: number;
  /** Called after each batch with the last record found sound, to keep for the next start. */
  remember: (position: Head) => void;
  /** Between batches: lets the thread breathe, and stops the check when it returns false. */
  between?: () => Promise<boolean> | boolean;
}

export type LogWatchOutcome =
  | { kind: 'sound'; position: Head; passes: number }
  | { kind: 'problem'; problem: VerifyProblem; position: Head }
  | { kind: 'stopped'; position: Head };

const hash = hashOfWith(JS_SHA256);

/**
 * The key chain as it stood once the record at `seq` was written, walked over the key records
 * alone (null before the device's identity, as in a log release 0.1.0 wrote); undefined when one
 * of them does not hold — a pass from record 1 then names it.
 */
async function keyChainAt(
  source: LogWatchSource,
  seq: number,
): Promise<KeyChainState | null | undefined> {
  let chain: KeyChainState | null = null;
  for (const row of await source.keyRows()) {
    const read = readRecord(row);
    if (!read.ok) return undefined;
    if (read.value.seq > seq) break;
    const { event } = read.value;
    const firstKey = event.type === 'device-identity' ? event.publicKey : chain?.key;
    if (!firstKey) return undefined;
    const step = await stepKeyChain(chain, row, firstKey);
    if (!step.ok) return undefined;
    chain = step.state;
  }
  return chain;
}

/** Whether the row remembered at `position` is still there, sound, with that hash. */
async function stillThere(source: LogWatchSource, position: Head): Promise<boolean> {
  const row = await source.rowAt(position.seq);
  if (row === undefined || row === null) return false;
  const read = readRecord(row);
  return read.ok && read.value.hash === position.hash && hash(row) === position.hash;
}

/**
 * Checks the log from `remembered` (null: from record 1) to its head, then once more from record
 * 1 if it did not start there. Stops at the first problem; `remember` is never told a position
 * past it, so the next start finds the problem again.
 */
export async function watchLog(
  source: LogWatchSource,
  remembered: Head | null,
  options: LogWatchOptions,
): Promise<LogWatchOutcome> {
  const size = options.batchSize ?? 500;
  let resume: { from: Head; keys: KeyChainState | null } | null = null;
  if (remembered && remembered.seq > 0 && (await stillThere(source, remembered))) {
    const keys = await keyChainAt(source, remembered.seq);
    if (keys !== undefined) resume = { from: remembered, keys };
  }
  let passes = 0;
  for (;;) {
    const verifier = new LogVerifier(resume ? { resume, hash } : { hash });
    const fromSeq = resume ? resume.from.seq + 1 : 1;
    for await (const rows of source.batches(size, fromSeq)) {
      const problem = await verifier.pushAll(rows);
      if (problem) return { kind: 'problem', problem, position: verifier.checked };
      options.remember(verifier.checked);
      if (options.between && !(await options.between()))
        return { kind: 'stopped', position: verifier.checked };
    }
    passes += 1;
    // A pass from record 1 has seen every record: done. A resumed one goes round once more.
    if (!resume) return { kind: 'sound', position: verifier.checked, passes };
    resume = null;
  }
}

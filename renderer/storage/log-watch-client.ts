/**
 * Starts the start-up check of the log (log-watch.ts) in a module worker and keeps where it
 * stands between starts: the (seq, hash) of the last record it found sound, in localStorage
 * under the database's name. That place is no proof of anything — whoever could change it could
 * change the log too — only where to take up: the worker re-checks that record before trusting
 * it, and goes round from record 1 each start anyway.
 */
import { HeadSchema } from '../../core/domain/log/witness';
import type { Head, VerifyProblem } from '../../core/domain/log/verify';
import type { LogWatchOutcome } from './log-watch';

export interface LogWatchRequest {
  database: string;
  remembered: Head | null;
}

export type LogWatchReply =
  | { kind: 'position'; position: Head }
  | { kind: 'outcome'; outcome: LogWatchOutcome }
  | { kind: 'failed'; message: string };

export const positionKey = (database: string) => `counter-steps:log-checked:${database}`;

export function rememberedPosition(database: string): Head | null {
  try {
    const parsed = HeadSchema.safeParse(
      JSON.parse(localStorage.getItem(positionKey(database)) ?? 'null'),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Runs the check once; `onProblem` hears the first record found wrong. Returns a function that
 * stops it (the store closing). Nothing happens where the page has no Worker (unit tests in Node).
 */
export function startLogWatch(
  database: string,
  onProblem: (problem: VerifyProblem) => void,
): () => void {
  if (typeof Worker === 'undefined') return () => undefined;
  const worker = new Worker(new URL('./log-watch-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<LogWatchReply>) => {
    const reply = event.data;
    if (reply.kind === 'position') {
      try {
        localStorage.setItem(positionKey(database), JSON.stringify(reply.position));
      } catch {
        // A full or refused localStorage: the next start goes round from record 1, no harm.
      }
      return;
    }
    worker.terminate();
    // A check that could not run to its end ('failed': the database would not open in the
    // worker) says nothing about the log; the witness's check at start and Verify still stand.
    if (reply.kind === 'outcome' && reply.outcome.kind === 'problem')
      onProblem(reply.outcome.problem);
  };
  // A worker that cannot start (or a database it cannot open) leaves the witness's check at start
  // and Verify as they were: nothing to tell the clerk.
  worker.onerror = () => worker.terminate();
  worker.postMessage({
    database,
    remembered: rememberedPosition(database),
  } satisfies LogWatchRequest);
  return () => worker.terminate();
}

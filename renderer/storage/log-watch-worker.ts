/**
 * The start-up check of the log (log-watch.ts) off the page's thread: the worker opens the same
 * IndexedDB database, reads the log in batches from where the page says the last check stopped,
 * posts each new position for the page to keep, and posts what it found. Between batches it
 * gives the thread back, so the check takes what the device can spare.
 */
import { CounterStepsDb } from './db';
import { EventLog } from './event-log';
import { KEY_RECORD_TYPES, watchLog } from './log-watch';
import type { LogWatchReply, LogWatchRequest } from './log-watch-client';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<LogWatchRequest>) => void) | null;
  postMessage(message: LogWatchReply): void;
};

scope.onmessage = (event) => {
  const { database, remembered } = event.data;
  const db = new CounterStepsDb(database);
  const log = new EventLog(db);
  watchLog(
    {
      rowAt: (seq) => log.rowAt(seq),
      keyRows: () => log.rowsOfTypes(KEY_RECORD_TYPES),
      batches: (size, fromSeq) => log.batches(size, fromSeq),
    },
    remembered,
    {
      remember: (position) => scope.postMessage({ kind: 'position', position }),
      between: () => new Promise((resolve) => setTimeout(() => resolve(true), 0)),
    },
  )
    .then(
      (outcome) => scope.postMessage({ kind: 'outcome', outcome }),
      (error: unknown) =>
        scope.postMessage({
          kind: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
    )
    .finally(() => db.close());
};

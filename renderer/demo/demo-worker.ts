/**
 * Makes one demo counter off the page's thread (a module worker), so the manager's screen keeps
 * painting its progress: the same `generateCounter` as `npm run demo-data` runs for each counter,
 * through the app's own store on a scratch IndexedDB database of this worker's; its export is
 * sent back as transferred bytes.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { generateCounter, type DemoOptions } from './generate';
import type { DemoWorkerReply, DemoWorkerRequest } from './demo-messages';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<DemoWorkerRequest>) => void) | null;
  postMessage(message: DemoWorkerReply, transfer?: Transferable[]): void;
};

scope.onmessage = (event) => {
  const options: DemoOptions = {
    ...event.data.options,
    onProgress: (progress) => scope.postMessage({ kind: 'progress', ...progress }),
  };
  generateCounter(options, event.data.counterIndex, { backend: { indexedDB, IDBKeyRange } }).then(
    ({ made }) => scope.postMessage({ kind: 'done', made }, [made.bytes.buffer]),
    (error: unknown) =>
      scope.postMessage({
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};

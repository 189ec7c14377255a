/**
 * Makes demo data off the page's thread (a module worker), so the manager's screen keeps
 * painting its progress: the same `generateDemo` as `npm run demo-data`, its exports sent back
 * as transferred bytes.
 */
import { generateDemo, type DemoOptions } from './generate';
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
  generateDemo(options).then(
    ({ exports }) =>
      scope.postMessage(
        { kind: 'done', exports },
        exports.map(({ bytes }) => bytes.buffer),
      ),
    (error: unknown) =>
      scope.postMessage({
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};

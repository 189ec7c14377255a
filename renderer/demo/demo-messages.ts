/** What the page and the demo worker (demo-worker.ts) say to each other. */
import type { DemoExport, DemoOptions } from './generate';

export interface DemoWorkerRequest {
  options: Omit<DemoOptions, 'onProgress'>;
}

export type DemoWorkerReply =
  | { kind: 'progress'; counter: string; day: number; days: number }
  | { kind: 'done'; exports: DemoExport[] }
  | { kind: 'failed'; message: string };

/**
 * Runs the demo generator in a module worker and resolves with its exports; `onProgress` hears
 * each simulated day of each counter.
 */
export function generateInWorker(
  options: DemoWorkerRequest['options'],
  onProgress: (progress: { counter: string; day: number; days: number }) => void,
): Promise<DemoExport[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./demo-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<DemoWorkerReply>) => {
      const reply = event.data;
      if (reply.kind === 'progress') return onProgress(reply);
      worker.terminate();
      if (reply.kind === 'done') resolve(reply.exports);
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the demo worker could not start'));
    };
    worker.postMessage({ options } satisfies DemoWorkerRequest);
  });
}

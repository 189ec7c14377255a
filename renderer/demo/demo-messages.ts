/** What the page and the demo workers (demo-worker.ts) say to each other. */
import type { DemoExport, DemoOptions } from './generate';

export interface DemoWorkerRequest {
  options: Omit<DemoOptions, 'onProgress'>;
  counterIndex: number;
}

export type DemoWorkerReply =
  | { kind: 'progress'; counter: string; day: number; days: number }
  | { kind: 'done'; made: DemoExport }
  | { kind: 'failed'; message: string };

/** One demo counter made in a module worker of its own; `onProgress` hears each simulated day. */
function counterInWorker(
  options: DemoWorkerRequest['options'],
  counterIndex: number,
  onProgress: (progress: { counter: string; day: number; days: number }) => void,
): Promise<DemoExport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./demo-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<DemoWorkerReply>) => {
      const reply = event.data;
      if (reply.kind === 'progress') {
        return onProgress({ counter: reply.counter, day: reply.day, days: reply.days });
      }
      worker.terminate();
      if (reply.kind === 'done') resolve(reply.made);
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the demo worker could not start'));
    };
    worker.postMessage({ options, counterIndex } satisfies DemoWorkerRequest);
  });
}

/**
 * Runs the demo generator with each counter in a worker of its own, side by side (each is a
 * tablet of its own: its own database, keys and clock), and gives each counter's export in
 * counter order as it is ready — the page adds one while the others are still being made.
 * `onProgress` hears each simulated day of each counter.
 */
export function generateInWorkers(
  options: DemoWorkerRequest['options'] & { counters: number },
  onProgress: (progress: { counter: string; day: number; days: number }) => void,
): Promise<DemoExport>[] {
  const made = Array.from({ length: options.counters }, (_, index) =>
    counterInWorker(options, index, onProgress),
  );
  // Failures are awaited in order by the caller; none goes unhandled meanwhile.
  for (const one of made) one.catch(() => undefined);
  return made;
}

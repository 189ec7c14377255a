/**
 * "Verify a file" off the page's thread: the picked zip (and the export before it) are handed to a
 * module worker (verify-worker.ts) as Blobs — nothing is copied, the worker reads them a part at
 * a time — and checked there with the same `verifyExport` as `npx counter-steps verify`, so the
 * auditor's screen keeps painting its progress and its Cancel button answers at once. Where no
 * Worker exists (unit tests in Node), the same check runs on the calling thread.
 */
import type { ExportVerdict } from './verify-export';
import type { ReadExportProblem } from './read-export';

export interface FileCheckRequest {
  file: Blob;
  previous?: Blob | null;
  /** The device's first key as the auditor holds it: its JWK (as text) or its fingerprint. */
  key?: string;
}

/** How a check ended: a verdict, a file that is no zip the verifier can read, or cancelled. */
export type FileCheckOutcome =
  | { kind: 'verdict'; verdict: ExportVerdict }
  | { kind: 'unusable'; problem: ReadExportProblem }
  | { kind: 'cancelled' };

export type VerifyWorkerRequest = { kind: 'check'; request: FileCheckRequest } | { kind: 'cancel' };

export type VerifyWorkerReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'outcome'; outcome: FileCheckOutcome }
  | { kind: 'failed'; message: string };

export interface FileCheckOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Checks the file on this thread: what the worker runs, and the fallback without a Worker. */
export async function checkFileHere(
  request: FileCheckRequest,
  options: FileCheckOptions = {},
): Promise<FileCheckOutcome> {
  const [{ blobSource, openZip }, { verifyExport }] = await Promise.all([
    import('./zip-entries'),
    import('./verify-export'),
  ]);
  const opened = await openZip(blobSource(request.file));
  if (!opened.ok) return { kind: 'unusable', problem: opened.error };
  const earlier = request.previous ? await openZip(blobSource(request.previous)) : null;
  if (earlier && !earlier.ok) return { kind: 'unusable', problem: earlier.error };
  try {
    const verdict = await verifyExport(opened.value, {
      expectedKey: request.key?.trim() || undefined,
      previous: earlier?.ok ? earlier.value : undefined,
      signal: options.signal,
      onProgress: options.onProgress,
      now: Date.now(),
    });
    return { kind: 'verdict', verdict };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'cancelled' };
    throw error;
  }
}

/** Checks the file in a module worker (on this thread where there is none). */
export function checkFile(
  request: FileCheckRequest,
  options: FileCheckOptions = {},
): Promise<FileCheckOutcome> {
  if (typeof Worker === 'undefined') return checkFileHere(request, options);
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.resolve({ kind: 'cancelled' });
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./verify-worker.ts', import.meta.url), { type: 'module' });
    let unanswered: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      clearTimeout(unanswered);
      worker.terminate();
      signal?.removeEventListener('abort', cancel);
    };
    // The worker stops between parts and says so; should it not answer, the page does not wait.
    const cancel = () => {
      worker.postMessage({ kind: 'cancel' } satisfies VerifyWorkerRequest);
      unanswered = setTimeout(() => {
        finish();
        resolve({ kind: 'cancelled' });
      }, 2000);
    };
    signal?.addEventListener('abort', cancel, { once: true });
    worker.onmessage = (event: MessageEvent<VerifyWorkerReply>) => {
      const reply = event.data;
      if (reply.kind === 'progress') return onProgress?.(reply.done, reply.total);
      finish();
      if (reply.kind === 'outcome') resolve(reply.outcome);
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'the verification worker could not start'));
    };
    worker.postMessage({ kind: 'check', request } satisfies VerifyWorkerRequest);
  });
}

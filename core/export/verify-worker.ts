/**
 * Verifies an export off the page's thread (see verify-messages.ts): one check per worker, its
 * progress posted as it reads, stopped between parts when the page says cancel.
 */
import { checkFileHere, type VerifyWorkerReply, type VerifyWorkerRequest } from './verify-messages';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<VerifyWorkerRequest>) => void) | null;
  postMessage(message: VerifyWorkerReply): void;
};

const abort = new AbortController();

scope.onmessage = (event) => {
  const message = event.data;
  if (message.kind === 'cancel') return abort.abort();
  checkFileHere(message.request, {
    signal: abort.signal,
    onProgress: (done, total) => scope.postMessage({ kind: 'progress', done, total }),
  }).then(
    (outcome) => scope.postMessage({ kind: 'outcome', outcome }),
    (error: unknown) =>
      scope.postMessage({
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};

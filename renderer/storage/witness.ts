/**
 * The witness of the store's head (see domain/log/witness.ts) is kept by the platform: Electron's
 * main process in a file the page can only advance through a checked IPC call; the browser build
 * in localStorage, which whoever holds the browser profile can also edit (the README says so).
 * This one keeps it in memory, for tests and platforms that offer none.
 */
import { judgeAdvance, type Head, type Witness } from '../../core/domain/log/witness';
import { err, ok } from '../../core/domain/result';

export type { Witness };

/** A witness in memory: tests, and a platform that offers none. */
export function memoryWitness(initial: Head | null = null): Witness & { head: Head | null } {
  const witness = {
    head: initial,
    read: () => Promise.resolve(witness.head),
    advance(next: Head) {
      const refusal = judgeAdvance(witness.head, next);
      if (refusal) return Promise.resolve(err(refusal));
      witness.head = next;
      return Promise.resolve(ok(null));
    },
  };
  return witness;
}

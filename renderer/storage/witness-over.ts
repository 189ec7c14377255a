/**
 * The storage's witness port over a platform's two witness calls (Electron's IPC to main, the
 * browser build's localStorage). Here, not in renderer/platform, so Node tests run the store
 * over main's real handlers.
 */
import {
  MAX_WITNESSED_ROWS,
  type Witness,
  type WitnessRefusal,
} from '../../core/domain/log/witness';
import { err, ok, type Result as DomainResult } from '../../core/domain/result';
import type { CounterStepsApi } from '../../preload/contract';

const REFUSALS = ['behind', 'forked', 'unlinked'] as const;

/**
 * The storage's witness port over the bridge's two witness calls. `chained` (Electron): each
 * advance carries the stored rows from the witnessed head to the new one, a batch per call, for
 * main to hash and link itself; the first head of a log is taken as it is.
 */
export function witnessOver(
  api: Pick<CounterStepsApi, 'readWitness' | 'advanceWitness'>,
  log: string,
  { chained = false }: { chained?: boolean } = {},
): Witness {
  const refused = (error: string): DomainResult<null, WitnessRefusal> =>
    err(
      (REFUSALS as readonly string[]).includes(error)
        ? (error as (typeof REFUSALS)[number])
        : 'unavailable',
    );
  return {
    async read() {
      const result = await api.readWitness({ log });
      return result.ok ? result.value : null;
    },
    async advance(head, rowsAfter) {
      if (chained && rowsAfter) {
        const witnessed = await api.readWitness({ log });
        if (!witnessed.ok) return err('unavailable');
        const from = witnessed.value;
        if (from && head.seq > from.seq) {
          const rows = await rowsAfter(from.seq, head.seq);
          for (let start = 0; start < rows.length; start += MAX_WITNESSED_ROWS) {
            const batch = rows.slice(start, start + MAX_WITNESSED_ROWS);
            const last = batch.at(-1) as { seq?: number; hash?: string };
            const step =
              start + MAX_WITNESSED_ROWS >= rows.length
                ? head
                : { seq: last.seq ?? -1, hash: last.hash ?? '' };
            const result = await api.advanceWitness({ log, head: step, rows: batch });
            if (!result.ok) return refused(result.error);
          }
          if (rows.length > 0) return ok(null);
        }
      }
      const result = await api.advanceWitness({ log, head });
      if (result.ok) return ok(null);
      return refused(result.error);
    },
  };
}

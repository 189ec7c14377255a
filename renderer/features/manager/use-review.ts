/**
 * Reads for the review screens, as Dexie live queries (dexie-react-hooks' `useLiveQuery`): read
 * again whenever a table the read went through changes — a service ends at the counter while the
 * manager watches, another tab imports a chain — or what they ask for changes. The log's head is
 * in the dependencies too, so a record appended always brings a fresh read, whatever the read
 * touched. The last answer stays on screen meanwhile.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeviceState, useStore } from '../shared/store-context';
import { useStorageErrorMessage } from '../shared/use-refusal-message';
import type { DeviceStore } from '../../storage';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/** An answer, with what it answered (to tell a current answer from the last one). */
interface Answer<T> {
  key: string;
  seq: number;
  data: T | null;
  error: string | null;
}

export function useReviewQuery<T>(
  load: (review: DeviceStore['review']) => Promise<T>,
  key: string,
): Loaded<T> {
  const store = useStore();
  const seq = useDeviceState().head.seq;
  const message = useStorageErrorMessage();
  const answer = useLiveQuery(
    async (): Promise<Answer<T>> => {
      try {
        return { key, seq, data: await load(store.review), error: null };
      } catch (failure) {
        // Said on the screen, not thrown: useLiveQuery would throw it out of the render.
        return { key, seq, data: null, error: message(failure) };
      }
    },
    // `key` stands for what `load` reads; the log's head for when to read again.
    [store, key, seq],
  );
  if (!answer) return { data: null, error: null, loading: true };
  const { data, error } = answer;
  return { data, error, loading: answer.key !== key || answer.seq !== seq };
}

/**
 * Reads for the review screens: re-run whenever the log moves (a service ends at the counter while
 * the manager watches) or what they ask for changes. The last answer stays on screen meanwhile.
 */
import { useEffect, useState } from 'react';
import { useDeviceState, useStore } from '../shared/store-context';
import { useStorageErrorMessage } from '../shared/use-refusal-message';
import type { DeviceStore } from '../../storage';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

export function useReviewQuery<T>(
  load: (review: DeviceStore['review']) => Promise<T>,
  key: string,
): Loaded<T> {
  const store = useStore();
  const seq = useDeviceState().head.seq;
  const message = useStorageErrorMessage();
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    load(store.review).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (failure: unknown) =>
        current && setState({ data: null, error: message(failure), loading: false }),
    );
    return () => {
      current = false;
    };
    // `key` stands for what `load` reads; the log's head for when to read again.
  }, [store, key, seq]);
  return state;
}

/**
 * A newly shown step ignores taps on its Done and Skip for a moment (the manager's tap-guard
 * setting, 300 ms by default): the next step is painted 30–70 ms after a tap, so without this the
 * second tap of an accidental double tap would land on it. `armed` turns true once the moment has
 * passed (the card shows it as `data-armed`, which automation waits for).
 *
 * A tap is judged by when it happened (the event's time stamp), not when the page got round to
 * handling it: on a busy tablet both taps of a double tap can wait in the queue until after the
 * next step is painted, and the second was still aimed at the step before.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export function useTapGuard(shownKey: string, guardMs: number) {
  const shownAt = useRef(0);
  const [armed, setArmed] = useState(guardMs === 0);

  useLayoutEffect(() => {
    shownAt.current = performance.now();
    setArmed(guardMs === 0);
  }, [shownKey, guardMs]);

  useEffect(() => {
    if (guardMs === 0) return;
    const timer = setTimeout(() => setArmed(true), guardMs);
    return () => clearTimeout(timer);
  }, [shownKey, guardMs]);

  /** Whether a tap (at `at`, an event's time stamp; else now) should count. */
  const accepts = useCallback(
    (at: number = performance.now()) => at - shownAt.current >= guardMs,
    [guardMs],
  );
  return { armed, accepts };
}

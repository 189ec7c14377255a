/**
 * A newly shown step ignores taps on its Done and Skip for a moment (the manager's tap-guard
 * setting, 300 ms by default): the next step is painted 30–70 ms after a tap, so without this the
 * second tap of an accidental double tap would land on it. `armed` turns true once the moment has
 * passed (the card shows it as `data-armed`, which automation waits for).
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

  /** Whether a tap now should count. */
  const accepts = useCallback(() => performance.now() - shownAt.current >= guardMs, [guardMs]);
  return { armed, accepts };
}

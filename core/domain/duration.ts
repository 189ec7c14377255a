/** 4:05, 12:00, 1:02:03 — elapsed time as a clock shows it (the same in every language). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

/**
 * Whether a time ran over its target: strictly longer than it (a time equal to the target kept
 * it); no time (never timed) is not over. The one threshold of every "over target" the review
 * shows: a service (isOverTarget), a complaint step's time and a complaint step's average.
 */
export const overItsTarget = (ms: number | null | undefined, targetSeconds: number): boolean =>
  ms !== null && ms !== undefined && ms > targetSeconds * 1000;

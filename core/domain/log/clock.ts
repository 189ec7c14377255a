/**
 * Time between records, and the wall clock moving under them. Every record carries two clocks: the
 * wall clock (`at`, what people read and what business days are cut by) and the monotonic clock of
 * the page load that wrote it (`mono`: which boot, milliseconds since it began), which nobody can
 * set. Within one boot the monotonic clock gives true durations whatever happened to the wall
 * clock, and the difference between the two clocks' deltas shows a wall clock that was moved: the
 * jump is in the signed records themselves, so it is found, never merely reported. Across boots
 * (a reload, a crash, a restart) only the wall clock links records.
 *
 * The monotonic clock stops while a device is suspended (Linux); a suspended tablet therefore
 * looks like a wall clock moved forward by the time it slept. The app keeps the display awake while
 * someone is signed in.
 */

/** A record's place on the monotonic clock: the page load that wrote it and ms since it began. */
export interface MonoStamp {
  boot: string;
  ms: number;
}

/** A moment as a record gives it: wall-clock epoch ms and, where known, the monotonic stamp. */
export interface Moment {
  atMs: number;
  mono?: MonoStamp | null;
}

/** A wall clock that differs from the monotonic one by at least this much was moved. */
export const CLOCK_JUMP_MS = 2_000;

const sameBoot = (from: Moment, to: Moment): boolean =>
  !!from.mono && !!to.mono && from.mono.boot === to.mono.boot;

/**
 * Milliseconds from `from` to `to`: the monotonic clock's when both come from one boot, else the
 * wall clock's. Never negative: a later record never comes before an earlier one.
 */
export function elapsedBetween(from: Moment, to: Moment): number {
  const delta = sameBoot(from, to)
    ? (to.mono?.ms ?? 0) - (from.mono?.ms ?? 0)
    : to.atMs - from.atMs;
  return Math.max(0, Math.round(delta));
}

/**
 * How far the wall clock was moved between two moments of one boot (positive: forward), when it
 * was moved by CLOCK_JUMP_MS or more; null when it was not, or when the two are of different boots
 * (nothing to compare with).
 */
export function clockJump(from: Moment, to: Moment): number | null {
  if (!sameBoot(from, to)) return null;
  const jump = to.atMs - from.atMs - ((to.mono?.ms ?? 0) - (from.mono?.ms ?? 0));
  return Math.abs(jump) >= CLOCK_JUMP_MS ? Math.round(jump) : null;
}

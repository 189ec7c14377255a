/**
 * When a device enrolled with a store hub sends its log by itself: a few seconds after a shift
 * ends (someone signs out), and every few minutes while records wait — never while a customer is
 * being served (a push reads the log, and the counter comes first). After a failure (no network,
 * the hub down) it waits twice as long each time, up to half an hour, so an offline tablet does
 * not keep trying; a success, or a manager's own push, starts the count again. A tablet restored
 * from a backup whose restore the hub has not approved yet stops trying altogether until a manager
 * types the hub's restore code (every push would be refused the same way). Pure: the screen keeps
 * the clock and the state.
 */

export const AUTO_PUSH = {
  /** Between pushes while records wait. */
  everyMs: 5 * 60_000,
  /** After a sign-out: the shift's records go at once (the summary screen is still up). */
  afterSignOutMs: 3_000,
  /** The longest wait after failures in a row. */
  maxBackoffMs: 30 * 60_000,
} as const;

export interface AutoPushState {
  /** The hub's head as last heard (0 before the first push). */
  pushedSeq: number;
  /** When the last automatic attempt began, or null before the first. */
  lastAttemptAt: number | null;
  /** Failed attempts in a row. */
  failures: number;
  /** When someone last signed out (the device state's session ended), or null. */
  signedOutAt: number | null;
  /** The hub refused this restored tablet's push until a manager approves its restore. */
  awaitingRestoreApproval: boolean;
}

export const INITIAL_AUTO_PUSH: AutoPushState = {
  pushedSeq: 0,
  lastAttemptAt: null,
  failures: 0,
  signedOutAt: null,
  awaitingRestoreApproval: false,
};

export interface DeviceNow {
  now: number;
  enrolled: boolean;
  serviceOpen: boolean;
  headSeq: number;
}

/** How long after the last attempt the next may begin, given the failures in a row. */
export function waitAfter(failures: number): number {
  return Math.min(AUTO_PUSH.everyMs * 2 ** failures, AUTO_PUSH.maxBackoffMs);
}

/**
 * When the next automatic push may begin (epoch ms), or null when none is wanted: not enrolled,
 * a customer being served, or nothing new for the hub.
 */
export function nextAutoPushAt(state: AutoPushState, device: DeviceNow): number | null {
  if (!device.enrolled || device.serviceOpen || device.headSeq <= state.pushedSeq) return null;
  if (state.awaitingRestoreApproval) return null;
  if (state.lastAttemptAt === null) return device.now;
  const regular = state.lastAttemptAt + waitAfter(state.failures);
  // A shift that ended after the last attempt goes soon, unless the hub has been failing.
  if (state.failures === 0 && state.signedOutAt !== null && state.signedOutAt > state.lastAttemptAt)
    return Math.min(regular, state.signedOutAt + AUTO_PUSH.afterSignOutMs);
  return regular;
}

export const attempted = (state: AutoPushState, now: number): AutoPushState => ({
  ...state,
  lastAttemptAt: now,
});

export const succeeded = (state: AutoPushState, hubSeq: number): AutoPushState => ({
  ...state,
  pushedSeq: hubSeq,
  failures: 0,
});

export const failed = (state: AutoPushState): AutoPushState => ({
  ...state,
  failures: state.failures + 1,
});

/** Refused as a restore no hub manager approved: no more tries until one is (`restoreApproved`). */
export const awaitingRestore = (state: AutoPushState): AutoPushState => ({
  ...failed(state),
  awaitingRestoreApproval: true,
});

/** The hub took this tablet's restore: push again at once. */
export const restoreApproved = (state: AutoPushState): AutoPushState =>
  state.awaitingRestoreApproval
    ? { ...state, awaitingRestoreApproval: false, failures: 0, lastAttemptAt: null }
    : state;

/**
 * When the customer is asked to rate a service (on the customer display), shared by the display
 * (which asks and records) and the clerk's screen (which can only turn the display to the
 * customer). The domain decides whether a rating is accepted; these are the screens' timings.
 */
import type { DeviceState } from '../../../core/domain/device/state';
import type { ServiceState } from '../../../core/domain/service/engine';

/** A service that ended longer ago than this is not asked about any more. */
export const RATING_WINDOW_MS = 2 * 60_000;
/** A question left unanswered this long is recorded as `unanswered`. */
export const RATING_TIMEOUT_MS = 60_000;

/** The service that has just ended and has no rating yet, if there is one, at `now`. */
export function serviceAwaitingRating(state: DeviceState, now: number): ServiceState | null {
  const service = state.service;
  if (!service || service.outcome === 'open' || service.rating !== null) return null;
  if (service.endedAt === null || now - service.endedAt > RATING_WINDOW_MS) return null;
  return service;
}

/**
 * Where a customer's rating comes from (issue 21, item 6). A rating is recorded with its source:
 *
 * - `display`: from a customer display that holds a key of its own (Electron: main's display key,
 *   used only for the display window's IPC). The record carries the display's public key, the
 *   device's key in force vouching for that display key (`attestation`, which only main signs:
 *   the page cannot have a display key of its own vouched for) and the display's signature over
 *   (device, service, rating, reasons).
 * - `counter-screen`: anything else — the customer display of the browser build (a tab of the
 *   same origin, whose keys DevTools reaches), "Turn to the customer" on the counter's own screen,
 *   or a rating recorded before sources were (no `source`). Shown apart, never mixed in.
 *
 * The domain refuses a `display` rating whose proof does not hold, and Verify names one in a log.
 */
import type { DisplayProof, PublicKeyJwk, RatingSource } from './events';
import { verifySignature } from './signing';

export { RATING_SOURCES, type DisplayProof, type RatingSource } from './events';

/** What the device's key in force signs to vouch for a display key (only main signs this). */
export const displayKeyPayload = (input: {
  device: string;
  keyIndex: number;
  key: PublicKeyJwk;
}) => ({ purpose: 'counter-steps/display-key', ...input });

/** What the display signs for one rating. */
export const ratingPayload = (input: {
  device: string;
  serviceId: string;
  rating: string;
  reasons: readonly string[];
}) => ({ purpose: 'counter-steps/rating', ...input });

/**
 * Whether a `display` rating's proof holds: the display key vouched for by the device key in force
 * (`keys`, when known: a slice of a log checks the display's own signature only) and the rating
 * signed by that display key. A rating of another source needs none.
 */
export async function ratingProofHolds(input: {
  device: string | null;
  serviceId: string | null;
  event: {
    rating: string;
    reasons: readonly string[];
    source?: RatingSource;
    proof?: DisplayProof;
  };
  keys: { index: number; current: PublicKeyJwk } | null;
}): Promise<boolean> {
  const { event, device, serviceId, keys } = input;
  if (event.source !== 'display') return event.proof === undefined;
  const { proof } = event;
  if (!proof || !device || !serviceId) return false;
  if (keys) {
    if (proof.keyIndex !== keys.index) return false;
    const vouched = await verifySignature(
      keys.current,
      displayKeyPayload({ device, keyIndex: proof.keyIndex, key: proof.key }),
      proof.attestation,
    );
    if (!vouched) return false;
  }
  return verifySignature(
    proof.key,
    ratingPayload({ device, serviceId, rating: event.rating, reasons: event.reasons }),
    proof.signature,
  );
}

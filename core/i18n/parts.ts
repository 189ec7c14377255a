/**
 * Each locale's words come in two parts. The first is what the counter can show without opening
 * another role's screen (sign-in, the clerk's screen, refusals, start-up and storage errors); it
 * loads at start. The later part is the words of screens that load lazily anyway (settings,
 * staff, the log and its export, import and verification, the hub, the customer display): it
 * loads with them. A top-level key is in the first part unless it is listed here.
 */
export const LATER_KEYS: readonly string[] = [
  'audit',
  'callVolume',
  'device',
  'exporting',
  'hub',
  'importing',
  'rating',
  'ratingReason',
  'settings',
  'staff',
  'verifyFile',
];

export type WordsPart = 'first' | 'later';

/** The part of `words` (a locale's top-level keys) that `part` names. */
export function wordsPart(
  words: Record<string, unknown>,
  part: WordsPart,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(words).filter(([key]) => LATER_KEYS.includes(key) === (part === 'later')),
  );
}

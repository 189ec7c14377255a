/**
 * How often one client (one address, as the hub sees it) may try a code or a PIN: setup, sign-in,
 * own PIN, enrolment and restore codes (@fastify/rate-limit, registered in app.ts with the hub's
 * `guessesPerMinute`, 10 by default: the next try in that minute gets a 429). The per-account wait
 * after wrong PINs is separate, and per client too (accounts.ts).
 */
export const GUESSES = { rateLimit: {} } as const;
export const GUESSES_PER_MINUTE = 10;

/**
 * The one result shape of the whole app, from the domain's decisions to the IPC bridge: a value, or
 * a typed error (a refusal the user is told about). Expected failures are returned, never thrown.
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

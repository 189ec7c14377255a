/** A decision either succeeds with a value or is refused with a typed reason; never thrown. */
export type Decision<T, R> = { ok: true; value: T } | { ok: false; refusal: R };

export const accept = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const refuse = <R>(refusal: R): { ok: false; refusal: R } => ({ ok: false, refusal });

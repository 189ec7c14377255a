/**
 * Checks that a request comes from whoever holds the device's key in force: the key records it
 * sends are walked from the first key the hub enrolled (each checkpoint's signature checked with
 * the key before it, renderer/domain/log/key-chain.ts), and the request's signature is checked
 * with the key at their end. Steps already checked are remembered per device (by sequence number
 * and hash), so a device sending its whole chain with every push costs one signature check each
 * time, not one per checkpoint.
 */
import type { PublicKeyJwk } from '../renderer/domain/log/events';
import { stepKeyChain, type KeyChainState } from '../renderer/domain/log/key-chain';
import { verifySignature } from '../renderer/domain/log/signing';
import type { PushSignature } from '../renderer/domain/hub/protocol';
import type { Queryable } from './db';

export class KeyChains {
  private readonly checked = new Map<string, Map<number, { hash: string; state: KeyChainState }>>();

  /** Null when the chain and the signature hold; otherwise what failed, for the answer. */
  async check(input: {
    device: string;
    firstKey: PublicKeyJwk;
    keyRecords: readonly Record<string, unknown>[];
    signature: PushSignature;
    payload: unknown;
  }): Promise<string | null> {
    const known = this.checked.get(input.device) ?? new Map();
    this.checked.set(input.device, known);
    let state: KeyChainState | null = null;
    let onKnownPath = true;
    for (const row of input.keyRecords) {
      const seq = typeof row.seq === 'number' ? row.seq : null;
      const remembered = seq === null ? undefined : known.get(seq);
      if (onKnownPath && remembered && remembered.hash === row.hash) {
        state = remembered.state;
        continue;
      }
      onKnownPath = false;
      const step = await stepKeyChain(state, row, input.firstKey);
      if (!step.ok) return `key record ${String(step.seq)}: ${step.detail}`;
      state = step.state;
      if (!known.has(step.seq)) known.set(step.seq, { hash: step.hash, state });
    }
    if (!state) return 'no key records';
    if (input.signature.keyIndex !== state.index) return 'signature names another key';
    return (await verifySignature(state.key, input.payload, input.signature.value))
      ? null
      : 'signature';
  }

  forget(device: string): void {
    this.checked.delete(device);
  }
}

/**
 * The first device-restored key record of `keyRecords` that is not a record of the log: neither
 * held by the hub at its sequence number with its hash, nor among the `rows` pushed with it; null
 * when there is none. A restore's new key is signed by nobody (the old keys never leave the old
 * tablet), so without this anyone could claim one, never written into the log, and sign pushes for
 * the log with a key of their own.
 */
export async function restoreOutsideLog(
  db: Queryable,
  device: string,
  keyRecords: readonly Record<string, unknown>[],
  rows: readonly Record<string, unknown>[],
): Promise<number | null> {
  const restores = keyRecords.flatMap((row) =>
    (row.event as { type?: unknown } | undefined)?.type === 'device-restored'
      ? [{ seq: typeof row.seq === 'number' ? row.seq : -1, hash: row.hash }]
      : [],
  );
  if (restores.length === 0) return null;
  const held = await db.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM records WHERE device = $1 AND seq = ANY($2::int[])',
    [device, restores.map((restore) => restore.seq)],
  );
  const known = new Map<number, unknown>(held.map((row) => [row.seq, row.hash]));
  for (const row of rows) if (typeof row.seq === 'number') known.set(row.seq, row.hash);
  return restores.find((restore) => known.get(restore.seq) !== restore.hash)?.seq ?? null;
}

/**
 * Checks that a request comes from whoever holds the device's key in force: the key records it
 * sends are walked from the first key the hub enrolled (each checkpoint's signature checked with
 * the key before it, core/domain/log/key-chain.ts), and the request's signature is checked
 * with the key at their end. Steps already checked are remembered per device (by sequence number
 * and hash), so a device sending its whole chain with every push costs one signature check each
 * time, not one per checkpoint.
 */
import type { PublicKeyJwk } from '../core/domain/log/events';
import { stepKeyChain, type KeyChainState } from '../core/domain/log/key-chain';
import { verifySignature } from '../core/domain/log/signing';
import type { PushSignature } from '../core/domain/hub/protocol';

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

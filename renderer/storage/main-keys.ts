/**
 * The signing keys as Electron's main process keeps them (main/key-vault.ts), over the bridge's
 * key calls. The page asks for a checkpoint with the rows main has not witnessed yet; main signs
 * it with the key in force and names its own next key. Nothing here ever holds a private key.
 * Any refusal from main (a head it has not witnessed, no key in force, no keychain) is the
 * "signing key missing" the screens already report: nothing is signed in main's stead.
 */
import type { DeviceState } from '../../core/domain/device/state';
import type { CheckpointReason } from '../../core/domain/log/checkpoints';
import type { StoredRecord } from '../../core/domain/log/records';
import { algorithmOf } from '../../core/domain/log/signing';
import type { Head, RowsAfter, Witness } from '../../core/domain/log/witness';
import type { CounterStepsApi } from '../../preload/contract';
import type { MadeCheckpoint, NewFirstKey, SigningKeys, StatementSigner } from './key-store';

/** The bridge's key calls (Electron's preload exposes them). */
export type KeyKeeperApi = Pick<
  CounterStepsApi,
  'firstKey' | 'signCheckpoint' | 'signStatement' | 'keyInForce'
>;

export class MainKeys implements SigningKeys {
  constructor(
    private readonly api: KeyKeeperApi,
    private readonly log: string,
    private readonly witness: Witness,
    private readonly rowsAfter: RowsAfter,
  ) {}

  async firstKey(): Promise<NewFirstKey> {
    const made = await this.api.firstKey({ log: this.log });
    if (!made.ok) throw new Error(`main made no first key: ${made.error}`);
    return { ...made.value, pair: null };
  }

  async checkpoint(
    state: DeviceState,
    reason: CheckpointReason,
    fresh: readonly StoredRecord[],
  ): Promise<MadeCheckpoint | null | 'key-missing'> {
    if (!state.keys || !state.identity) return null;
    // Main signs only what leads from its witness: bring it up to what is stored first.
    const first = fresh[0];
    const stored: Head = first
      ? { seq: first.seq - 1, hash: first.prevHash }
      : { seq: state.head.seq, hash: state.head.hash };
    if (stored.seq > 0) {
      const moved = await this.witness.advance(stored, this.rowsAfter);
      if (!moved.ok && moved.error !== 'behind') return 'key-missing';
    }
    const keyIndex = state.keys.index;
    const signed = await this.api.signCheckpoint({
      log: this.log,
      device: state.identity.deviceId,
      keyIndex,
      head: { seq: state.head.seq, hash: state.head.hash },
      rows: [...fresh],
    });
    if (!signed.ok) return 'key-missing';
    return {
      event: {
        type: 'checkpoint',
        reason,
        upToSeq: state.head.seq,
        upToHash: state.head.hash,
        keyIndex,
        nextKey: signed.value.nextKey,
        signature: signed.value.signature,
      },
      nextKey: null,
    };
  }

  async signer(state: DeviceState): Promise<StatementSigner | null> {
    if (!state.keys || !state.identity) return null;
    const device = state.identity.deviceId;
    const keyIndex = state.keys.index;
    const held = await this.api.keyInForce({ log: this.log, device });
    if (!held.ok || held.value !== keyIndex) return null;
    return {
      keyIndex,
      algorithm: algorithmOf(state.keys.current),
      sign: async (payload) => {
        const signed = await this.api.signStatement({
          log: this.log,
          device,
          keyIndex,
          payload: payload as never,
        });
        if (!signed.ok) throw new Error(`main signed nothing: ${signed.error}`);
        return signed.value.value;
      },
    };
  }

  async holdsAny(state: DeviceState): Promise<boolean> {
    if (!state.identity) return false;
    const held = await this.api.keyInForce({ log: this.log, device: state.identity.deviceId });
    return held.ok && held.value !== null;
  }

  /** Main destroys its own keys once its witness passes their checkpoint. */
  async retireAllBut(): Promise<void> {}
}

/**
 * A log written by release 0.1.0 (schema v1) gets a device identity and commitments to the PINs in
 * force, then a first checkpoint over everything: its v1 records stay byte for byte as they were,
 * verifiable under v1's rules.
 */
import type { PlannedRecord } from '../../core/domain/device/commands';
import type { DeviceState } from '../../core/domain/device/state';
import type { CheckpointReason } from '../../core/domain/log/checkpoints';
import type { Evidence } from './evidence';
import type { NewFirstKey, SigningKeys } from './key-store';

export type Commit = (
  planned: readonly PlannedRecord[],
  now: number,
  extras: { firstKey?: NewFirstKey; forced?: CheckpointReason },
) => Promise<unknown>;

export async function upgradeFromV1(
  state: DeviceState,
  evidence: Evidence,
  commit: Commit,
  env: { now: number; deviceId: string; keys: SigningKeys },
): Promise<void> {
  if (!state.legacy || state.upgraded) return;
  const credentials: { subject: string; commitment: string }[] = [];
  for (const staffNo of state.accounts.keys()) {
    const commitment = await evidence.commitmentOfStored(staffNo);
    if (commitment) credentials.push({ subject: staffNo, commitment });
  }
  const firstKey = await env.keys.firstKey();
  await commit(
    [
      {
        staffNo: null,
        serviceId: null,
        event: {
          type: 'device-identity',
          deviceId: env.deviceId,
          algorithm: firstKey.algorithm,
          publicKey: firstKey.publicKey,
        },
      },
      {
        staffNo: null,
        serviceId: null,
        event: { type: 'log-upgraded', fromSchema: 1, credentials },
      },
    ],
    env.now,
    { firstKey, forced: 'upgrade' },
  );
}

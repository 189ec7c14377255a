/**
 * The two signed head requests of the device API: where the hub's copy of a log ends (with the
 * newest head the hub witnessed, for the device's anchor), and a head reported as soon as it moved
 * (witness.ts judges it). Both need the device's signature with its key in force, reached along its
 * key chain (key-chains.ts) through restores a hub manager approved only (restore-approvals.ts).
 */
import {
  headPayload,
  witnessPayload,
  type HeadRequest,
  type WitnessAnswer,
  type WitnessRequest,
} from '../core/domain/hub/protocol';
import { ok, type Result } from '../core/domain/result';
import type { Db } from './db';
import type { DeviceLocks } from './device-locks';
import { failure, type Failure } from './failure';
import type { DeviceRow } from './device-row';
import type { KeyChains } from './key-chains';
import { restoreRecords, unapprovedRestores } from './restore-approvals';
import { newestWitnessed, recordReport } from './witness';

export interface HeadAnswer {
  head: { seq: number; hash: string };
  witnessed: { seq: number; hash: string } | null;
}

export interface ReportDeps {
  db: Db;
  keys: KeyChains;
  locks: DeviceLocks;
  now: () => number;
  device: (id: string) => Promise<DeviceRow | undefined>;
}

export async function signedHead(
  deps: ReportDeps,
  request: HeadRequest,
): Promise<Result<HeadAnswer, Failure>> {
  const device = await deps.device(request.device);
  if (!device) return failure(401, { error: 'not-enrolled' });
  const problem = await deps.keys.check({
    device: request.device,
    firstKey: device.first_key,
    keyRecords: request.keyRecords,
    signature: request.signature,
    payload: headPayload({ device: request.device, keyIndex: request.signature.keyIndex }),
  });
  if (problem) return failure(403, { error: 'bad-signature', detail: problem });
  return ok({
    head: { seq: device.head_seq, hash: device.head_hash },
    witnessed: await newestWitnessed(deps.db, device.id),
  });
}

export async function headReport(
  deps: ReportDeps,
  request: WitnessRequest,
): Promise<Result<WitnessAnswer, Failure>> {
  const device = await deps.device(request.device);
  if (!device) return failure(401, { error: 'not-enrolled' });
  const { head, anchor, calls, screen } = request;
  const problem = await deps.keys.check({
    device: request.device,
    firstKey: device.first_key,
    keyRecords: request.keyRecords,
    signature: request.signature,
    payload: witnessPayload({
      device: request.device,
      keyIndex: request.signature.keyIndex,
      head,
      anchor,
      calls,
      screen,
    }),
  });
  if (problem) return failure(403, { error: 'bad-signature', detail: problem });
  return deps.locks.run(request.device, async () => {
    // A restored tablet's keys count only once a hub manager approved the restore (as for a push):
    // else whoever restored a copied backup could fill the witness with heads of their own.
    const restores = restoreRecords(request.keyRecords);
    const [unapproved] = await unapprovedRestores(deps.db, request.device, restores);
    if (unapproved) return failure(403, { error: 'restore-not-approved', seq: unapproved.seq });
    const held = (await deps.device(request.device)) ?? device;
    return ok(
      await deps.db.transaction((tx) =>
        recordReport(tx, {
          device: device.id,
          heldSeq: held.head_seq,
          keyIndex: request.signature.keyIndex,
          report: { head, anchor, calls, screen },
          now: deps.now(),
        }),
      ),
    );
  });
}

/**
 * Restores approved by a hub manager. A tablet restored from a backup goes on under the log's first
 * device id with new keys, named by its `device-restored` record; nobody can sign that record (the
 * old keys never leave the old tablet), so anyone holding a log's identity record could write one
 * with a key of their own. The hub therefore takes a restore's new key only once a manager approved
 * it: the manager makes a one-time restore code for the device on the devices page, and the
 * restored tablet sends it with its key records, signed with the key in force on it (proof that it
 * holds the restore's keys). Every push whose key records or rows hold a restore no manager
 * approved is refused (`restore-not-approved`); pushes signed with an approved key are taken even
 * before the restore record itself reaches the hub, so a tablet restored far behind the hub's copy
 * catches up batch by batch.
 */
import { raiseAlert } from './witness';
import { canonicalize } from '../core/domain/log/canonical';
import type { PublicKeyJwk } from '../core/domain/log/events';
import {
  restorePayload,
  type RestoreAnswer,
  type RestoreRequest,
} from '../core/domain/hub/protocol';
import { ok, type Result } from '../core/domain/result';
import { hashCode } from './codes';
import type { Db, Queryable } from './db';
import { failure, type Failure } from './failure';
import type { KeyChains } from './key-chains';

export interface RestoreRecord {
  seq: number | null;
  hash: string | null;
  publicKey: unknown;
}

/** The device-restored records among `rows` (key records or pushed rows), in order. */
export function restoreRecords(rows: readonly Record<string, unknown>[]): RestoreRecord[] {
  return rows.flatMap((row) => {
    const event = row.event as { type?: unknown; publicKey?: unknown } | undefined;
    if (event?.type !== 'device-restored') return [];
    return [
      {
        seq: typeof row.seq === 'number' ? row.seq : null,
        hash: typeof row.hash === 'string' ? row.hash : null,
        publicKey: event.publicKey,
      },
    ];
  });
}

/** Those of `records` whose new key no manager approved for `device`. */
export async function unapprovedRestores(
  db: Queryable,
  device: string,
  records: readonly RestoreRecord[],
): Promise<RestoreRecord[]> {
  if (records.length === 0) return [];
  const approved = await db.query<{ public_key: PublicKeyJwk }>(
    'SELECT public_key FROM restore_approvals WHERE device = $1',
    [device],
  );
  const keys = new Set(approved.map((row) => canonicalize(row.public_key)));
  return records.filter((record) => !keys.has(canonicalize(record.publicKey)));
}

/**
 * Takes a restore code: unused, unexpired, made for this device; the request signed along the
 * device's key chain (through its restore records) with the key in force at its end. Records the
 * approval of every restore record in the key records not approved yet, and uses the code up.
 */
export async function approveRestore(
  deps: { db: Db; keys: KeyChains; now: () => number },
  request: RestoreRequest,
): Promise<Result<RestoreAnswer, Failure>> {
  const { db, keys, now } = deps;
  const [device] = await db.query<{ first_key: PublicKeyJwk }>(
    'SELECT first_key FROM devices WHERE id = $1',
    [request.device],
  );
  if (!device) return failure(401, { error: 'not-enrolled' });
  const codeHash = await hashCode(request.code);
  const [code] = await db.query<{
    device: string | null;
    expires_at: number;
    used_at: number | null;
    created_by: string | null;
  }>(
    'SELECT device, expires_at, used_at, created_by FROM codes WHERE code_hash = $1 AND purpose = $2',
    [codeHash, 'restore'],
  );
  if (!code || code.used_at !== null || Number(code.expires_at) < now())
    return failure(403, { error: 'bad-code' });
  if (code.device !== request.device)
    return failure(403, { error: 'bad-code', detail: 'the code is for another device' });
  const problem = await keys.check({
    device: request.device,
    firstKey: device.first_key,
    keyRecords: request.keyRecords,
    signature: request.signature,
    payload: restorePayload({
      code: request.code,
      device: request.device,
      keyIndex: request.signature.keyIndex,
    }),
  });
  if (problem) return failure(403, { error: 'bad-signature', detail: problem });
  const restores = restoreRecords(request.keyRecords);
  if (restores.length === 0)
    return failure(400, { error: 'malformed', detail: 'no device-restored key record' });
  return db.transaction(async (tx) => {
    const pending = await unapprovedRestores(tx, request.device, restores);
    // Already approved (the same tablet sending again): nothing to do, the code stays unused.
    if (pending.length === 0) return ok({ device: request.device, approved: 0 });
    const used = await tx.query(
      'UPDATE codes SET used_at = $2, used_by_device = $3 WHERE code_hash = $1 AND used_at IS NULL RETURNING code_hash',
      [codeHash, now(), request.device],
    );
    if (used.length === 0) return failure(403, { error: 'bad-code' });
    for (const record of pending) {
      await tx.query(
        `INSERT INTO restore_approvals
           (device, public_key, restore_seq, restore_hash, code_hash, approved_by, approved_at)
         VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [
          request.device,
          JSON.stringify(record.publicKey),
          record.seq,
          record.hash,
          codeHash,
          code.created_by,
          now(),
        ],
      );
    }
    await supersedeWitnessed(tx, request.device, pending, now());
    return ok({ device: request.device, approved: pending.length });
  });
}

/**
 * The heads the hub heard of from the log's old tablet after the backup an approved restore
 * continues (hub/witness.ts): the restored tablet's records take their sequence numbers, so they
 * are set aside, and what the hub heard of and will never get is kept as a `rollback` alert.
 */
async function supersedeWitnessed(
  tx: Queryable,
  device: string,
  approved: readonly RestoreRecord[],
  now: number,
): Promise<void> {
  const from = Math.min(...approved.map((record) => record.seq ?? Infinity));
  if (!Number.isFinite(from)) return;
  const lost = await tx.query<{ seq: number; hash: string }>(
    'DELETE FROM witnessed_heads WHERE device = $1 AND seq >= $2 RETURNING seq, hash',
    [device, from],
  );
  const newest = lost.reduce<{ seq: number; hash: string } | null>(
    (best, head) => (best && best.seq >= head.seq ? best : head),
    null,
  );
  if (newest)
    await raiseAlert(
      tx,
      device,
      { kind: 'rollback', seq: newest.seq, heldHash: newest.hash, pushedHash: null },
      now,
    );
}

/**
 * What the hub's pages do, apart from HTTP: its accounts and sessions (HubAccounts, in
 * accounts.ts), and here the stores, enrolment codes, the devices and alerts, and the figures for
 * the dashboards and the exports.
 */
import type { AlertKind } from './witness';
import type { PublicKeyJwk } from '../core/domain/log/events';
import type { RollupRow } from '../core/domain/review/rollup';
import { hubCan } from '../core/domain/hub/roles';
import { err, ok, type Result } from '../core/domain/result';
import { HubAccounts, type Account } from './accounts';
import { makeCode } from './codes';

export interface DeviceInfo {
  id: string;
  storeId: string;
  storeName: string;
  counter: string | null;
  fingerprint: string;
  headSeq: number;
  /** The newest head the device reported (hub/witness.ts), 0 before its first report. */
  witnessedSeq: number;
  sealedUpTo: number;
  lastPushAt: number | null;
  alerts: number;
  firstKey: PublicKeyJwk;
  /** Restores a manager approved for it (with a restore code). */
  restores: number;
}

export interface AlertInfo {
  device: string;
  storeId: string;
  counter: string | null;
  storeName: string;
  /** A push or a head that rewrote what the hub held or heard of, a head gone back, a stall (witness.ts). */
  kind: AlertKind;
  seq: number | null;
  at: number;
}

/** The hub's service layer: accounts and sessions (inherited), stores, devices and figures. */
export class HubService extends HubAccounts {
  // Stores, codes, devices ---------------------------------------------------------------------

  async stores(): Promise<{ id: string; name: string }[]> {
    return this.db.query('SELECT id, name FROM stores ORDER BY id');
  }

  async addStore(
    by: Account,
    id: string,
    name: string,
  ): Promise<Result<null, 'not-allowed' | 'store-id' | 'exists'>> {
    if (!hubCan(by.role, 'administer')) return err('not-allowed');
    if (!/^[A-Za-z0-9-]{1,32}$/.test(id) || name.trim() === '' || name.length > 80)
      return err('store-id');
    const added = await this.db.query(
      'INSERT INTO stores (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id',
      [id, name.trim()],
    );
    return added.length > 0 ? ok(null) : err('exists');
  }

  async enrolCode(
    by: Account,
    store: string,
  ): Promise<Result<{ code: string; expiresAt: number }, 'not-allowed' | 'unknown-store'>> {
    if (!hubCan(by.role, 'administer')) return err('not-allowed');
    const [known] = await this.db.query('SELECT id FROM stores WHERE id = $1', [store]);
    if (!known) return err('unknown-store');
    return ok(
      await makeCode(this.db, { purpose: 'enrol', store, by: by.staffNo, now: this.now() }),
    );
  }

  /**
   * A one-time restore code for an enrolled device (a day, once): typed on the restored tablet, it
   * approves the tablet's new keys (hub/restore-approvals.ts).
   */
  async restoreCode(
    by: Account,
    device: string,
  ): Promise<Result<{ code: string; expiresAt: number }, 'not-allowed' | 'unknown-device'>> {
    if (!hubCan(by.role, 'administer')) return err('not-allowed');
    const [known] = await this.db.query<{ store_id: string }>(
      'SELECT store_id FROM devices WHERE id = $1',
      [device],
    );
    if (!known) return err('unknown-device');
    return ok(
      await makeCode(this.db, {
        purpose: 'restore',
        store: known.store_id,
        device,
        by: by.staffNo,
        now: this.now(),
      }),
    );
  }

  async devices(): Promise<DeviceInfo[]> {
    const rows = await this.db.query<{
      id: string;
      store_id: string;
      store_name: string;
      counter: string | null;
      fingerprint: string;
      head_seq: number;
      witnessed_seq: number;
      sealed_up_to: number;
      last_push_at: number | null;
      alerts: number;
      first_key: PublicKeyJwk;
      restores: number;
    }>(
      `SELECT d.id, d.store_id, s.name AS store_name, d.counter, d.fingerprint, d.head_seq,
              d.sealed_up_to, d.last_push_at, d.first_key,
              (SELECT count(*)::int FROM alerts a WHERE a.device = d.id) AS alerts,
              (SELECT coalesce(max(w.seq), 0)::int FROM witnessed_heads w WHERE w.device = d.id)
                AS witnessed_seq,
              (SELECT count(*)::int FROM restore_approvals r WHERE r.device = d.id) AS restores
       FROM devices d JOIN stores s ON s.id = d.store_id ORDER BY d.store_id, d.counter, d.id`,
    );
    return rows.map((row) => ({
      id: row.id,
      storeId: row.store_id,
      storeName: row.store_name,
      counter: row.counter,
      fingerprint: row.fingerprint,
      headSeq: row.head_seq,
      witnessedSeq: row.witnessed_seq,
      sealedUpTo: row.sealed_up_to,
      lastPushAt: row.last_push_at,
      alerts: row.alerts,
      firstKey: row.first_key,
      restores: row.restores,
    }));
  }

  async alerts(): Promise<AlertInfo[]> {
    const rows = await this.db.query<{
      device: string;
      counter: string | null;
      store_id: string;
      store_name: string;
      kind: AlertKind;
      seq: number | null;
      at: number;
    }>(
      `SELECT a.device, d.counter, d.store_id, s.name AS store_name, a.kind, a.seq, a.at
       FROM alerts a JOIN devices d ON d.id = a.device JOIN stores s ON s.id = d.store_id
       ORDER BY a.at DESC LIMIT 200`,
    );
    return rows.map((row) => ({
      device: row.device,
      storeId: row.store_id,
      counter: row.counter,
      storeName: row.store_name,
      kind: row.kind,
      seq: row.seq,
      at: row.at,
    }));
  }

  // Figures ------------------------------------------------------------------------------------

  /** Rollups of business days `from`..`to`, of one store or of the whole chain, with their store. */
  async rollups(
    from: string,
    to: string,
    store: string | null,
  ): Promise<(RollupRow & { store: string })[]> {
    const rows = await this.db.query<{ store_id: string; data: RollupRow }>(
      store === null
        ? 'SELECT store_id, data FROM rollups WHERE day BETWEEN $1 AND $2'
        : 'SELECT store_id, data FROM rollups WHERE day BETWEEN $1 AND $2 AND store_id = $3',
      store === null ? [from, to] : [from, to, store],
    );
    return rows.map((row) => ({ ...row.data, store: row.store_id }));
  }

  /** The newest business day the hub holds records of, or null (the dashboards' default period). */
  async latestDay(): Promise<string | null> {
    const [row] = await this.db.query<{ day: string | null }>(
      'SELECT max(day) AS day FROM rollups',
    );
    return row?.day ?? null;
  }

  /** PostgreSQL's own size of the database (for the load figures). */
  async databaseBytes(): Promise<number> {
    const [row] = await this.db.query<{ size: number }>(
      'SELECT pg_database_size(current_database()) AS size',
    );
    return Number(row?.size ?? 0);
  }
}

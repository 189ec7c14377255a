/**
 * The hub's own accounts (managers and auditors), apart from HTTP: the first manager from a
 * one-time setup code, PINs under the device's rules — 6 to 12 digits, not too simple, PBKDF2 at
 * the app's iteration count, a growing wait after five wrong ones, a PIN a manager set replaced at
 * its owner's next sign-in — and sessions (a random token, kept only as its hash).
 * HubService (service.ts) builds on this with the stores, devices and figures.
 */
import { z } from 'zod';
import { StaffNumberSchema } from '../core/domain/catalog';
import { sha256Hex, toHex } from '../core/domain/log/canonical';
import {
  PBKDF2_ITERATIONS,
  checkNewPin,
  hashPin,
  verifyPin,
  waitAfterFailures,
  type Credential,
  type PinRefusal,
} from '../core/domain/access/pin';
import { HUB_ROLES, hubCan, type HubRole } from '../core/domain/hub/roles';
import { err, ok, type Result } from '../core/domain/result';
import type { Db } from './db';
import { hashCode, makeCode } from './codes';

export const HubRoleSchema = z.enum(HUB_ROLES);

export interface Account {
  staffNo: string;
  role: HubRole;
  enabled: boolean;
  mustChange: boolean;
}

export type SignInRefusal =
  { kind: 'wrong-pin' } | { kind: 'wait'; retryAt: number } | { kind: 'disabled' };
export type AccountRefusal =
  | PinRefusal
  | 'staff-number'
  | 'exists'
  | 'unknown-account'
  | 'not-allowed'
  | 'wrong-pin'
  | 'own-account';

const SESSION_MS = 8 * 3_600_000;
const SETUP_CODE_TTL_MS = 7 * 24 * 3_600_000;

interface AccountRow {
  staff_no: string;
  role: HubRole;
  credential: Credential;
  enabled: boolean;
  must_change: boolean;
  failures: number;
  retry_at: number;
}

const account = (row: AccountRow): Account => ({
  staffNo: row.staff_no,
  role: row.role,
  enabled: row.enabled,
  mustChange: row.must_change,
});

/** Setup, accounts and sessions; the base of HubService. */
export class HubAccounts {
  /** A credential for unknown staff numbers, so they cost the same PBKDF2 time. */
  private decoy: Promise<Credential> | null = null;

  constructor(
    readonly db: Db,
    readonly now: () => number,
    private readonly iterations: number = PBKDF2_ITERATIONS,
  ) {}

  // Setup and accounts -------------------------------------------------------------------------

  async needsSetup(): Promise<boolean> {
    const [row] = await this.db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM accounts',
    );
    return (row?.count ?? 0) === 0;
  }

  /** With no account yet: a fresh one-time setup code for the first manager (shown on the console). */
  async setupCode(given?: string): Promise<string | null> {
    if (!(await this.needsSetup())) return null;
    const made = await makeCode(
      this.db,
      { purpose: 'setup', store: null, by: null, now: this.now(), ttlMs: SETUP_CODE_TTL_MS },
      given,
    );
    return made.code;
  }

  async createFirstManager(input: {
    code: string;
    staffNo: string;
    pin: string;
    confirmation: string;
  }): Promise<Result<Account, AccountRefusal | 'bad-code'>> {
    if (!StaffNumberSchema.safeParse(input.staffNo).success) return err('staff-number');
    const refusal = checkNewPin(input.pin, input.confirmation);
    if (refusal) return err(refusal);
    const credential = await hashPin(input.staffNo, input.pin, this.iterations);
    const codeHash = await hashCode(input.code);
    return this.db.transaction(async (tx) => {
      const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM accounts',
      );
      const used = await tx.query(
        `UPDATE codes SET used_at = $2 WHERE code_hash = $1 AND purpose = 'setup' AND used_at IS NULL
         AND expires_at > $2 RETURNING code_hash`,
        [codeHash, this.now()],
      );
      if (count > 0 || used.length === 0) return err('bad-code' as const);
      await tx.query(
        'INSERT INTO accounts (staff_no, role, credential, must_change) VALUES ($1, $2, $3, false)',
        [input.staffNo, 'manager', JSON.stringify(credential)],
      );
      return ok({
        staffNo: input.staffNo,
        role: 'manager' as const,
        enabled: true,
        mustChange: false,
      });
    });
  }

  private async accountRow(staffNo: string): Promise<AccountRow | undefined> {
    const [row] = await this.db.query<AccountRow>(
      'SELECT staff_no, role, credential, enabled, must_change, failures, retry_at FROM accounts WHERE staff_no = $1',
      [staffNo],
    );
    return row;
  }

  async accounts(): Promise<Account[]> {
    const rows = await this.db.query<AccountRow>(
      'SELECT staff_no, role, credential, enabled, must_change, failures, retry_at FROM accounts ORDER BY staff_no',
    );
    return rows.map(account);
  }

  /**
   * A session token (kept only as its hash) or why not. Wrong PINs make `client` (the address the
   * request came from) wait before its next try at this account — the device's growing wait — while
   * every other client keeps its own count: a stranger guessing cannot lock the manager out.
   */
  async signIn(
    staffNo: string,
    pin: string,
    client = 'local',
  ): Promise<Result<{ token: string; account: Account }, SignInRefusal>> {
    const row = StaffNumberSchema.safeParse(staffNo).success
      ? await this.accountRow(staffNo)
      : undefined;
    const [wait] = row
      ? await this.db.query<{ failures: number; retry_at: number }>(
          'SELECT failures, retry_at FROM sign_in_waits WHERE staff_no = $1 AND client = $2',
          [row.staff_no, client],
        )
      : [];
    if (wait && wait.retry_at > this.now()) return err({ kind: 'wait', retryAt: wait.retry_at });
    this.decoy ??= hashPin('decoy', '000000', this.iterations);
    const credential = row?.credential ?? (await this.decoy);
    const matches = await verifyPin(credential, pin, this.iterations);
    if (!row || !matches) {
      if (row) {
        const failures = (wait?.failures ?? 0) + 1;
        const waitMs = waitAfterFailures(failures);
        await this.db.query(
          `INSERT INTO sign_in_waits (staff_no, client, failures, retry_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (staff_no, client) DO UPDATE SET failures = $3, retry_at = $4`,
          [row.staff_no, client, failures, waitMs > 0 ? this.now() + waitMs : 0],
        );
      }
      return err({ kind: 'wrong-pin' });
    }
    if (!row.enabled) return err({ kind: 'disabled' });
    await this.db.query('DELETE FROM sign_in_waits WHERE staff_no = $1 AND client = $2', [
      row.staff_no,
      client,
    ]);
    const token = toHex(globalThis.crypto.getRandomValues(new Uint8Array(32)));
    await this.db.query(
      'INSERT INTO sessions (token_hash, staff_no, expires_at) VALUES ($1, $2, $3)',
      [await sha256Hex(token), row.staff_no, this.now() + SESSION_MS],
    );
    return ok({ token, account: account(row) });
  }

  async session(token: string | undefined): Promise<Account | null> {
    if (!token || !/^[0-9a-f]{64}$/.test(token)) return null;
    const [row] = await this.db.query<AccountRow>(
      `SELECT a.staff_no, a.role, a.credential, a.enabled, a.must_change, a.failures, a.retry_at
       FROM sessions s JOIN accounts a ON a.staff_no = s.staff_no
       WHERE s.token_hash = $1 AND s.expires_at > $2`,
      [await sha256Hex(token), this.now()],
    );
    return row?.enabled ? account(row) : null;
  }

  async signOut(token: string | undefined): Promise<void> {
    if (token)
      await this.db.query('DELETE FROM sessions WHERE token_hash = $1', [await sha256Hex(token)]);
  }

  async changeOwnPin(
    staffNo: string,
    input: { current: string; pin: string; confirmation: string },
  ): Promise<Result<null, AccountRefusal>> {
    const row = await this.accountRow(staffNo);
    if (!row) return err('unknown-account');
    if (!(await verifyPin(row.credential, input.current, this.iterations))) return err('wrong-pin');
    const refusal = checkNewPin(input.pin, input.confirmation);
    if (refusal) return err(refusal);
    const credential = await hashPin(staffNo, input.pin, this.iterations);
    await this.db.query(
      'UPDATE accounts SET credential = $2, must_change = false WHERE staff_no = $1',
      [staffNo, JSON.stringify(credential)],
    );
    return ok(null);
  }

  async createAccount(
    by: Account,
    input: { staffNo: string; role: string; pin: string; confirmation: string },
  ): Promise<Result<null, AccountRefusal>> {
    if (!hubCan(by.role, 'administer')) return err('not-allowed');
    if (!StaffNumberSchema.safeParse(input.staffNo).success) return err('staff-number');
    const role = HubRoleSchema.safeParse(input.role);
    if (!role.success) return err('not-allowed');
    const refusal = checkNewPin(input.pin, input.confirmation);
    if (refusal) return err(refusal);
    if (await this.accountRow(input.staffNo)) return err('exists');
    const credential = await hashPin(input.staffNo, input.pin, this.iterations);
    await this.db.query(
      'INSERT INTO accounts (staff_no, role, credential, must_change, created_by) VALUES ($1, $2, $3, true, $4)',
      [input.staffNo, role.data, JSON.stringify(credential), by.staffNo],
    );
    return ok(null);
  }

  async resetPin(
    by: Account,
    input: { subject: string; pin: string; confirmation: string },
  ): Promise<Result<null, AccountRefusal>> {
    if (!hubCan(by.role, 'administer')) return err('not-allowed');
    if (!(await this.accountRow(input.subject))) return err('unknown-account');
    const refusal = checkNewPin(input.pin, input.confirmation);
    if (refusal) return err(refusal);
    const credential = await hashPin(input.subject, input.pin, this.iterations);
    // A manager's reset also ends the wait, as on the device.
    await this.db.query(
      'UPDATE accounts SET credential = $2, must_change = true, failures = 0, retry_at = 0 WHERE staff_no = $1',
      [input.subject, JSON.stringify(credential)],
    );
    await this.db.query('DELETE FROM sessions WHERE staff_no = $1', [input.subject]);
    await this.db.query('DELETE FROM sign_in_waits WHERE staff_no = $1', [input.subject]);
    return ok(null);
  }

  async setEnabled(
    by: Account,
    subject: string,
    enabled: boolean,
  ): Promise<Result<null, AccountRefusal>> {
    if (!hubCan(by.role, 'administer')) return err('not-allowed');
    if (subject === by.staffNo) return err('own-account');
    if (!(await this.accountRow(subject))) return err('unknown-account');
    await this.db.query('UPDATE accounts SET enabled = $2 WHERE staff_no = $1', [subject, enabled]);
    if (!enabled) await this.db.query('DELETE FROM sessions WHERE staff_no = $1', [subject]);
    return ok(null);
  }
}

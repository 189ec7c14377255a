/**
 * Accounts, PINs, sign-in, the screen lock and settings. Every change and every failed attempt is
 * an event in the hash-chained log; PIN hashes go to the `credentials` table and never leave this
 * module (nothing here returns or logs one). Each method checks the caller's role itself.
 */
import { CounterSchema, StaffNumberSchema } from '../domain/catalog';
import { decide } from '../domain/engine';
import type { DomainEvent } from '../domain/events';
import { can, type Action, type Role } from '../domain/permissions';
import {
  FAILURES_BEFORE_WAIT,
  PBKDF2_ITERATIONS,
  checkNewPin,
  hashPin,
  verifyPin,
  waitAfterFailures,
  type Credential,
  type PinRefusal,
} from '../domain/pin';
import type { ShiftSummary } from '../domain/shift-summary';
import { summarizeShift } from '../domain/shift-summary';
import type { EventLog } from './event-log';
import type { ServiceRepository } from './service-repository';
import {
  readAccounts,
  readDevice,
  readSession,
  readSettings,
  type Account,
  type Device,
  type Session,
  type Settings,
} from './session-state';

export type AuthRefusalCode =
  | PinRefusal
  | 'device-already-set-up'
  | 'invalid-counter'
  | 'invalid-staff-number'
  | 'wrong-pin'
  | 'waiting'
  | 'account-disabled'
  | 'not-signed-in'
  | 'not-locked'
  | 'screen-locked'
  | 'forbidden'
  | 'account-exists'
  | 'no-such-account'
  | 'cannot-disable-self'
  | 'service-open'
  | 'invalid-idle-minutes'
  | 'pin-change-required'
  | 'same-pin';

export interface AuthRefusal {
  code: AuthRefusalCode;
  /** For `wrong-pin`: tries left before the account has to wait. */
  attemptsLeft?: number;
  /** For `waiting`: when the next try is accepted (epoch ms). */
  retryAt?: number;
}

export type AuthResult<T> = { ok: true; value: T } | { ok: false; refusal: AuthRefusal };

const ok = <T>(value: T): AuthResult<T> => ({ ok: true, value });
const no = <T>(code: AuthRefusalCode, extra: Omit<AuthRefusal, 'code'> = {}): AuthResult<T> => ({
  ok: false,
  refusal: { code, ...extra },
});

type During = 'sign-in' | 'unlock' | 'pin-change';

export class AuthRepository {
  /** Verified against when a staff number is unknown, so the answer takes as long either way. */
  private decoy: Promise<Credential> | null = null;

  constructor(
    private readonly log: EventLog,
    private readonly services: ServiceRepository,
    private readonly iterations: number = PBKDF2_ITERATIONS,
  ) {}

  session(): Promise<Session | null> {
    return readSession(this.log);
  }

  device(): Promise<Device | null> {
    return readDevice(this.log);
  }

  settings(): Promise<Settings> {
    return readSettings(this.log);
  }

  async accounts(): Promise<Account[]> {
    return [...(await readAccounts(this.log)).values()].sort((a, b) =>
      a.staffNo.localeCompare(b.staffNo),
    );
  }

  /** First run: the device's counter and the store's first manager, who is then signed in. */
  firstRun(input: {
    counter: string;
    staffNo: string;
    pin: string;
    confirmation: string;
  }): Promise<AuthResult<Session>> {
    return this.log.exclusive(async () => {
      if ((await readDevice(this.log)) || (await readAccounts(this.log)).size > 0) {
        return no('device-already-set-up');
      }
      const counter = input.counter.trim();
      const staffNo = input.staffNo.trim();
      if (!CounterSchema.safeParse(counter).success) return no('invalid-counter');
      if (!StaffNumberSchema.safeParse(staffNo).success) return no('invalid-staff-number');
      const pinProblem = checkNewPin(input.pin, input.confirmation);
      if (pinProblem) return no(pinProblem);
      const credential = await hashPin(staffNo, input.pin, this.iterations);
      await this.log.appendHeld(
        { staffNo, counter, serviceId: null },
        [
          { type: 'device-set-up', counter },
          { type: 'account-created', subject: staffNo, role: 'manager' },
          { type: 'pin-set', subject: staffNo, reason: 'created' },
          { type: 'signed-in', role: 'manager', replaced: null },
        ],
        credential,
      );
      return ok((await readSession(this.log)) as Session);
    });
  }

  /** Signs in; whoever was signed in on this device before (a locked screen) is replaced. */
  signIn(staffNoInput: string, pin: string): Promise<AuthResult<Session>> {
    return this.log.exclusive(async () => {
      const staffNo = staffNoInput.trim();
      if (!StaffNumberSchema.safeParse(staffNo).success) return no('invalid-staff-number');
      const device = await readDevice(this.log);
      if (!device) return no('not-signed-in');
      const checked = await this.checkPin(staffNo, pin, 'sign-in', device.counter);
      if (!checked.ok) return checked;
      const current = await readSession(this.log);
      await this.log.appendHeld({ staffNo, counter: device.counter, serviceId: null }, [
        {
          type: 'signed-in',
          role: checked.value.role,
          replaced: current && current.staffNo !== staffNo ? current.staffNo : null,
        },
      ]);
      return ok((await readSession(this.log)) as Session);
    });
  }

  /** Locks the screen; the session and any open service stay exactly as they are. */
  lock(reason: 'idle' | 'manual'): Promise<AuthResult<null>> {
    return this.log.exclusive(async () => {
      const session = await readSession(this.log);
      if (!session) return no('not-signed-in');
      if (session.locked) return ok(null);
      await this.log.appendHeld(
        { staffNo: session.staffNo, counter: session.counter, serviceId: null },
        [{ type: 'screen-locked', reason }],
      );
      return ok(null);
    });
  }

  /**
   * Unlocks with the signed-in person's PIN or a manager's. If the clerk had left the seat, coming
   * back is recorded with the unlock (step 14, with the absence), as one action.
   */
  unlock(staffNoInput: string, pin: string): Promise<AuthResult<null>> {
    return this.log.exclusive(async () => {
      const session = await readSession(this.log);
      if (!session) return no('not-signed-in');
      if (!session.locked) return no('not-locked');
      const staffNo = staffNoInput.trim() || session.staffNo;
      if (!StaffNumberSchema.safeParse(staffNo).success) return no('invalid-staff-number');
      const self = staffNo === session.staffNo;
      const checked = await this.checkPin(staffNo, pin, 'unlock', session.counter);
      if (!checked.ok) return checked;
      if (!self && !can(checked.value.role, 'unlock-for-others')) {
        await this.recordFailure(staffNo, session.counter, 'not-allowed', 'unlock', 0);
        return no('forbidden');
      }
      const { service } = await this.services.latest();
      const open = service?.outcome === 'open' ? service : null;
      const events: DomainEvent[] = [{ type: 'screen-unlocked', as: self ? 'self' : 'manager' }];
      if (open?.awaySince != null) {
        const back = decide(
          open,
          { type: 'return-to-seat' },
          this.services.decideContext(this.log.now),
        );
        if (back.ok) events.push(...back.value);
      }
      await this.log.appendHeld(
        { staffNo, counter: session.counter, serviceId: open?.serviceId ?? null },
        events,
      );
      return ok(null);
    });
  }

  /** Signs out (签退) and returns the shift's summary, which the event also keeps. */
  signOut(): Promise<AuthResult<ShiftSummary>> {
    return this.log.exclusive(async () => {
      const session = await this.activeSession({ evenBeforePinChange: true });
      if (!session.ok) return session;
      const { service } = await this.services.latest();
      if (service?.outcome === 'open') return no('service-open');
      const summary = await this.shiftSummary(session.value);
      await this.log.appendHeld(
        { staffNo: session.value.staffNo, counter: session.value.counter, serviceId: null },
        [{ type: 'signed-out', summary }],
      );
      return ok(summary);
    });
  }

  async shiftSummary(session: Session): Promise<ShiftSummary> {
    const { records } = await this.log.after(session.signedInSeq);
    const own = new Set(
      records
        .filter(
          (record) => record.event.type === 'service-started' && record.staffNo === session.staffNo,
        )
        .map((record) => record.serviceId),
    );
    return summarizeShift(
      records.map((record) => ({
        serviceId: record.serviceId,
        atMs: Date.parse(record.at),
        event: record.event,
      })),
      (serviceId) => own.has(serviceId),
    );
  }

  changeOwnPin(currentPin: string, pin: string, confirmation: string): Promise<AuthResult<null>> {
    return this.log.exclusive(async () => {
      const session = await this.activeSession({ evenBeforePinChange: true });
      if (!session.ok) return session;
      const { staffNo, counter } = session.value;
      const checked = await this.checkPin(staffNo, currentPin, 'pin-change', counter);
      if (!checked.ok) return checked;
      const pinProblem = checkNewPin(pin, confirmation);
      if (pinProblem) return no(pinProblem);
      if (pin === currentPin) return no('same-pin');
      await this.log.appendHeld(
        { staffNo, counter, serviceId: null },
        [{ type: 'pin-set', subject: staffNo, reason: 'changed' }],
        await hashPin(staffNo, pin, this.iterations),
      );
      return ok(null);
    });
  }

  createAccount(input: {
    staffNo: string;
    role: Role;
    pin: string;
    confirmation: string;
  }): Promise<AuthResult<null>> {
    return this.asManager('manage-accounts', async (session) => {
      const subject = input.staffNo.trim();
      if (!StaffNumberSchema.safeParse(subject).success) return no('invalid-staff-number');
      if ((await readAccounts(this.log)).has(subject)) return no('account-exists');
      const pinProblem = checkNewPin(input.pin, input.confirmation);
      if (pinProblem) return no(pinProblem);
      await this.log.appendHeld(
        { staffNo: session.staffNo, counter: session.counter, serviceId: null },
        [
          { type: 'account-created', subject, role: input.role },
          { type: 'pin-set', subject, reason: 'created' },
        ],
        await hashPin(subject, input.pin, this.iterations),
      );
      return ok(null);
    });
  }

  /** A manager sets a new PIN for someone who forgot theirs; it also ends any wait. */
  resetPin(subject: string, pin: string, confirmation: string): Promise<AuthResult<null>> {
    return this.asManager('manage-accounts', async (session) => {
      if (!(await readAccounts(this.log)).has(subject)) return no('no-such-account');
      const pinProblem = checkNewPin(pin, confirmation);
      if (pinProblem) return no(pinProblem);
      await this.log.appendHeld(
        { staffNo: session.staffNo, counter: session.counter, serviceId: null },
        [{ type: 'pin-set', subject, reason: 'reset' }],
        await hashPin(subject, pin, this.iterations),
      );
      return ok(null);
    });
  }

  setAccountEnabled(subject: string, enabled: boolean): Promise<AuthResult<null>> {
    return this.asManager('manage-accounts', async (session) => {
      const account = (await readAccounts(this.log)).get(subject);
      if (!account) return no('no-such-account');
      if (subject === session.staffNo) return no('cannot-disable-self');
      if (account.enabled === enabled) return ok(null);
      await this.log.appendHeld(
        { staffNo: session.staffNo, counter: session.counter, serviceId: null },
        [{ type: enabled ? 'account-enabled' : 'account-disabled', subject }],
      );
      return ok(null);
    });
  }

  setIdleLockMinutes(minutes: number): Promise<AuthResult<null>> {
    return this.asManager('change-config', async (session) => {
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > 60)
        return no('invalid-idle-minutes');
      await this.log.appendHeld(
        { staffNo: session.staffNo, counter: session.counter, serviceId: null },
        [{ type: 'config-changed', idleLockMinutes: minutes }],
      );
      return ok(null);
    });
  }

  /** How many wrong PINs in a row this staff number has, and until when it must wait. */
  async failureState(staffNo: string): Promise<{ failuresInARow: number; retryAt: number }> {
    const [signedIn, unlocked, resets] = await Promise.all([
      this.log.byStaffAndType(staffNo, 'signed-in'),
      this.log.byStaffAndType(staffNo, 'screen-unlocked'),
      this.log.ofTypes(['pin-set']),
    ]);
    const lastSuccess = Math.max(
      0,
      ...signedIn.records.map((record) => record.seq),
      ...unlocked.records.map((record) => record.seq),
      ...resets.records
        .filter(
          (record) =>
            record.event.type === 'pin-set' &&
            record.event.subject === staffNo &&
            record.event.reason === 'reset',
        )
        .map((record) => record.seq),
    );
    const failures = (
      await this.log.byStaffAndType(staffNo, 'sign-in-failed', lastSuccess)
    ).records.filter(
      (record) =>
        record.event.type === 'sign-in-failed' &&
        (record.event.reason === 'wrong-pin' || record.event.reason === 'unknown-account'),
    );
    const last = failures.at(-1);
    const failuresInARow = failures.length;
    const retryAt = last ? Date.parse(last.at) + waitAfterFailures(failuresInARow) : 0;
    return { failuresInARow, retryAt };
  }

  // -------------------------------------------------------------------------------------------

  private async activeSession(
    options: { evenBeforePinChange?: boolean } = {},
  ): Promise<AuthResult<Session>> {
    const session = await readSession(this.log);
    if (!session) return no('not-signed-in');
    if (session.locked) return no('screen-locked');
    if (session.mustChangePin && !options.evenBeforePinChange) return no('pin-change-required');
    return ok(session);
  }

  private asManager<T>(
    action: Action,
    work: (session: Session) => Promise<AuthResult<T>>,
  ): Promise<AuthResult<T>> {
    return this.log.exclusive(async () => {
      const session = await this.activeSession();
      if (!session.ok) return session;
      if (!can(session.value.role, action)) return no('forbidden');
      return work(session.value);
    });
  }

  /** Checks a PIN with the wait rules; every failure, and every lock-out, is logged. */
  private async checkPin(
    staffNo: string,
    pin: string,
    during: During,
    counter: string,
  ): Promise<AuthResult<Account>> {
    const { failuresInARow, retryAt } = await this.failureState(staffNo);
    const now = this.log.now;
    if (retryAt > now) {
      await this.recordFailure(staffNo, counter, 'waiting', during, failuresInARow);
      return no('waiting', { retryAt });
    }
    const account = (await readAccounts(this.log)).get(staffNo);
    const credential = account ? await this.log.credential(staffNo) : null;
    const matches = credential
      ? await verifyPin(credential, pin)
      : await verifyPin(await this.decoyCredential(), pin).then(() => false);
    if (account && !account.enabled && matches) {
      await this.recordFailure(staffNo, counter, 'account-disabled', during, failuresInARow);
      return no('account-disabled');
    }
    if (!account || !matches) {
      const failures = failuresInARow + 1;
      await this.recordFailure(
        staffNo,
        counter,
        account ? 'wrong-pin' : 'unknown-account',
        during,
        failures,
      );
      const wait = waitAfterFailures(failures);
      if (wait > 0) return no('waiting', { retryAt: now + wait });
      return no('wrong-pin', { attemptsLeft: FAILURES_BEFORE_WAIT - failures });
    }
    return ok(account);
  }

  private async recordFailure(
    subject: string,
    counter: string,
    reason: Extract<DomainEvent, { type: 'sign-in-failed' }>['reason'],
    during: During,
    failuresInARow: number,
  ): Promise<void> {
    const events: DomainEvent[] = [
      { type: 'sign-in-failed', subject, reason, during, failuresInARow },
    ];
    const wait =
      reason === 'wrong-pin' || reason === 'unknown-account'
        ? waitAfterFailures(failuresInARow)
        : 0;
    if (wait > 0)
      events.push({ type: 'account-locked-out', subject, failuresInARow, waitMs: wait });
    await this.log.appendHeld({ staffNo: subject, counter, serviceId: null }, events);
  }

  private decoyCredential(): Promise<Credential> {
    this.decoy ??= hashPin('decoy', globalThis.crypto.randomUUID(), this.iterations);
    return this.decoy;
  }
}

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CounterStepsDb } from '../../../../renderer/storage/db';
import {
  AUDITOR,
  CLERK,
  MANAGER,
  PLAIN_ALWAYS_STEPS,
  staffedDevice,
  startCommand,
  testDevice,
} from '../../helpers/builders';

const types = async (device: { repos: { log: { readAll(): Promise<unknown[]> } } }) =>
  ((await device.repos.log.readAll()) as { event: { type: string } }[]).map(
    (row) => row.event.type,
  );

describe('first run', () => {
  it('has no accounts and nobody signed in on a new device: no default credentials', async () => {
    const { repos } = testDevice();
    expect(await repos.auth.accounts()).toEqual([]);
    expect(await repos.auth.session()).toBeNull();
    expect(await repos.auth.signIn('admin', '000000')).toMatchObject({ ok: false });
  });

  it('creates the counter and the first manager, who is then signed in, as one chained action', async () => {
    const device = testDevice();
    const result = await device.repos.auth.firstRun({
      counter: '3',
      staffNo: '9001',
      pin: '246810',
      confirmation: '246810',
    });
    expect(result).toMatchObject({
      ok: true,
      value: { staffNo: '9001', role: 'manager', counter: '3', locked: null },
    });
    expect(await types(device)).toEqual([
      'device-set-up',
      'account-created',
      'pin-set',
      'signed-in',
    ]);
    expect(await device.repos.log.verify()).toMatchObject({ intact: true });
  });

  it('refuses a second first run, and a weak or mistyped PIN', async () => {
    const { repos } = testDevice();
    expect(
      await repos.auth.firstRun({
        counter: '3',
        staffNo: '9001',
        pin: '123456',
        confirmation: '123456',
      }),
    ).toMatchObject({
      refusal: { code: 'pin-too-simple' },
    });
    expect(
      await repos.auth.firstRun({
        counter: '3',
        staffNo: '9001',
        pin: '246810',
        confirmation: '246811',
      }),
    ).toMatchObject({
      refusal: { code: 'pins-differ' },
    });
    expect(
      await repos.auth.firstRun({
        counter: '',
        staffNo: '9001',
        pin: '246810',
        confirmation: '246810',
      }),
    ).toMatchObject({
      refusal: { code: 'invalid-counter' },
    });
    await repos.auth.firstRun({
      counter: '3',
      staffNo: '9001',
      pin: '246810',
      confirmation: '246810',
    });
    expect(
      await repos.auth.firstRun({
        counter: '4',
        staffNo: '9002',
        pin: '246810',
        confirmation: '246810',
      }),
    ).toMatchObject({
      refusal: { code: 'device-already-set-up' },
    });
  });
});

describe('PINs at rest', () => {
  it('keeps PIN hashes out of the log and never returns them', async () => {
    const device = await staffedDevice();
    const log = JSON.stringify(await device.repos.log.readAll());
    const raw = new CounterStepsDb(device.name);
    const credentials = (await raw.credentials.toArray()) as {
      hash: string;
      salt: string;
      iterations: number;
    }[];
    raw.close();
    // The manager's, two first PINs set by the manager, and the two PINs their owners chose.
    expect(credentials).toHaveLength(5);
    for (const credential of credentials) {
      expect(log).not.toContain(credential.hash);
      expect(credential.salt).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(JSON.stringify(await device.repos.auth.accounts())).not.toMatch(/hash|salt/);
    expect(log).not.toContain(CLERK.pin);
  });
});

describe('signing in', () => {
  it('signs a clerk in with the right PIN', async () => {
    const { repos } = await staffedDevice();
    expect(await repos.auth.session()).toMatchObject({
      staffNo: CLERK.staffNo,
      role: 'clerk',
      locked: null,
    });
  });

  it('logs each wrong PIN, says how many tries are left, and makes the fifth wait 30 s', async () => {
    const device = await staffedDevice();
    const { auth } = device.repos;
    const answers = [];
    for (let attempt = 0; attempt < 5; attempt += 1)
      answers.push(await auth.signIn(MANAGER.staffNo, '999999'));
    expect(answers.slice(0, 4).map((answer) => !answer.ok && answer.refusal)).toEqual([
      { code: 'wrong-pin', attemptsLeft: 4 },
      { code: 'wrong-pin', attemptsLeft: 3 },
      { code: 'wrong-pin', attemptsLeft: 2 },
      { code: 'wrong-pin', attemptsLeft: 1 },
    ]);
    expect(answers[4]).toMatchObject({
      ok: false,
      refusal: { code: 'waiting', retryAt: device.clock.now + 30_000 },
    });
    const logged = await types(device);
    expect(logged.filter((type) => type === 'sign-in-failed')).toHaveLength(5);
    expect(logged.filter((type) => type === 'account-locked-out')).toHaveLength(1);
  });

  it('keeps the wait across a reload, refuses even the right PIN meanwhile, then waits longer after the next failure', async () => {
    const device = await staffedDevice();
    for (let attempt = 0; attempt < 5; attempt += 1)
      await device.repos.auth.signIn(MANAGER.staffNo, '999999');
    const reloaded = device.reopen();
    device.clock.now += 10_000;
    expect(await reloaded.auth.signIn(MANAGER.staffNo, MANAGER.pin)).toMatchObject({
      refusal: { code: 'waiting' },
    });
    device.clock.now += 21_000;
    expect(await reloaded.auth.signIn(MANAGER.staffNo, '999999')).toMatchObject({
      refusal: { code: 'waiting', retryAt: device.clock.now + 60_000 },
    });
    device.clock.now += 61_000;
    expect(await reloaded.auth.signIn(MANAGER.staffNo, MANAGER.pin)).toMatchObject({ ok: true });
    // A success starts the count again.
    expect(await reloaded.auth.failureState(MANAGER.staffNo)).toEqual({
      failuresInARow: 0,
      retryAt: 0,
    });
  });

  it('answers an unknown staff number like a wrong PIN, and logs it', async () => {
    const device = await staffedDevice();
    expect(await device.repos.auth.signIn('5555', '246810')).toMatchObject({
      refusal: { code: 'wrong-pin' },
    });
    const rows = (await device.repos.log.readAll()) as {
      event: { type: string; reason?: string };
    }[];
    expect(rows.at(-1)!.event).toMatchObject({ type: 'sign-in-failed', reason: 'unknown-account' });
  });

  it('refuses a disabled account, and lets it in again once enabled', async () => {
    const device = await staffedDevice();
    const { auth } = device.repos;
    await auth.signIn(MANAGER.staffNo, MANAGER.pin);
    expect(await auth.setAccountEnabled(CLERK.staffNo, false)).toMatchObject({ ok: true });
    expect(await auth.signIn(CLERK.staffNo, CLERK.pin)).toMatchObject({
      refusal: { code: 'account-disabled' },
    });
    await auth.signIn(MANAGER.staffNo, MANAGER.pin);
    await auth.setAccountEnabled(CLERK.staffNo, true);
    expect(await auth.signIn(CLERK.staffNo, CLERK.pin)).toMatchObject({ ok: true });
  });

  it('records who was replaced when someone else signs in on the same device', async () => {
    const device = await staffedDevice();
    await device.repos.auth.signIn(MANAGER.staffNo, MANAGER.pin);
    const rows = (await device.repos.log.readAll()) as {
      staffNo: string;
      event: Record<string, unknown>;
    }[];
    expect(rows.at(-1)).toMatchObject({
      staffNo: MANAGER.staffNo,
      event: { type: 'signed-in', role: 'manager', replaced: CLERK.staffNo },
    });
  });
});

describe('roles, enforced in storage', () => {
  it('refuses services and configuration to an auditor, and writes nothing', async () => {
    const device = await staffedDevice();
    const { auth, services } = device.repos;
    await auth.signIn(AUDITOR.staffNo, AUDITOR.pin);
    const before = (await device.repos.log.readAll()).length;
    expect(await services.execute(startCommand())).toEqual({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    expect(await auth.setIdleLockMinutes(5)).toMatchObject({ refusal: { code: 'forbidden' } });
    expect(
      await auth.createAccount({
        staffNo: '1234',
        role: 'clerk',
        pin: '246813',
        confirmation: '246813',
      }),
    ).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    expect(await auth.resetPin(CLERK.staffNo, '246813', '246813')).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    expect((await device.repos.log.readAll()).length).toBe(before);
    expect(await device.repos.audit.verify()).toMatchObject({
      ok: true,
      verdict: { intact: true },
    });
  });

  it('refuses account changes to a clerk, and log verification too', async () => {
    const { repos } = await staffedDevice();
    expect(await repos.auth.setAccountEnabled(MANAGER.staffNo, false)).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    expect(await repos.audit.verify()).toEqual({ ok: false, refusal: 'forbidden' });
  });

  it('refuses everything to nobody, and to a locked screen', async () => {
    const device = await staffedDevice();
    await device.repos.auth.lock('manual');
    expect(await device.repos.services.execute(startCommand())).toEqual({
      ok: false,
      refusal: { code: 'screen-locked' },
    });
    const fresh = testDevice();
    expect(await fresh.repos.services.execute(startCommand())).toEqual({
      ok: false,
      refusal: { code: 'not-signed-in' },
    });
  });

  it('lets a manager reset a clerk’s PIN, which also ends a wait', async () => {
    const device = await staffedDevice();
    const { auth } = device.repos;
    for (let attempt = 0; attempt < 5; attempt += 1) await auth.signIn(CLERK.staffNo, '999999');
    await auth.signIn(MANAGER.staffNo, MANAGER.pin);
    expect(await auth.resetPin(CLERK.staffNo, '802468', '802468')).toMatchObject({ ok: true });
    expect(await auth.signIn(CLERK.staffNo, CLERK.pin)).toMatchObject({
      refusal: { code: 'wrong-pin' },
    });
    expect(await auth.signIn(CLERK.staffNo, '802468')).toMatchObject({ ok: true });
    // The clerk is signed in now, with a PIN the manager knows: first their own PIN, and even then
    // resetting PINs is not theirs to do.
    expect(await auth.resetPin(MANAGER.staffNo, '802468', '802468')).toMatchObject({
      refusal: { code: 'pin-change-required' },
    });
    await auth.changeOwnPin('802468', '314159', '314159');
    expect(await auth.resetPin(MANAGER.staffNo, '802468', '802468')).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    await auth.signIn(MANAGER.staffNo, MANAGER.pin);
    expect(await auth.resetPin('4444', '802468', '802468')).toMatchObject({
      refusal: { code: 'no-such-account' },
    });
  });

  it('does not let a manager disable their own account or create a duplicate', async () => {
    const device = await staffedDevice();
    const { auth } = device.repos;
    await auth.signIn(MANAGER.staffNo, MANAGER.pin);
    expect(await auth.setAccountEnabled(MANAGER.staffNo, false)).toMatchObject({
      refusal: { code: 'cannot-disable-self' },
    });
    expect(
      await auth.createAccount({
        staffNo: CLERK.staffNo,
        role: 'clerk',
        pin: '246813',
        confirmation: '246813',
      }),
    ).toMatchObject({
      refusal: { code: 'account-exists' },
    });
    expect(await auth.setIdleLockMinutes(0)).toMatchObject({
      refusal: { code: 'invalid-idle-minutes' },
    });
    expect(await auth.setIdleLockMinutes(5)).toMatchObject({ ok: true });
    expect(await auth.settings()).toEqual({ idleLockMinutes: 5 });
  });
});

describe('the screen lock', () => {
  it('locks and unlocks with the clerk’s own PIN; an open service is untouched', async () => {
    const device = await staffedDevice();
    const { auth, services } = device.repos;
    await services.execute(startCommand());
    await services.execute({ type: 'mark-done', stepId: 'stand-to-greet' });
    const before = (await services.latest()).service;
    await auth.lock('idle');
    expect((await auth.session())?.locked).toMatchObject({ reason: 'idle' });
    expect(await auth.unlock(CLERK.staffNo, '999999')).toMatchObject({
      refusal: { code: 'wrong-pin' },
    });
    expect(await auth.unlock(CLERK.staffNo, CLERK.pin)).toMatchObject({ ok: true });
    expect((await auth.session())?.locked).toBeNull();
    expect((await services.latest()).service).toEqual(before);
  });

  it('lets a manager unlock for the clerk, but not another clerk or an auditor', async () => {
    const device = await staffedDevice();
    const { auth } = device.repos;
    await auth.lock('manual');
    expect(await auth.unlock(AUDITOR.staffNo, AUDITOR.pin)).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    expect(await auth.unlock(MANAGER.staffNo, MANAGER.pin)).toMatchObject({ ok: true });
    const rows = (await device.repos.log.readAll()) as {
      staffNo: string;
      event: Record<string, unknown>;
    }[];
    expect(rows.at(-1)).toMatchObject({
      staffNo: MANAGER.staffNo,
      event: { type: 'screen-unlocked', as: 'manager' },
    });
    expect((await auth.session())?.staffNo).toBe(CLERK.staffNo);
  });

  it('locks when the clerk leaves the seat, and unlocking records the return with the absence', async () => {
    const device = await staffedDevice();
    const { auth, services } = device.repos;
    await services.execute(startCommand());
    await services.execute({ type: 'leave-seat' });
    expect((await auth.session())?.locked).toMatchObject({ reason: 'leave-seat' });
    device.clock.now += 42_000;
    await auth.unlock(CLERK.staffNo, CLERK.pin);
    const service = (await services.latest()).service!;
    expect(service.awaySince).toBeNull();
    expect(service.steps['thank-returning'].status).toBe('done');
    const rows = (await device.repos.log.readAll()) as { event: Record<string, unknown> }[];
    expect(rows.slice(-2).map((row) => row.event)).toEqual([
      { type: 'screen-unlocked', as: 'self' },
      { type: 'seat-returned', absenceMs: 42_000 },
    ]);
  });
});

describe('signing out', () => {
  it('refuses while a service is open', async () => {
    const { repos } = await staffedDevice();
    await repos.services.execute(startCommand());
    expect(await repos.auth.signOut()).toMatchObject({ refusal: { code: 'service-open' } });
  });

  it('sums up the shift: services, steps kept over steps that applied, average time, skips', async () => {
    const device = await staffedDevice();
    const { auth, services } = device.repos;
    // One full service of 120 s with one skip…
    await services.execute(startCommand());
    for (const stepId of PLAIN_ALWAYS_STEPS.filter((id) => id !== 'invite-to-sit')) {
      await services.execute({ type: 'mark-done', stepId });
    }
    await services.execute({
      type: 'skip',
      stepId: 'invite-to-sit',
      reason: 'customer-in-hurry',
      note: '',
    });
    await services.execute({ type: 'recommend', offer: 'broadband', response: 'declined' });
    device.clock.now += 120_000;
    await services.execute({ type: 'call-next', nextTicket: 'A026' });
    // …and one the customer walked away from after one step.
    await services.execute(startCommand({ ticket: 'A026' }));
    await services.execute({ type: 'mark-done', stepId: 'stand-to-greet' });
    await services.execute({ type: 'abandon', reason: 'customer-left' });

    const result = await auth.signOut();
    expect(result).toEqual({
      ok: true,
      value: {
        services: 2,
        finished: 1,
        abandoned: 1,
        // Service 1: 11 applicable (17 − 6 not applicable), 10 done; service 2: 17 applicable, 1 done.
        stepsDone: 11,
        stepsApplicable: 28,
        averageMs: 120_000,
        skips: 1,
        skipReasons: { 'customer-in-hurry': 1 },
      },
    });
    expect(await auth.session()).toBeNull();
    expect((await types(device)).at(-1)).toBe('signed-out');
  });
});

describe('a PIN a manager set', () => {
  it('must be replaced by its owner before anything else; signing out stays possible', async () => {
    const device = await staffedDevice();
    const { auth, services, audit } = device.repos;
    await auth.signIn(MANAGER.staffNo, MANAGER.pin);
    await auth.resetPin(CLERK.staffNo, '802468', '802468');
    await auth.signIn(CLERK.staffNo, '802468');
    expect(await auth.session()).toMatchObject({ mustChangePin: true });
    expect(await services.execute(startCommand())).toEqual({
      ok: false,
      refusal: { code: 'pin-change-required' },
    });
    expect(await audit.verify()).toMatchObject({ ok: false });
    expect(await auth.changeOwnPin('802468', '802468', '802468')).toMatchObject({
      refusal: { code: 'same-pin' },
    });
    expect(await auth.changeOwnPin('802468', '314159', '314159')).toMatchObject({ ok: true });
    expect(await auth.session()).toMatchObject({ mustChangePin: false });
    expect(await services.execute(startCommand())).toMatchObject({ ok: true });
  });

  it('is not asked of the first manager, who chose their own at first run', async () => {
    const { repos } = testDevice();
    await repos.auth.firstRun({
      counter: '3',
      staffNo: '9001',
      pin: '246810',
      confirmation: '246810',
    });
    expect(await repos.auth.session()).toMatchObject({ mustChangePin: false });
  });

  it('can be left by signing out', async () => {
    const device = await staffedDevice();
    const { auth } = device.repos;
    await auth.signIn(MANAGER.staffNo, MANAGER.pin);
    await auth.resetPin(CLERK.staffNo, '802468', '802468');
    await auth.signIn(CLERK.staffNo, '802468');
    expect(await auth.signOut()).toMatchObject({ ok: true });
  });
});

describe('changing one’s own PIN', () => {
  it('needs the current PIN and a valid new one', async () => {
    const { repos } = await staffedDevice();
    expect(await repos.auth.changeOwnPin('999999', '802468', '802468')).toMatchObject({
      refusal: { code: 'wrong-pin' },
    });
    expect(await repos.auth.changeOwnPin(CLERK.pin, '111111', '111111')).toMatchObject({
      refusal: { code: 'pin-too-simple' },
    });
    expect(await repos.auth.changeOwnPin(CLERK.pin, '802468', '802468')).toMatchObject({
      ok: true,
    });
    await repos.auth.lock('manual');
    expect(await repos.auth.unlock(CLERK.staffNo, CLERK.pin)).toMatchObject({
      refusal: { code: 'wrong-pin' },
    });
    expect(await repos.auth.unlock(CLERK.staffNo, '802468')).toMatchObject({ ok: true });
  });
});

describe('a full disk', () => {
  it('reports storage-full and leaves everything already stored as it was', async () => {
    const device = await staffedDevice();
    const { services, log } = device.repos;
    await services.execute(startCommand());
    const before = await log.readAll();
    const db = (log as unknown as { db: CounterStepsDb }).db;
    const quota = () => {
      throw Object.assign(new Error('The quota has been exceeded.'), {
        name: 'QuotaExceededError',
      });
    };
    db.events.hook('creating', quota);
    await expect(
      services.execute({ type: 'mark-done', stepId: 'stand-to-greet' }),
    ).rejects.toMatchObject({ code: 'storage-full' });
    db.events.hook('creating').unsubscribe(quota);
    expect(await log.readAll()).toEqual(before);
    expect(await services.execute({ type: 'mark-done', stepId: 'stand-to-greet' })).toMatchObject({
      ok: true,
    });
  });
});

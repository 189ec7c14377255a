/**
 * Accounts, PINs, sign-in, the lock and sign-out through the store, on fake IndexedDB: what the
 * domain decides is what is stored, and refused attempts are stored as failures.
 */
import { describe, expect, it } from 'vitest';
import { mustChangePin } from '../../../../renderer/domain/device/state';
import {
  AUDITOR,
  CLERK,
  FIRST_PIN,
  MANAGER,
  PLAIN_ALWAYS_STEPS,
  firstRun,
  rawRows,
  staffedDevice,
  startCommand,
  testDevice,
  withRawDb,
} from '../../helpers/builders';

describe('first run', () => {
  it('has no accounts and nobody signed in on a new device: no default credentials', async () => {
    const { store } = await testDevice();
    expect(store.snapshot.state.accounts.size).toBe(0);
    expect(store.snapshot.state.session).toBeNull();
    expect(await store.execute({ type: 'sign-in', staffNo: 'admin', pin: '000000' })).toMatchObject(
      {
        ok: false,
        error: { code: 'device-not-set-up' },
      },
    );
  });

  it('creates the device identity, the counter and the first manager, who is signed in, in one go', async () => {
    const device = await testDevice();
    await device.must(firstRun());
    expect(await device.types()).toEqual([
      'device-identity',
      'device-set-up',
      'account-created',
      'pin-set',
      'signed-in',
    ]);
    const { state } = device.store.snapshot;
    expect(state.session).toMatchObject({ staffNo: '9001', role: 'manager', locked: null });
    expect(state.counter).toBe('3');
    expect(mustChangePin(state)).toBe(false);
    expect(await device.store.verify()).toMatchObject({ intact: true, count: 5 });
  });

  it('refuses a second first run, a weak or mistyped PIN and a bad counter, storing nothing', async () => {
    const device = await testDevice();
    const attempt = (overrides: object) =>
      device.store.execute({ ...firstRun(), ...overrides } as never);
    expect(await attempt({ pin: '123456', confirmation: '123456' })).toMatchObject({
      error: { code: 'pin-too-simple' },
    });
    expect(await attempt({ confirmation: '246811' })).toMatchObject({
      error: { code: 'pins-differ' },
    });
    expect(await attempt({ counter: '' })).toMatchObject({ error: { code: 'invalid-counter' } });
    expect(await rawRows(device.name)).toEqual([]);
    await device.must(firstRun());
    expect(await attempt({})).toMatchObject({ error: { code: 'device-already-set-up' } });
  });
});

describe('PINs at rest', () => {
  it('keeps PIN hashes out of the log, and commits each one to the log instead', async () => {
    const device = await staffedDevice();
    const rows = await rawRows(device.name);
    const log = JSON.stringify(rows);
    const credentials = (await withRawDb(device.name, (db) => db.credentials.toArray())) as {
      hash: string;
      salt: string;
    }[];
    // The manager's, the two first PINs the manager set, and the two PINs their owners chose.
    expect(credentials).toHaveLength(5);
    for (const credential of credentials) {
      expect(log).not.toContain(credential.hash);
      expect(log).not.toContain(credential.salt);
    }
    expect(log).not.toContain(CLERK.pin);
    const commitments = rows
      .map((row) => row.event as { type: string; commitment?: string })
      .filter((event) => event.type === 'pin-set')
      .map((event) => event.commitment);
    expect(commitments).toHaveLength(5);
    expect(new Set(commitments).size).toBe(5);
  });
});

describe('signing in', () => {
  it('signs a clerk in with the right PIN, with the role of their account', async () => {
    const { store } = await staffedDevice();
    expect(store.snapshot.state.session).toMatchObject({
      staffNo: CLERK.staffNo,
      role: 'clerk',
      locked: null,
    });
  });

  it('refuses a sign-in while someone is signed in and the screen is not locked', async () => {
    const device = await staffedDevice();
    expect(await device.store.execute({ type: 'sign-in', ...MANAGER })).toMatchObject({
      error: { code: 'session-active' },
    });
  });

  it('logs each wrong PIN, says how many tries are left, and makes the fifth wait 30 s', async () => {
    const device = await staffedDevice();
    await device.must({ type: 'sign-out' });
    const answers = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      answers.push(
        await device.store.execute({ type: 'sign-in', staffNo: MANAGER.staffNo, pin: '999999' }),
      );
    }
    expect(answers.slice(0, 4).map((answer) => !answer.ok && answer.error)).toEqual([
      { code: 'wrong-pin', attemptsLeft: 4 },
      { code: 'wrong-pin', attemptsLeft: 3 },
      { code: 'wrong-pin', attemptsLeft: 2 },
      { code: 'wrong-pin', attemptsLeft: 1 },
    ]);
    expect(answers[4]).toMatchObject({
      ok: false,
      error: { code: 'waiting', retryAt: device.clock.now + 30_000 },
    });
    const logged = await device.types();
    expect(logged.filter((type) => type === 'sign-in-failed')).toHaveLength(5);
    expect(logged.filter((type) => type === 'account-locked-out')).toHaveLength(1);
  });

  it('keeps the wait across a reload, refuses even the right PIN meanwhile, then waits longer after the next failure', async () => {
    const device = await staffedDevice();
    await device.must({ type: 'sign-out' });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await device.store.execute({ type: 'sign-in', staffNo: MANAGER.staffNo, pin: '999999' });
    }
    const reloaded = await device.reopen();
    device.clock.now += 10_000;
    expect(await reloaded.execute({ type: 'sign-in', ...MANAGER })).toMatchObject({
      error: { code: 'waiting' },
    });
    device.clock.now += 21_000;
    expect(
      await reloaded.execute({ type: 'sign-in', staffNo: MANAGER.staffNo, pin: '999999' }),
    ).toMatchObject({ error: { code: 'waiting', retryAt: device.clock.now + 60_000 } });
    device.clock.now += 61_000;
    expect(await reloaded.execute({ type: 'sign-in', ...MANAGER })).toMatchObject({ ok: true });
    // A success starts the count again: one wrong PIN now leaves four tries.
    await reloaded.execute({ type: 'lock', reason: 'manual' });
    expect(await reloaded.execute({ type: 'unlock', staffNo: null, pin: '999999' })).toMatchObject({
      error: { code: 'wrong-pin', attemptsLeft: 4 },
    });
  });

  it('answers an unknown staff number like a wrong PIN, and logs it', async () => {
    const device = await staffedDevice();
    await device.must({ type: 'sign-out' });
    expect(
      await device.store.execute({ type: 'sign-in', staffNo: '5555', pin: '246810' }),
    ).toMatchObject({ error: { code: 'wrong-pin' } });
    expect((await rawRows(device.name)).at(-1)!.event).toMatchObject({
      type: 'sign-in-failed',
      reason: 'unknown-account',
    });
  });

  it('refuses a disabled account, and lets it in again once enabled', async () => {
    const device = await staffedDevice();
    await device.must({ type: 'lock', reason: 'manual' });
    await device.must({ type: 'sign-in', ...MANAGER });
    await device.must({ type: 'set-account-enabled', subject: CLERK.staffNo, enabled: false });
    await device.must({ type: 'sign-out' });
    expect(await device.store.execute({ type: 'sign-in', ...CLERK })).toMatchObject({
      error: { code: 'account-disabled' },
    });
    await device.must({ type: 'sign-in', ...MANAGER });
    await device.must({ type: 'set-account-enabled', subject: CLERK.staffNo, enabled: true });
    await device.must({ type: 'sign-out' });
    expect(await device.store.execute({ type: 'sign-in', ...CLERK })).toMatchObject({ ok: true });
  });

  it('ends a locked session with its own record when someone else signs in, its open service left open', async () => {
    const device = await staffedDevice();
    await device.must(startCommand());
    const serviceId = device.store.snapshot.state.service!.serviceId;
    await device.must({ type: 'lock', reason: 'manual' });
    await device.must({ type: 'sign-in', ...AUDITOR });
    // Every session's end is sealed by a signed checkpoint, this one too.
    const rows = (await rawRows(device.name)).slice(-3);
    expect(rows.map((row) => [row.staffNo, row.event])).toEqual([
      [
        AUDITOR.staffNo,
        expect.objectContaining({
          type: 'signed-out',
          reason: 'replaced',
          openServiceId: serviceId,
        }),
      ],
      [AUDITOR.staffNo, { type: 'signed-in', role: 'auditor' }],
      [null, expect.objectContaining({ type: 'checkpoint', reason: 'sign-out' })],
    ]);
    // The auditor cannot serve, so may sign out with the clerk's service still open, and says so.
    const out = await device.must({ type: 'sign-out' });
    expect(out.value.find((record) => record.event.type === 'signed-out')?.event).toMatchObject({
      reason: 'self',
      openServiceId: serviceId,
    });
    // The clerk comes back to the same service.
    await device.must({ type: 'sign-in', ...CLERK });
    expect(device.store.snapshot.state.service).toMatchObject({ serviceId, outcome: 'open' });
    expect(await device.store.verify()).toMatchObject({ intact: true });
  });
});

describe('roles, enforced below the screens', () => {
  it('refuses services, configuration and accounts to an auditor, and writes nothing', async () => {
    const device = await staffedDevice();
    await device.must({ type: 'sign-out' });
    await device.must({ type: 'sign-in', ...AUDITOR });
    const before = (await rawRows(device.name)).length;
    expect(await device.store.execute(startCommand())).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(
      await device.store.execute({
        type: 'change-config',
        change: { key: 'idle-lock-minutes', value: 5 },
      }),
    ).toMatchObject({ error: { code: 'forbidden' } });
    expect(
      await device.store.execute({
        type: 'create-account',
        staffNo: '7002',
        role: 'manager',
        pin: FIRST_PIN,
        confirmation: FIRST_PIN,
      }),
    ).toMatchObject({ error: { code: 'forbidden' } });
    expect((await rawRows(device.name)).length).toBe(before);
  });

  it('refuses account changes to a clerk, and everything to a locked screen and to nobody', async () => {
    const device = await staffedDevice();
    expect(
      await device.store.execute({
        type: 'reset-pin',
        subject: MANAGER.staffNo,
        pin: '802468',
        confirmation: '802468',
      }),
    ).toMatchObject({ error: { code: 'forbidden' } });
    await device.must({ type: 'lock', reason: 'manual' });
    expect(await device.store.execute(startCommand())).toMatchObject({
      error: { code: 'screen-locked' },
    });
    await device.must({ type: 'unlock', staffNo: null, pin: CLERK.pin });
    await device.must({ type: 'sign-out' });
    expect(await device.store.execute(startCommand())).toMatchObject({
      error: { code: 'not-signed-in' },
    });
  });

  it('lets a manager reset a clerk’s PIN, which also ends a wait; the old PIN stops working', async () => {
    const device = await staffedDevice();
    await device.must({ type: 'sign-out' });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await device.store.execute({ type: 'sign-in', staffNo: CLERK.staffNo, pin: '999999' });
    }
    await device.must({ type: 'sign-in', ...MANAGER });
    await device.must({
      type: 'reset-pin',
      subject: CLERK.staffNo,
      pin: '802468',
      confirmation: '802468',
    });
    await device.must({ type: 'sign-out' });
    expect(await device.store.execute({ type: 'sign-in', ...CLERK })).toMatchObject({
      error: { code: 'wrong-pin' },
    });
    expect(
      await device.store.execute({ type: 'sign-in', staffNo: CLERK.staffNo, pin: '802468' }),
    ).toMatchObject({ ok: true });
  });

  it('does not let a manager disable their own account or create a duplicate', async () => {
    const device = await staffedDevice();
    await device.must({ type: 'lock', reason: 'manual' });
    await device.must({ type: 'sign-in', ...MANAGER });
    expect(
      await device.store.execute({
        type: 'set-account-enabled',
        subject: MANAGER.staffNo,
        enabled: false,
      }),
    ).toMatchObject({ error: { code: 'cannot-disable-self' } });
    expect(
      await device.store.execute({
        type: 'create-account',
        staffNo: CLERK.staffNo,
        role: 'clerk',
        pin: FIRST_PIN,
        confirmation: FIRST_PIN,
      }),
    ).toMatchObject({ error: { code: 'account-exists' } });
  });
});

describe('the screen lock', () => {
  it('locks and unlocks with the clerk’s own PIN; an open service is untouched', async () => {
    const device = await staffedDevice();
    await device.must(startCommand());
    await device.must({ type: 'mark-done', stepId: 'stand-to-greet' });
    const before = device.store.snapshot.state.service;
    await device.must({ type: 'lock', reason: 'idle' });
    expect(device.store.snapshot.state.session?.locked).toMatchObject({ reason: 'idle' });
    expect(
      await device.store.execute({ type: 'unlock', staffNo: null, pin: '999999' }),
    ).toMatchObject({ error: { code: 'wrong-pin' } });
    await device.must({ type: 'unlock', staffNo: null, pin: CLERK.pin });
    expect(device.store.snapshot.state.service).toEqual(before);
  });

  it('lets a manager unlock for the clerk, but not an auditor', async () => {
    const device = await staffedDevice();
    await device.must({ type: 'lock', reason: 'manual' });
    expect(
      await device.store.execute({ type: 'unlock', staffNo: AUDITOR.staffNo, pin: AUDITOR.pin }),
    ).toMatchObject({ error: { code: 'forbidden' } });
    await device.must({ type: 'unlock', staffNo: MANAGER.staffNo, pin: MANAGER.pin });
    expect(device.store.snapshot.state.session).toMatchObject({
      staffNo: CLERK.staffNo,
      locked: null,
    });
  });

  it('locks when the clerk leaves the seat; unlocking records the return, by the clerk, with the absence', async () => {
    const device = await staffedDevice();
    await device.must(startCommand());
    await device.must({ type: 'leave-seat' });
    expect(device.store.snapshot.state.session?.locked).toMatchObject({ reason: 'leave-seat' });
    device.clock.now += 90_000;
    await device.must({ type: 'unlock', staffNo: MANAGER.staffNo, pin: MANAGER.pin });
    const rows = (await rawRows(device.name)).slice(-2);
    expect(rows.map((row) => [row.staffNo, row.event])).toEqual([
      [MANAGER.staffNo, { type: 'screen-unlocked', as: 'manager' }],
      [CLERK.staffNo, { type: 'seat-returned', absenceMs: 90_000 }],
    ]);
    expect(await device.store.verify()).toMatchObject({ intact: true });
  });
});

describe('signing out', () => {
  it('refuses while the clerk has a service open', async () => {
    const device = await staffedDevice();
    await device.must(startCommand());
    expect(await device.store.execute({ type: 'sign-out' })).toMatchObject({
      error: { code: 'service-open' },
    });
  });

  it('sums up the shift: steps kept over steps that applied, steps never reached apart, average time, skips', async () => {
    const device = await staffedDevice();
    // One finished service of 120 s: eight plain steps done, one skipped, the recommendation made;
    // 8, 9, 10, 11, 13 and 14 are closed as not applicable when 17 is called.
    await device.must(startCommand());
    for (const stepId of PLAIN_ALWAYS_STEPS.filter((id) => id !== 'invite-to-sit')) {
      await device.must({ type: 'mark-done', stepId });
    }
    await device.must({
      type: 'skip',
      stepId: 'invite-to-sit',
      reason: 'customer-in-hurry',
      note: '',
    });
    await device.must({ type: 'recommend', offer: 'broadband', response: 'declined' });
    device.clock.now += 120_000;
    await device.must({ type: 'call-next', nextTicket: 'A026' });
    // One the customer walked away from after step 1.
    await device.must(startCommand({ ticket: 'A026' }));
    await device.must({ type: 'mark-done', stepId: 'stand-to-greet' });
    await device.must({ type: 'abandon', reason: 'customer-left' });

    const result = await device.must({ type: 'sign-out' });
    expect(result.value.find((record) => record.event.type === 'signed-out')?.event).toMatchObject({
      reason: 'self',
      openServiceId: null,
      summary: {
        services: 2,
        finished: 1,
        abandoned: 1,
        // Service 1: 11 steps applied (10 done incl. 12 and 17, 1 skipped); 6 not applicable.
        // Service 2: 1 step applied and done; its 10 other every-customer steps were never
        // reached (counted apart); its 6 conditional steps did not apply.
        stepsDone: 11,
        stepsApplicable: 12,
        stepsNotReached: 10,
        averageMs: 120_000,
        skips: 1,
        skipReasons: { 'customer-in-hurry': 1 },
      },
    });
    expect(device.store.snapshot.state.session).toBeNull();
  });
});

describe('a PIN a manager set', () => {
  async function clerkWithResetPin() {
    const device = await staffedDevice();
    await device.must({ type: 'lock', reason: 'manual' });
    await device.must({ type: 'sign-in', ...MANAGER });
    await device.must({
      type: 'reset-pin',
      subject: CLERK.staffNo,
      pin: '802468',
      confirmation: '802468',
    });
    await device.must({ type: 'sign-out' });
    await device.must({ type: 'sign-in', staffNo: CLERK.staffNo, pin: '802468' });
    return device;
  }

  it('must be replaced by its owner before anything else', async () => {
    const device = await clerkWithResetPin();
    expect(mustChangePin(device.store.snapshot.state)).toBe(true);
    expect(await device.store.execute(startCommand())).toMatchObject({
      error: { code: 'pin-change-required' },
    });
    const change = (pin: string) =>
      device.store.execute({
        type: 'change-own-pin',
        currentPin: '802468',
        pin,
        confirmation: pin,
      });
    expect(await change('802468')).toMatchObject({ error: { code: 'same-pin' } });
    expect(await change('314159')).toMatchObject({ ok: true });
    expect(mustChangePin(device.store.snapshot.state)).toBe(false);
    expect(await device.store.execute(startCommand())).toMatchObject({ ok: true });
  });

  it('can be left by signing out', async () => {
    const device = await clerkWithResetPin();
    expect(await device.store.execute({ type: 'sign-out' })).toMatchObject({ ok: true });
  });
});

describe('changing one’s own PIN', () => {
  it('needs the current PIN and a valid new one', async () => {
    const device = await staffedDevice();
    const change = (currentPin: string, pin: string) =>
      device.store.execute({ type: 'change-own-pin', currentPin, pin, confirmation: pin });
    expect(await change('999999', '802468')).toMatchObject({ error: { code: 'wrong-pin' } });
    expect(await change(CLERK.pin, '111111')).toMatchObject({ error: { code: 'pin-too-simple' } });
    expect(await change(CLERK.pin, '802468')).toMatchObject({ ok: true });
    await device.must({ type: 'lock', reason: 'manual' });
    expect(
      await device.store.execute({ type: 'unlock', staffNo: null, pin: CLERK.pin }),
    ).toMatchObject({ error: { code: 'wrong-pin' } });
    expect(
      await device.store.execute({ type: 'unlock', staffNo: null, pin: '802468' }),
    ).toMatchObject({ ok: true });
  });
});

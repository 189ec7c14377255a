/**
 * First run, PINs at rest and signing in, through the store on fake IndexedDB: what the domain
 * decides is what is stored, and refused attempts are stored as failures.
 */
import { describe, expect, it } from 'vitest';
import { mustChangePin } from '../../../../core/domain/device/state';
import {
  AUDITOR,
  CLERK,
  MANAGER,
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

/**
 * Roles enforced below the screens, and the screen lock, through the store on fake IndexedDB:
 * refused commands write nothing.
 */
import { describe, expect, it } from 'vitest';
import {
  AUDITOR,
  CLERK,
  FIRST_PIN,
  MANAGER,
  rawRows,
  staffedDevice,
  startCommand,
} from '../../helpers/builders';

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

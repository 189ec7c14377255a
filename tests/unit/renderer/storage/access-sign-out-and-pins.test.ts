/**
 * Signing out (with the shift's summary), a PIN a manager set and changing one's own PIN, through
 * the store on fake IndexedDB.
 */
import { describe, expect, it } from 'vitest';
import { mustChangePin } from '../../../../core/domain/device/state';
import {
  CLERK,
  MANAGER,
  PLAIN_ALWAYS_STEPS,
  staffedDevice,
  startCommand,
} from '../../helpers/builders';

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

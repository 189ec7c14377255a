/** The service engine: leaving the seat, money, recommendations, finishing, folding and the timer. */
import { describe, expect, it } from 'vitest';
import { foldDevice } from '../../../../core/domain/device/state';
import { type StepId } from '../../../../core/domain/flow/flow-definition';
import { readRecords } from '../../../../core/domain/log/records';
import {
  decideService,
  foldService,
  timerLevel,
  type ServiceState,
} from '../../../../core/domain/service/engine';
import {
  PLAIN_ALWAYS_STEPS,
  ServiceDriver,
  T0,
  context,
  startCommand,
  timed,
  type Step,
} from '../../helpers/builders';
import { CLERK, signIn, staffedLog } from './device-log';

describe('leaving the seat', () => {
  it('records 13 on leaving and 14 with the absence on return', () => {
    const driver = new ServiceDriver().started();
    driver.apply({ type: 'leave-seat' }, T0 + 1_000);
    expect(driver.state?.awaySince).toBe(T0 + 1_000);
    const [returned] = driver.apply({ type: 'return-to-seat' }, T0 + 43_500);
    expect(returned).toEqual({ type: 'seat-returned', absenceMs: 42_500 });
    expect([driver.status('apologise-leaving'), driver.status('thank-returning')]).toEqual([
      'done',
      'done',
    ]);
    expect(driver.state?.awaySince).toBeNull();
  });

  it('can happen several times in one service', () => {
    const driver = new ServiceDriver().started();
    for (let i = 0; i < 2; i += 1) {
      driver.apply({ type: 'leave-seat' });
      driver.apply({ type: 'return-to-seat' });
    }
    expect(driver.state?.steps['apologise-leaving'].timesDone).toBe(2);
    expect(driver.state?.steps['thank-returning'].timesDone).toBe(2);
  });

  it('refuses other commands while away, and a return when not away', () => {
    const driver = new ServiceDriver().started();
    expect(driver.refusal({ type: 'return-to-seat' }).code).toBe('clerk-not-away');
    driver.apply({ type: 'leave-seat' });
    expect(driver.refusal({ type: 'mark-done', stepId: 'greet-aloud' }).code).toBe('clerk-away');
    expect(driver.refusal({ type: 'finish' }).code).toBe('clerk-away');
    expect(driver.refusal({ type: 'leave-seat' }).code).toBe('clerk-away');
  });

  it('still lets the service be abandoned while away (the customer walked off)', () => {
    const driver = new ServiceDriver().started();
    driver.apply({ type: 'leave-seat' });
    driver.apply({ type: 'abandon', reason: 'customer-left' });
    expect(driver.state?.outcome).toBe('abandoned');
  });

  it('never records a negative absence when the clock went back', () => {
    const driver = new ServiceDriver().started();
    driver.apply({ type: 'leave-seat' }, T0 + 10_000);
    expect(driver.apply({ type: 'return-to-seat' }, T0 + 5_000)).toEqual([
      { type: 'seat-returned', absenceMs: 0 },
    ]);
  });
});

describe('announcing money', () => {
  it('computes the change in integer fen and marks step 8 done', () => {
    const driver = new ServiceDriver().started();
    const [event] = driver.apply({ type: 'announce-money', dueFen: 8_000, receivedFen: 10_000 });
    expect(event).toEqual({
      type: 'money-announced',
      dueFen: 8_000,
      receivedFen: 10_000,
      changeFen: 2_000,
    });
    expect(driver.status('announce-money')).toBe('done');
    expect(driver.state?.money).toEqual([{ dueFen: 8_000, receivedFen: 10_000, changeFen: 2_000 }]);
  });

  it('accepts the exact amount (no change) and the largest amount', () => {
    const driver = new ServiceDriver().started();
    const [exact] = driver.apply({ type: 'announce-money', dueFen: 5_050, receivedFen: 5_050 });
    expect(exact).toMatchObject({ changeFen: 0 });
    const [largest] = driver.apply({
      type: 'announce-money',
      dueFen: 0,
      receivedFen: 100_000_000,
    });
    expect(largest).toMatchObject({ changeFen: 100_000_000 });
    expect(driver.state?.steps['announce-money'].timesDone).toBe(2);
  });

  it.each([
    [-1, 100, 'money-negative'],
    [100, -5, 'money-negative'],
    [99.5, 100, 'money-not-integer'],
    [Number.NaN, 100, 'money-not-integer'],
    [100, Number.POSITIVE_INFINITY, 'money-not-integer'],
    [100, 100_000_001, 'money-out-of-range'],
    [10_000, 5_000, 'received-less-than-due'],
  ] as const)('refuses due %s and received %s with %s', (dueFen, receivedFen, code) => {
    expect(
      new ServiceDriver().started().refusal({ type: 'announce-money', dueFen, receivedFen }).code,
    ).toBe(code);
  });
});

describe('recommending', () => {
  it('records the offer and the answer and marks step 12 done', () => {
    const driver = new ServiceDriver().started();
    driver.apply({ type: 'recommend', offer: 'broadband', response: 'interested' });
    expect(driver.state?.recommendations).toEqual([{ offer: 'broadband', response: 'interested' }]);
    expect(driver.status('recommend')).toBe('done');
  });
});

describe('finishing', () => {
  const readyForFarewell = () => {
    const driver = new ServiceDriver().started().done(...PLAIN_ALWAYS_STEPS);
    driver.apply({ type: 'recommend', offer: '5g-plan', response: 'declined' });
    return driver;
  };

  it('refuses to finish while an always-step is pending, and names the steps', () => {
    const driver = new ServiceDriver().started().done('stand-to-greet');
    const refusal = driver.refusal({ type: 'finish' });
    expect(refusal.code).toBe('steps-pending');
    expect(refusal.steps).toContain('eye-contact-smile');
    expect(refusal.steps).not.toContain('stand-to-greet');
    expect(refusal.steps).not.toContain('announce-money');
  });

  it('calls the next ticket: records 17, closes untouched conditional steps as not applicable (auto) and finishes', () => {
    const driver = readyForFarewell();
    driver.apply({ type: 'mark-na', stepId: 'announce-money' });
    const events = driver.apply({ type: 'call-next', nextTicket: 'A026' }, T0 + 200_000);
    expect(events[0]).toEqual({ type: 'next-called', nextTicket: 'A026' });
    expect(events.filter((event) => event.type === 'step-not-applicable')).toEqual([
      { type: 'step-not-applicable', stepId: 'both-hands', auto: true },
      { type: 'step-not-applicable', stepId: 'thank-on-receipt', auto: true },
      { type: 'step-not-applicable', stepId: 'hand-leaflet', auto: true },
      { type: 'step-not-applicable', stepId: 'apologise-leaving', auto: true },
      { type: 'step-not-applicable', stepId: 'thank-returning', auto: true },
    ]);
    expect(events.at(-1)).toEqual({ type: 'service-finished', durationMs: 200_000 });
    expect(driver.state).toMatchObject({
      outcome: 'finished',
      nextTicket: 'A026',
      endedAt: T0 + 200_000,
    });
    expect(driver.status('call-next')).toBe('done');
  });

  it('refuses to call next while steps before it are pending', () => {
    const driver = new ServiceDriver().started().done('stand-to-greet');
    const refusal = driver.refusal({ type: 'call-next', nextTicket: 'A026' });
    expect(refusal.code).toBe('steps-pending');
    expect(refusal.steps).not.toContain('call-next');
  });

  it('refuses an invalid next ticket', () => {
    expect(readyForFarewell().refusal({ type: 'call-next', nextTicket: 'next' }).code).toBe(
      'invalid-ticket',
    );
  });

  it('finishes without calling when step 17 was skipped with a reason', () => {
    const driver = readyForFarewell();
    expect(driver.refusal({ type: 'finish' }).steps).toEqual(['call-next']);
    driver.apply({ type: 'skip', stepId: 'call-next', reason: 'other', note: 'queue empty' });
    driver.apply({ type: 'finish' });
    expect(driver.state?.outcome).toBe('finished');
  });

  it('calls a ticket with no service open (the first customer of the shift)', () => {
    const call = { type: 'call-next', serviceId: null, nextTicket: 'A001' } as const;
    expect(decideService(null, call, context())).toEqual({
      ok: true,
      value: [{ type: 'next-called', nextTicket: 'A001' }],
    });
    const ended = new ServiceDriver().started();
    ended.apply({ type: 'abandon', reason: 'customer-left' });
    expect(decideService(ended.state, call, context()).ok).toBe(true);
    expect(decideService(null, { ...call, nextTicket: 'first' }, context())).toEqual({
      ok: false,
      error: { code: 'invalid-ticket' },
    });
  });

  it('abandons a service at any point, leaving pending steps pending', () => {
    const driver = new ServiceDriver().started().done('stand-to-greet');
    const [event] = driver.apply({ type: 'abandon', reason: 'no-business' }, T0 + 30_000);
    expect(event).toEqual({ type: 'service-abandoned', reason: 'no-business', durationMs: 30_000 });
    expect(driver.state).toMatchObject({ outcome: 'abandoned', endedAt: T0 + 30_000 });
    expect(driver.status('greet-aloud')).toBe('pending');
  });
});

/** The driver's events as the log would give them back: a JSON round trip, numbered. */
describe('folding', () => {
  it('rebuilds from the stored events the state that was built command by command', () => {
    const driver = new ServiceDriver().started().done('stand-to-greet', 'both-hands');
    driver.apply({ type: 'skip', stepId: 'greet-aloud', reason: 'forgot', note: 'n' });
    driver.apply({ type: 'announce-money', dueFen: 100, receivedFen: 500 }, T0 + 5_000);
    driver.apply({ type: 'leave-seat' }, T0 + 9_000);
    const rebuilt = foldService(timed(driver));
    expect(rebuilt).toEqual(driver.state);
    expect(rebuilt).toMatchObject({
      awaySince: T0 + 9_000,
      money: [{ dueFen: 100, receivedFen: 500, changeFen: 400 }],
    });
  });

  it('ignores events of other services', () => {
    const driver = new ServiceDriver().started();
    const state = foldService([
      ...timed(driver),
      {
        serviceId: 'other',
        seq: 50,
        atMs: T0,
        staffNo: '1001',
        event: { type: 'step-done', stepId: 'greet-aloud' },
      },
    ]);
    expect(state?.steps['greet-aloud'].status).toBe('pending');
  });

  it('gives the device log the same service as the engine alone, from the sealed records read back', async () => {
    const steps: Step[] = [
      startCommand({ surname: '欧阳' }),
      { type: 'mark-done', stepId: 'stand-to-greet' },
      { type: 'skip', stepId: 'eye-contact-smile', reason: 'customer-in-hurry', note: '' },
      { type: 'mark-done', stepId: 'both-hands' },
      { type: 'mark-done', stepId: 'both-hands' },
      { type: 'mark-na', stepId: 'hand-leaflet' },
      { type: 'announce-money', dueFen: 8_050, receivedFen: 10_000 },
      { type: 'recommend', offer: 'family-plan', response: 'accepted' },
      { type: 'name-customer', surname: '司马' },
    ];
    const log = await staffedLog();
    await signIn(log, CLERK);
    const driver = new ServiceDriver();
    for (const step of steps) {
      await log.must(step);
      driver.apply(step, log.now);
    }
    const { records, invalid } = readRecords(
      JSON.parse(JSON.stringify(log.rows)) as unknown[],
      log.values,
    );
    expect(invalid).toEqual([]);
    const folded = foldDevice(records).service;
    // The driver has no monotonic clock; the store's records do (the same time on it).
    const comparable = (state: ServiceState | null) =>
      state && { ...state, serviceId: 'id', startedSeq: 0, clock: { ...state.clock, mono: null } };
    expect(comparable(folded)).toEqual(comparable(driver.state));
    expect(folded).toEqual(log.state.service);
    expect(folded).toMatchObject({ surname: '司马', startedBy: CLERK });
  });
});

describe('the service timer', () => {
  it('turns amber past 80% of the target and red past the target', () => {
    expect(timerLevel(144_000, 180)).toBe('ok');
    expect(timerLevel(144_001, 180)).toBe('amber');
    expect(timerLevel(180_000, 180)).toBe('amber');
    expect(timerLevel(180_001, 180)).toBe('red');
  });
});

describe('the steps a service still needs', () => {
  it('lists exactly the every-customer steps, in order, for a service just started', () => {
    const driver = new ServiceDriver().started();
    const expected: StepId[] = [
      'stand-to-greet',
      'eye-contact-smile',
      'greet-aloud',
      'check-ticket',
      'invite-to-sit',
      'ask-needs',
      'address-by-surname',
      'recommend',
      'confirm-anything-else',
      'stand-to-see-off',
      'call-next',
    ];
    expect(driver.refusal({ type: 'finish' }).steps).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { foldDevice } from '../../../../renderer/domain/device/state';
import {
  SERVICE_STANDARD,
  STEP_IDS,
  type StepId,
} from '../../../../renderer/domain/flow/flow-definition';
import { readRecords } from '../../../../renderer/domain/log/records';
import {
  currentStep,
  decideService,
  foldService,
  timerLevel,
  type ServiceState,
  type TimedEvent,
} from '../../../../renderer/domain/service/engine';
import {
  PLAIN_ALWAYS_STEPS,
  ServiceDriver,
  T0,
  context,
  startCommand,
  type Step,
} from '../../helpers/builders';
import { CLERK, signIn, staffedLog } from './device-log';

describe('starting a service', () => {
  it('starts with every step pending and the business type target copied in', () => {
    const driver = new ServiceDriver().started();
    expect(driver.state).toMatchObject({
      ticket: 'A025',
      title: 'mr',
      surname: '张',
      businessType: 'bill-payment',
      targetSeconds: 180,
      outcome: 'open',
      startedAt: T0,
    });
    expect(STEP_IDS.map((id) => driver.status(id))).toEqual(STEP_IDS.map(() => 'pending'));
  });

  it('accepts a service without a surname and trims blank ones to none', () => {
    expect(new ServiceDriver().started({ surname: '  ' }).state?.surname).toBeNull();
    expect(new ServiceDriver().started({ surname: null }).state?.surname).toBeNull();
  });

  it('trims the surname it keeps', () => {
    expect(new ServiceDriver().started({ surname: ' 欧阳 ' }).state?.surname).toBe('欧阳');
  });

  it('refuses a second service while one is open', () => {
    expect(new ServiceDriver().started().refusal(startCommand()).code).toBe('service-already-open');
  });

  it('starts the next service once the previous one has ended', () => {
    const driver = new ServiceDriver().started();
    driver.apply({ type: 'abandon', reason: 'no-business' });
    const first = driver.serviceId;
    driver.started({ ticket: 'A026' });
    expect(driver.state).toMatchObject({ ticket: 'A026', outcome: 'open' });
    expect(driver.serviceId).not.toBe(first);
  });

  it.each(['', 'a025', 'ABC1', 'A12345', 'A-1'])('refuses the ticket %j', (ticket) => {
    expect(new ServiceDriver().refusal(startCommand({ ticket })).code).toBe('invalid-ticket');
  });

  it.each([
    ['张3', 'has-digits'],
    ['13800138000', 'has-digits'],
    ['Zhang1', 'has-digits'],
    ['张三丰李四', 'full-name'],
    ['王小明', 'full-name'],
    ['Zhang Wei', 'full-name'],
    ['Zh@ng', 'not-a-surname'],
  ] as const)('refuses %j as a surname, saying it is %s', (surname, problem) => {
    expect(new ServiceDriver().refusal(startCommand({ surname }))).toEqual({
      code: 'invalid-surname',
      surname: problem,
    });
  });

  it('refuses an unknown business type', () => {
    expect(new ServiceDriver().refusal(startCommand({ businessType: 'haircut' })).code).toBe(
      'unknown-business-type',
    );
  });

  it('takes the target from the business type list it is given', () => {
    const decision = decideService(null, startCommand({ businessType: 'quick' }), {
      ...context(),
      businessTypes: [{ code: 'quick', targetSeconds: 120, labels: null }],
    });
    expect(decision.ok && decision.value).toEqual([
      expect.objectContaining({
        type: 'service-started',
        businessType: 'quick',
        targetSeconds: 120,
      }),
    ]);
  });
});

describe('commands on a service', () => {
  it('refuses every service command when no service was ever opened', () => {
    const driver = new ServiceDriver();
    expect(driver.refusal({ type: 'mark-done', stepId: 'greet-aloud' }).code).toBe(
      'no-open-service',
    );
    expect(driver.refusal({ type: 'finish' }).code).toBe('no-open-service');
    expect(driver.refusal({ type: 'abandon', reason: 'customer-left' }).code).toBe(
      'no-open-service',
    );
  });

  it('marks a step done and keeps the current step on the first pending always-step', () => {
    const driver = new ServiceDriver().started().done('stand-to-greet', 'eye-contact-smile');
    expect(driver.status('eye-contact-smile')).toBe('done');
    expect(currentStep(SERVICE_STANDARD, driver.state!)).toBe('greet-aloud');
  });

  it('lets steps be done out of order; the log keeps the real order', () => {
    const driver = new ServiceDriver().started().done('ask-needs', 'stand-to-greet');
    expect(
      driver.log.slice(1).map(({ event }) => event.type === 'step-done' && event.stepId),
    ).toEqual(['ask-needs', 'stand-to-greet']);
    expect(currentStep(SERVICE_STANDARD, driver.state!)).toBe('eye-contact-smile');
  });

  it('has no current step once every always-step has an outcome', () => {
    const driver = new ServiceDriver().started().done(...PLAIN_ALWAYS_STEPS);
    driver.apply({ type: 'recommend', offer: '5g-plan', response: 'declined' });
    expect(currentStep(SERVICE_STANDARD, driver.state!)).toBe('call-next');
    driver.apply({ type: 'skip', stepId: 'call-next', reason: 'other', note: 'queue empty' });
    expect(currentStep(SERVICE_STANDARD, driver.state!)).toBeNull();
  });

  it('counts conditional steps done more than once (both hands, twice)', () => {
    const driver = new ServiceDriver().started().done('both-hands', 'both-hands');
    expect(driver.state?.steps['both-hands']).toMatchObject({ status: 'done', timesDone: 2 });
  });

  it.each([
    'announce-money',
    'recommend',
    'apologise-leaving',
    'thank-returning',
    'call-next',
  ] as const)('refuses a bare done on %s, which has its own command', (stepId) => {
    expect(new ServiceDriver().started().refusal({ type: 'mark-done', stepId }).code).toBe(
      'step-has-own-command',
    );
  });

  it('records the surname when it becomes known, and refuses anything but a surname', () => {
    const driver = new ServiceDriver().started({ surname: null });
    expect(driver.refusal({ type: 'name-customer', surname: '110101199001011234' })).toEqual({
      code: 'invalid-surname',
      surname: 'has-digits',
    });
    expect(driver.refusal({ type: 'name-customer', surname: '欧阳娜娜' })).toEqual({
      code: 'invalid-surname',
      surname: 'full-name',
    });
    expect(driver.refusal({ type: 'name-customer', surname: '  ' })).toEqual({
      code: 'invalid-surname',
      surname: 'empty',
    });
    driver.apply({ type: 'name-customer', surname: ' 李 ' });
    expect(driver.state?.surname).toBe('李');
  });
});

describe('stale commands (a tap from a screen that has moved on)', () => {
  it('refuses a second Done for an every-customer step already done (the double tap)', () => {
    const driver = new ServiceDriver().started().done('greet-aloud');
    expect(driver.refusal({ type: 'mark-done', stepId: 'greet-aloud' }).code).toBe('stale-command');
    expect(driver.state?.steps['greet-aloud'].timesDone).toBe(1);
  });

  it('still lets a conditional step be done twice', () => {
    const driver = new ServiceDriver().started().done('both-hands');
    expect(driver.apply({ type: 'mark-done', stepId: 'both-hands' })).toEqual([
      { type: 'step-done', stepId: 'both-hands' },
    ]);
  });

  it.each<Step>([
    { type: 'mark-done', stepId: 'greet-aloud' },
    { type: 'skip', stepId: 'greet-aloud', reason: 'forgot', note: '' },
    { type: 'mark-na', stepId: 'both-hands' },
    { type: 'name-customer', surname: '李' },
    { type: 'leave-seat' },
    { type: 'announce-money', dueFen: 100, receivedFen: 100 },
    { type: 'recommend', offer: 'broadband', response: 'accepted' },
    { type: 'call-next', nextTicket: 'A026' },
    { type: 'finish' },
    { type: 'abandon', reason: 'customer-left' },
  ])('refuses $type naming another service than the open one', (step) => {
    const driver = new ServiceDriver().started();
    const command = { ...driver.command(step), serviceId: '00000000-0000-4000-8000-0000000000ff' };
    const decision = decideService(driver.state, command, context());
    expect(decision.ok ? 'accepted' : decision.error.code).toBe('stale-command');
  });

  it('refuses a skip of a step already skipped', () => {
    const driver = new ServiceDriver().started();
    driver.apply({ type: 'skip', stepId: 'greet-aloud', reason: 'forgot', note: '' });
    expect(
      driver.refusal({ type: 'skip', stepId: 'greet-aloud', reason: 'forgot', note: '' }).code,
    ).toBe('stale-command');
  });

  it('refuses not applicable on a step already not applicable', () => {
    const driver = new ServiceDriver().started();
    driver.apply({ type: 'mark-na', stepId: 'hand-leaflet' });
    expect(driver.refusal({ type: 'mark-na', stepId: 'hand-leaflet' }).code).toBe('stale-command');
  });

  it('refuses calling a ticket "with no service" while a service is open', () => {
    const driver = new ServiceDriver().started();
    const decision = decideService(
      driver.state,
      { type: 'call-next', serviceId: null, nextTicket: 'A026' },
      context(),
    );
    expect(decision.ok ? 'accepted' : decision.error.code).toBe('stale-command');
  });

  it('refuses commands for a service that has already ended', () => {
    const driver = new ServiceDriver().started();
    driver.apply({ type: 'abandon', reason: 'customer-left' });
    expect(driver.refusal({ type: 'mark-done', stepId: 'greet-aloud' }).code).toBe('stale-command');
    expect(driver.refusal({ type: 'abandon', reason: 'customer-left' }).code).toBe('stale-command');
  });
});

describe('skipping', () => {
  it('skips with a reason and a trimmed note', () => {
    const driver = new ServiceDriver().started();
    driver.apply({
      type: 'skip',
      stepId: 'invite-to-sit',
      reason: 'customer-in-hurry',
      note: ' standing ',
    });
    expect(driver.state?.steps['invite-to-sit']).toMatchObject({
      status: 'skipped',
      skip: { reason: 'customer-in-hurry', note: 'standing' },
    });
  });

  it('refuses a skip without a reason', () => {
    expect(
      new ServiceDriver()
        .started()
        .refusal({ type: 'skip', stepId: 'recommend', reason: null, note: 'x' }).code,
    ).toBe('skip-needs-reason');
  });

  it('refuses "other" without a note', () => {
    expect(
      new ServiceDriver()
        .started()
        .refusal({ type: 'skip', stepId: 'recommend', reason: 'other', note: '  ' }).code,
    ).toBe('skip-needs-note');
  });

  it('refuses a note longer than 200 characters and accepts one of exactly 200', () => {
    const driver = new ServiceDriver().started();
    expect(
      driver.refusal({ type: 'skip', stepId: 'recommend', reason: 'other', note: 'x'.repeat(201) })
        .code,
    ).toBe('note-too-long');
    driver.apply({ type: 'skip', stepId: 'recommend', reason: 'other', note: 'x'.repeat(200) });
    expect(driver.status('recommend')).toBe('skipped');
  });

  it('refuses to skip a step that is already done', () => {
    const driver = new ServiceDriver().started().done('greet-aloud');
    expect(
      driver.refusal({ type: 'skip', stepId: 'greet-aloud', reason: 'forgot', note: '' }).code,
    ).toBe('step-already-done');
  });

  it('lets a skipped step be done later, and then it counts as done', () => {
    const driver = new ServiceDriver().started();
    driver.apply({ type: 'skip', stepId: 'greet-aloud', reason: 'forgot', note: '' });
    driver.done('greet-aloud');
    expect(driver.state?.steps['greet-aloud']).toEqual({
      status: 'done',
      timesDone: 1,
      skip: null,
    });
  });
});

describe('not applicable', () => {
  it('marks a conditional step not applicable', () => {
    const driver = new ServiceDriver().started();
    expect(driver.apply({ type: 'mark-na', stepId: 'announce-money' })).toEqual([
      { type: 'step-not-applicable', stepId: 'announce-money', auto: false },
    ]);
    expect(driver.status('announce-money')).toBe('na');
  });

  it('refuses not applicable on an always-step', () => {
    expect(
      new ServiceDriver().started().refusal({ type: 'mark-na', stepId: 'recommend' }).code,
    ).toBe('na-on-always-step');
  });

  it('marks 13 and 14 together: if the clerk never leaves, neither applies', () => {
    const driver = new ServiceDriver().started();
    driver.apply({ type: 'mark-na', stepId: 'apologise-leaving' });
    expect([driver.status('apologise-leaving'), driver.status('thank-returning')]).toEqual([
      'na',
      'na',
    ]);
  });

  it('refuses not applicable on a conditional step already done', () => {
    const driver = new ServiceDriver().started().done('both-hands');
    expect(driver.refusal({ type: 'mark-na', stepId: 'both-hands' }).code).toBe(
      'step-already-done',
    );
  });

  it('lets a step marked not applicable be done when its condition happens after all', () => {
    const driver = new ServiceDriver().started();
    driver.apply({ type: 'mark-na', stepId: 'both-hands' });
    driver.done('both-hands');
    expect(driver.status('both-hands')).toBe('done');
  });

  it('keeps a done step done whatever is recorded after it (done is sticky)', () => {
    const driver = new ServiceDriver().started().done('both-hands');
    const state = foldService([
      ...timed(driver),
      {
        serviceId: driver.serviceId,
        seq: 99,
        atMs: T0,
        staffNo: '1001',
        event: { type: 'step-not-applicable', stepId: 'both-hands', auto: true },
      },
    ]);
    expect(state?.steps['both-hands'].status).toBe('done');
  });
});

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
function timed(driver: ServiceDriver): TimedEvent[] {
  const parsed = JSON.parse(JSON.stringify(driver.log)) as ServiceDriver['log'];
  return parsed.map(({ atMs, event }, index) => ({
    serviceId: driver.serviceId,
    seq: index + 1,
    atMs,
    staffNo: '1001',
    event,
  }));
}

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
    const { records, invalid } = readRecords(JSON.parse(JSON.stringify(log.rows)) as unknown[]);
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

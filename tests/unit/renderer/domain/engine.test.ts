import { describe, expect, it } from 'vitest';
import { currentStep, foldService, timerLevel } from '../../../../renderer/domain/engine';
import { SERVICE_STANDARD, STEP_IDS } from '../../../../renderer/domain/flow-definition';
import { PLAIN_ALWAYS_STEPS, ServiceDriver, T0, startCommand } from '../../helpers/builders';

describe('starting a service', () => {
  it('starts with every step pending and the business type target copied in', () => {
    const driver = new ServiceDriver().started();
    expect(driver.state).toMatchObject({
      ticket: 'A025',
      title: 'mr',
      surname: '张',
      targetSeconds: 180,
      outcome: 'open',
    });
    expect(STEP_IDS.every((id) => driver.status(id) === 'pending')).toBe(true);
  });

  it('accepts a service without a surname and trims blank ones to none', () => {
    const driver = new ServiceDriver().started({ surname: '  ' });
    expect(driver.state?.surname).toBeNull();
  });

  it('refuses a second service while one is open', () => {
    expect(new ServiceDriver().started().refusal(startCommand()).code).toBe('service-already-open');
  });

  it.each(['', 'a025', 'ABC1', 'A12345', 'A-1'])('refuses the ticket %j', (ticket) => {
    expect(new ServiceDriver().refusal(startCommand({ ticket })).code).toBe('invalid-ticket');
  });

  it.each(['张3', '13800138000', '张三丰李四', 'Zhang1'])(
    'refuses %j as a surname (only surnames are stored)',
    (surname) => {
      expect(new ServiceDriver().refusal(startCommand({ surname })).code).toBe('invalid-surname');
    },
  );

  it('refuses an unknown business type', () => {
    expect(new ServiceDriver().refusal(startCommand({ businessType: 'haircut' })).code).toBe(
      'unknown-business-type',
    );
  });
});

describe('commands on a service', () => {
  it('refuses every service command when no service is open', () => {
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

  it('counts conditional steps done more than once', () => {
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
    expect(driver.refusal({ type: 'name-customer', surname: '110101199001011234' }).code).toBe(
      'invalid-surname',
    );
    driver.apply({ type: 'name-customer', surname: ' 李 ' });
    expect(driver.state?.surname).toBe('李');
  });
});

describe('skipping', () => {
  it('skips with a reason and a note', () => {
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

  it('refuses a note longer than 200 characters', () => {
    const note = 'x'.repeat(201);
    expect(
      new ServiceDriver()
        .started()
        .refusal({ type: 'skip', stepId: 'recommend', reason: 'other', note }).code,
    ).toBe('note-too-long');
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
    expect(driver.status('greet-aloud')).toBe('done');
  });
});

describe('not applicable', () => {
  it('marks a conditional step not applicable', () => {
    const driver = new ServiceDriver().started();
    driver.apply({ type: 'mark-na', stepId: 'announce-money' });
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
  });

  it('refuses other commands while away, and a return when not away', () => {
    const driver = new ServiceDriver().started();
    expect(driver.refusal({ type: 'return-to-seat' }).code).toBe('clerk-not-away');
    driver.apply({ type: 'leave-seat' });
    expect(driver.refusal({ type: 'mark-done', stepId: 'greet-aloud' }).code).toBe('clerk-away');
    expect(driver.refusal({ type: 'finish' }).code).toBe('clerk-away');
  });

  it('still lets the service be abandoned while away (the customer walked off)', () => {
    const driver = new ServiceDriver().started();
    driver.apply({ type: 'leave-seat' });
    driver.apply({ type: 'abandon', reason: 'customer-left' });
    expect(driver.state?.outcome).toBe('abandoned');
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
  });

  it('accepts the exact amount (no change)', () => {
    const [event] = new ServiceDriver()
      .started()
      .apply({ type: 'announce-money', dueFen: 5_050, receivedFen: 5_050 });
    expect(event).toMatchObject({ changeFen: 0 });
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
    expect(driver.state).toMatchObject({ outcome: 'finished', nextTicket: 'A026' });
    expect(driver.status('call-next')).toBe('done');
  });

  it('refuses to call next while steps before it are pending', () => {
    const driver = new ServiceDriver().started().done('stand-to-greet');
    expect(driver.refusal({ type: 'call-next', nextTicket: 'A026' }).code).toBe('steps-pending');
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

  it('calls a ticket with no service open (first customer of the shift) without touching any service', () => {
    const driver = new ServiceDriver();
    expect(driver.apply({ type: 'call-next', nextTicket: 'A001' })).toEqual([
      { type: 'next-called', nextTicket: 'A001' },
    ]);
    expect(driver.state).toBeNull();
  });

  it('abandons a service at any point, leaving pending steps pending', () => {
    const driver = new ServiceDriver().started().done('stand-to-greet');
    driver.apply({ type: 'abandon', reason: 'no-business' }, T0 + 30_000);
    expect(driver.state).toMatchObject({ outcome: 'abandoned', endedAt: T0 + 30_000 });
    expect(driver.status('greet-aloud')).toBe('pending');
    expect(driver.refusal({ type: 'mark-done', stepId: 'greet-aloud' }).code).toBe(
      'no-open-service',
    );
  });
});

describe('folding', () => {
  it('rebuilds the same state from the stored events (what a reload does)', () => {
    const driver = new ServiceDriver().started().done('stand-to-greet', 'both-hands');
    driver.apply({ type: 'leave-seat' });
    const rebuilt = foldService(
      driver.log.map(({ atMs, event }) => ({ serviceId: 'service-1', atMs, event })),
    );
    expect(rebuilt).toEqual(driver.state);
  });

  it('ignores events of other services', () => {
    const driver = new ServiceDriver().started();
    const state = foldService([
      ...driver.log.map(({ atMs, event }) => ({ serviceId: 'service-1', atMs, event })),
      { serviceId: 'other', atMs: T0, event: { type: 'step-done', stepId: 'greet-aloud' } },
    ]);
    expect(state?.steps['greet-aloud'].status).toBe('pending');
  });
});

describe('the service timer', () => {
  it('turns amber past 80% of the target and red past the target', () => {
    expect(timerLevel(100_000, 180)).toBe('ok');
    expect(timerLevel(150_000, 180)).toBe('amber');
    expect(timerLevel(180_001, 180)).toBe('red');
  });
});

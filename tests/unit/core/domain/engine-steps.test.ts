/** The service engine: starting a service, step commands, stale taps, skipping and not applicable. */
import { describe, expect, it } from 'vitest';
import { SERVICE_STANDARD, STEP_IDS } from '../../../../core/domain/flow/flow-definition';
import { currentStep, decideService, foldService } from '../../../../core/domain/service/engine';
import {
  PLAIN_ALWAYS_STEPS,
  ServiceDriver,
  T0,
  context,
  startCommand,
  timed,
  type Step,
} from '../../helpers/builders';

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

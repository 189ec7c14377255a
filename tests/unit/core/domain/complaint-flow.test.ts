import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_STANDARD,
  COMPLAINT_STEP_IDS,
  ComplaintFlowSchema,
} from '../../../../core/domain/flow/complaint-flow';
import { FIVE_VOICES, FORBIDDEN_PHRASES } from '../../../../core/domain/flow/forbidden-phrases';
import { SERVICE_STANDARD, isConditional } from '../../../../core/domain/flow/flow-definition';
import { DomainEventSchema } from '../../../../core/domain/log/events';
import { DEFAULT_CONFIG, applyConfigChange } from '../../../../core/domain/device/config';
import { summaryProblem } from '../../../../core/domain/service/complaint';
import { currentStep, stepsBlockingFinish } from '../../../../core/domain/service/engine';
import { ServiceDriver, startCommand, type Step } from '../../helpers/builders';

const GREETING = [
  'stand-to-greet',
  'eye-contact-smile',
  'greet-aloud',
  'check-ticket',
  'invite-to-sit',
  'ask-needs',
] as const;

const done = (
  driver: ServiceDriver,
  ...stepIds: Extract<Step, { type: 'mark-done' }>['stepId'][]
) => stepIds.forEach((stepId) => driver.apply({ type: 'mark-done', stepId }));

const record = (
  overrides: Partial<Extract<Step, { type: 'record-complaint' }>> = {},
): Extract<Step, { type: 'record-complaint' }> => ({
  type: 'record-complaint',
  category: 'billing',
  summary: '张先生本月话费多扣了30元',
  outcome: 'resolved',
  due: null,
  manager: null,
  managerPin: null,
  ...overrides,
});

/** Records the complaint's six steps: calm (conditional) as not applicable. */
function handleComplaint(driver: ServiceDriver) {
  done(driver, 'complaint-accept');
  driver.apply({ type: 'mark-na', stepId: 'complaint-calm' });
  done(driver, 'complaint-clarify', 'complaint-explore');
  driver.apply(record());
  done(driver, 'complaint-thank');
}

describe('the complaint flow definition', () => {
  it('has the standard’s six steps in order: accept, calm, clarify, explore, act, thank', () => {
    expect(COMPLAINT_STANDARD.steps.map((step) => step.id)).toEqual([...COMPLAINT_STEP_IDS]);
    expect(COMPLAINT_STANDARD.steps.map((step) => step.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('makes calming the customer conditional and the act step carry the complaint’s form', () => {
    const conditional = COMPLAINT_STANDARD.steps.filter(isConditional).map((step) => step.id);
    expect(conditional).toEqual(['complaint-calm']);
    const withForm = COMPLAINT_STANDARD.steps.filter((step) => step.action !== 'done');
    expect(withForm.map((step) => [step.id, step.action])).toEqual([
      ['complaint-act', 'complaint-record'],
    ]);
  });

  it('starts with the complaint business type, after the customer was asked what they need', () => {
    expect(COMPLAINT_STANDARD.startsWith).toEqual({
      businessType: 'complaint',
      after: 'ask-needs',
    });
  });

  it('has the words to say in every language, with the customer’s title and surname', () => {
    for (const step of COMPLAINT_STANDARD.steps) {
      expect(step.script).not.toBeNull();
      expect(Object.keys(step.script!)).toEqual(['zh-CN', 'zh-TW', 'en']);
      expect(step.script!['zh-CN']).toContain('{customer}');
    }
  });

  it('takes a manager’s script for a complaint step, and goes back to the standard’s', () => {
    const text = {
      'zh-CN': '{customer}，对不起！',
      'zh-TW': '{customer}，對不起！',
      en: 'Sorry, {customer}!',
    };
    const changed = applyConfigChange(DEFAULT_CONFIG, {
      key: 'script',
      stepId: 'complaint-accept',
      text,
    });
    expect(changed.complaintFlow.steps[0]?.script).toEqual(text);
    expect(changed.flow).toBe(DEFAULT_CONFIG.flow);
    const back = applyConfigChange(changed, {
      key: 'script',
      stepId: 'complaint-accept',
      text: null,
    });
    expect(back.complaintFlow.steps[0]?.script).toEqual(COMPLAINT_STANDARD.steps[0]?.script);
  });

  it('refuses a definition with its steps out of order', () => {
    const [first, second, ...rest] = COMPLAINT_STANDARD.steps;
    const swapped = { ...COMPLAINT_STANDARD, steps: [second, first, ...rest] };
    expect(ComplaintFlowSchema.safeParse(swapped).success).toBe(false);
  });

  it('pairs every forbidden phrase with what to say instead, and lists the five voices', () => {
    expect(FORBIDDEN_PHRASES.map((pair) => pair.never['zh-CN'])).toEqual(
      expect.arrayContaining([
        '不知道。',
        '我不管，问别人去。',
        '你去投诉好了。',
        '不行就是不行！',
      ]),
    );
    const unknown = FORBIDDEN_PHRASES.find((pair) => pair.never['zh-CN'] === '不知道。');
    expect(unknown?.instead['zh-CN']).toBe('我先帮您咨询一下。');
    expect(FIVE_VOICES.map((voice) => voice.name['zh-CN'])).toEqual([
      '来有迎声',
      '问有答声',
      '帮有谢声',
      '怨有歉声',
      '走有送声',
    ]);
  });
});

describe('a service that is a complaint from its start', () => {
  it('records the complaint with the start and shows its steps after the greeting', () => {
    const driver = new ServiceDriver();
    const events = driver.apply(startCommand({ businessType: 'complaint' }));
    expect(events.map((event) => event.type)).toEqual(['service-started', 'complaint-started']);
    expect(driver.state?.complaint?.trigger).toBe('business-type');
    expect(currentStep(SERVICE_STANDARD, driver.state!)).toBe('stand-to-greet');
    done(driver, ...GREETING);
    expect(currentStep(SERVICE_STANDARD, driver.state!)).toBe('complaint-accept');
    done(driver, 'complaint-accept');
    expect(currentStep(SERVICE_STANDARD, driver.state!)).toBe('complaint-calm');
  });

  it('goes on with the service’s own steps once every complaint step has an outcome', () => {
    const driver = new ServiceDriver();
    driver.apply(startCommand({ businessType: 'complaint' }));
    done(driver, ...GREETING);
    handleComplaint(driver);
    expect(currentStep(SERVICE_STANDARD, driver.state!)).toBe('address-by-surname');
  });
});

describe('a complaint started during another service', () => {
  it('comes first at once, then the service resumes its own steps where it was', () => {
    const driver = new ServiceDriver();
    driver.apply(startCommand({ businessType: 'bill-payment' }));
    done(driver, ...GREETING, 'address-by-surname');
    expect(driver.apply({ type: 'start-complaint' })).toEqual([
      { type: 'complaint-started', trigger: 'during-service' },
    ]);
    expect(currentStep(SERVICE_STANDARD, driver.state!)).toBe('complaint-accept');
    handleComplaint(driver);
    expect(currentStep(SERVICE_STANDARD, driver.state!)).toBe('recommend');
    driver.apply({ type: 'recommend', offer: 'broadband', response: 'declined' });
    done(driver, 'confirm-anything-else', 'stand-to-see-off');
    const finished = driver.apply({ type: 'call-next', nextTicket: 'A026' });
    expect(finished.at(-1)?.type).toBe('service-finished');
    expect(driver.state?.outcome).toBe('finished');
  });

  it('cannot be started twice in one service', () => {
    const driver = new ServiceDriver();
    driver.apply(startCommand());
    driver.apply({ type: 'start-complaint' });
    expect(driver.refusal({ type: 'start-complaint' }).code).toBe('complaint-already-started');
  });

  it('holds the finish until every complaint step has an outcome, naming them first', () => {
    const driver = new ServiceDriver();
    driver.apply(startCommand());
    driver.apply({ type: 'start-complaint' });
    expect(stepsBlockingFinish(SERVICE_STANDARD, driver.state!).slice(0, 5)).toEqual([
      'complaint-accept',
      'complaint-clarify',
      'complaint-explore',
      'complaint-act',
      'complaint-thank',
    ]);
    expect(driver.refusal({ type: 'finish' })).toMatchObject({ code: 'steps-pending' });
  });

  it('records calming as not applicable (automatically) when the service finishes without it', () => {
    const driver = new ServiceDriver();
    driver.apply(startCommand());
    driver.apply({ type: 'start-complaint' });
    done(driver, 'complaint-accept', 'complaint-clarify', 'complaint-explore');
    driver.apply(record());
    done(driver, 'complaint-thank', ...GREETING, 'address-by-surname');
    driver.apply({ type: 'recommend', offer: 'broadband', response: 'declined' });
    done(driver, 'confirm-anything-else', 'stand-to-see-off');
    const events = driver.apply({ type: 'call-next', nextTicket: 'A026' });
    expect(events).toContainEqual({
      type: 'complaint-step',
      stepId: 'complaint-calm',
      outcome: 'na',
      reason: null,
      note: '',
    });
  });
});

describe('complaint steps follow the same rules as the seventeen', () => {
  const complaining = () => {
    const driver = new ServiceDriver();
    driver.apply(startCommand());
    driver.apply({ type: 'start-complaint' });
    return driver;
  };

  it('refuses a bare Done on the act step: it is recorded through the complaint form', () => {
    expect(complaining().refusal({ type: 'mark-done', stepId: 'complaint-act' }).code).toBe(
      'step-has-own-command',
    );
  });

  it('refuses not applicable on an every-complaint step, and a skip without a reason', () => {
    const driver = complaining();
    expect(driver.refusal({ type: 'mark-na', stepId: 'complaint-accept' }).code).toBe(
      'na-on-always-step',
    );
    expect(
      driver.refusal({ type: 'skip', stepId: 'complaint-clarify', reason: null, note: '' }).code,
    ).toBe('skip-needs-reason');
  });

  it('records a skip with its reason and note', () => {
    const driver = complaining();
    const events = driver.apply({
      type: 'skip',
      stepId: 'complaint-explore',
      reason: 'other',
      note: ' 客户不愿多谈 ',
    });
    expect(events).toEqual([
      {
        type: 'complaint-step',
        stepId: 'complaint-explore',
        outcome: 'skipped',
        reason: 'other',
        note: '客户不愿多谈',
      },
    ]);
    expect(driver.state?.complaint?.steps['complaint-explore'].status).toBe('skipped');
  });

  it('refuses a complaint step when no complaint was started', () => {
    const driver = new ServiceDriver();
    driver.apply(startCommand());
    expect(driver.refusal({ type: 'mark-done', stepId: 'complaint-accept' }).code).toBe(
      'no-complaint',
    );
  });
});

describe('the complaint’s summary', () => {
  it.each([
    ['13800138000', 'phone-number'],
    ['客户电话 138 0013 8000 请回电', 'phone-number'],
    ['座机010-12345678', 'phone-number'],
    ['１３８００１３８０００', 'phone-number'],
    ['身份证11010519491231002X', 'id-number'],
    ['证件号 110105 1949 1231 0021', 'id-number'],
    ['旧证 110105491231002', 'id-number'],
    ['', 'empty'],
    ['字'.repeat(201), 'too-long'],
  ])('refuses %j as %s', (summary, problem) => {
    expect(summaryProblem(summary)).toBe(problem);
  });

  it.each(['张先生本月话费多扣了30元', '2026年11月账单多收120.50元', 'Mr Zhang waited 45 minutes'])(
    'accepts %j',
    (summary) => {
      expect(summaryProblem(summary)).toBeNull();
    },
  );

  it('is refused by the engine with the reason, and nothing is recorded', () => {
    const driver = new ServiceDriver();
    driver.apply(startCommand());
    driver.apply({ type: 'start-complaint' });
    expect(driver.refusal(record({ summary: '请回电13800138000' }))).toEqual({
      code: 'invalid-complaint-summary',
      summary: 'phone-number',
    });
    expect(driver.state?.complaint?.record).toBeNull();
  });

  it('is refused by the log’s schema too, so a forged record cannot carry one', () => {
    const event = {
      type: 'complaint-recorded',
      category: 'billing',
      summary: '身份证11010519491231002X',
      outcome: { kind: 'resolved' },
    };
    expect(DomainEventSchema.safeParse(event).success).toBe(false);
    expect(DomainEventSchema.safeParse({ ...event, summary: '话费多扣' }).success).toBe(true);
  });

  it('promises a follow-up only for today or later', () => {
    const driver = new ServiceDriver();
    driver.apply(startCommand());
    driver.apply({ type: 'start-complaint' });
    expect(driver.refusal(record({ outcome: 'follow-up', due: '2020-01-01' })).code).toBe(
      'follow-up-in-past',
    );
    expect(driver.refusal(record({ outcome: 'follow-up', due: '' })).code).toBe(
      'follow-up-needs-date',
    );
    expect(driver.apply(record({ outcome: 'follow-up', due: '2099-12-31' }))).toEqual([
      {
        type: 'complaint-recorded',
        category: 'billing',
        summary: '张先生本月话费多扣了30元',
        outcome: { kind: 'follow-up', due: '2099-12-31' },
      },
    ]);
  });
});

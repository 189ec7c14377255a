/**
 * Generated device logs for the property tests (fast-check): a plan of one to a few services —
 * each step done, done twice, skipped, not applicable or untouched, the clerk signing out and in,
 * locking or replaced by a manager between services — and the log a device writes for it.
 */
import fc from 'fast-check';
import { SKIP_REASONS, type SkipReason, type Title } from '../../../../core/domain/catalog';
import type { Step } from '../../helpers/builders';
import { type DeviceLog, CLERK, MANAGER, OTHER_PIN, PIN, staffedLog } from './device-log';

type Choice = 'done' | 'twice' | 'skip' | 'na' | 'untouched';
type Between = 'nothing' | 'sign-out-and-in' | 'lock-and-unlock' | 'replaced-by-manager';

interface ServicePlan {
  title: Title;
  surname: string | null;
  businessType: string;
  /** What happens to each step before the end, in the standard's order. */
  alwaysSteps: ('done' | 'skip')[];
  money: Choice;
  items: Choice;
  leaflet: Choice;
  leave: 'leave' | 'na' | 'untouched';
  recommend: 'record' | 'skip';
  skipReason: SkipReason;
  note: string;
  dueFen: number;
  changeFen: number;
  end: 'call-next' | 'finish' | 'abandon';
  /** With `abandon`: how many steps get an outcome first. */
  abandonAfter: number;
  then: Between;
}

const PLAIN_ALWAYS = [
  'stand-to-greet',
  'eye-contact-smile',
  'greet-aloud',
  'check-ticket',
  'invite-to-sit',
  'ask-needs',
  'address-by-surname',
] as const;
const FAREWELL = ['confirm-anything-else', 'stand-to-see-off'] as const;

const conditional = fc.constantFrom<Choice>('done', 'twice', 'na', 'untouched');

const servicePlan: fc.Arbitrary<ServicePlan> = fc.record({
  title: fc.constantFrom<Title>('mr', 'ms'),
  surname: fc.constantFrom(null, '张', '欧阳', '歐陽', 'Li', "O'Brien"),
  businessType: fc.constantFrom('bill-payment', 'enquiry', 'new-subscription'),
  alwaysSteps: fc.array(fc.constantFrom<'done' | 'skip'>('done', 'done', 'skip'), {
    minLength: 9,
    maxLength: 9,
  }),
  money: conditional,
  items: conditional,
  leaflet: conditional,
  leave: fc.constantFrom<ServicePlan['leave']>('leave', 'na', 'untouched'),
  recommend: fc.constantFrom<ServicePlan['recommend']>('record', 'skip'),
  skipReason: fc.constantFrom(...SKIP_REASONS),
  note: fc.constantFrom('顾客赶时间', 'queue "empty"', 'ok\\done', ''),
  dueFen: fc.nat({ max: 1_000_000 }),
  changeFen: fc.nat({ max: 10_000 }),
  end: fc.constantFrom<ServicePlan['end']>('call-next', 'call-next', 'finish', 'abandon'),
  abandonAfter: fc.nat({ max: 16 }),
  then: fc.constantFrom<Between>(
    'nothing',
    'sign-out-and-in',
    'lock-and-unlock',
    'replaced-by-manager',
  ),
});

interface LogPlan {
  /** Call the shift's first ticket before any service. */
  callFirst: boolean;
  services: ServicePlan[];
  signOut: boolean;
}

export const logPlanOf = (maxServices: number): fc.Arbitrary<LogPlan> =>
  fc.record({
    callFirst: fc.boolean(),
    services: fc.array(servicePlan, { minLength: 1, maxLength: maxServices }),
    signOut: fc.boolean(),
  });
export const logPlan = logPlanOf(3);

/** The commands a plan gives for one service, in order (the unlock after leaving included). */
function serviceCommands(plan: ServicePlan, ticket: string, next: string): (Step | 'unlock')[] {
  const skip = (stepId: Extract<Step, { type: 'skip' }>['stepId']): Step => ({
    type: 'skip',
    stepId,
    reason: plan.skipReason,
    note: plan.skipReason === 'other' && plan.note === '' ? 'other' : plan.note,
  });
  const always = (index: number, stepId: (typeof PLAIN_ALWAYS | typeof FAREWELL)[number]) =>
    plan.alwaysSteps[index] === 'skip' ? [skip(stepId)] : [{ type: 'mark-done', stepId } as const];
  const times = (choice: Choice, step: Step): Step[] =>
    choice === 'done' ? [step] : choice === 'twice' ? [step, step] : [];
  const steps: (Step | 'unlock')[][] = [
    ...PLAIN_ALWAYS.map((stepId, index) => always(index, stepId)),
    plan.money === 'na'
      ? [{ type: 'mark-na', stepId: 'announce-money' }]
      : times(plan.money, {
          type: 'announce-money',
          dueFen: plan.dueFen,
          receivedFen: plan.dueFen + plan.changeFen,
        }),
    plan.items === 'na'
      ? [{ type: 'mark-na', stepId: 'both-hands' }]
      : times(plan.items, { type: 'mark-done', stepId: 'both-hands' }),
    plan.items === 'na'
      ? [{ type: 'mark-na', stepId: 'thank-on-receipt' }]
      : times(plan.items, { type: 'mark-done', stepId: 'thank-on-receipt' }),
    plan.leaflet === 'na'
      ? [{ type: 'mark-na', stepId: 'hand-leaflet' }]
      : times(plan.leaflet, { type: 'mark-done', stepId: 'hand-leaflet' }),
    plan.recommend === 'skip'
      ? [skip('recommend')]
      : [{ type: 'recommend', offer: 'broadband', response: 'declined' }],
    plan.leave === 'leave'
      ? [{ type: 'leave-seat' }, 'unlock']
      : plan.leave === 'na'
        ? [{ type: 'mark-na', stepId: 'apologise-leaving' }]
        : [],
    ...FAREWELL.map((stepId, index) => always(7 + index, stepId)),
  ];
  const start: Step = {
    type: 'start-service',
    ticket,
    title: plan.title,
    surname: plan.surname,
    businessType: plan.businessType,
  };
  if (plan.end === 'abandon') {
    return [
      start,
      ...steps.slice(0, plan.abandonAfter).flat(),
      { type: 'abandon', reason: 'customer-left' },
    ];
  }
  const end: Step[] =
    plan.end === 'call-next'
      ? [{ type: 'call-next', nextTicket: next }]
      : [skip('call-next'), { type: 'finish' }];
  return [start, ...steps.flat(), ...end];
}

export async function buildLog(plan: LogPlan): Promise<DeviceLog> {
  const log = await staffedLog();
  await log.must({ type: 'sign-in', staffNo: CLERK, pin: OTHER_PIN });
  if (plan.callFirst) {
    await log.must({ type: 'call-next', serviceId: null, nextTicket: 'A001' });
  }
  for (const [index, service] of plan.services.entries()) {
    const ticket = `A${String(index * 2 + 1).padStart(3, '0')}`;
    const next = `A${String(index * 2 + 2).padStart(3, '0')}`;
    for (const command of serviceCommands(service, ticket, next)) {
      await log.must(
        command === 'unlock' ? { type: 'unlock', staffNo: null, pin: OTHER_PIN } : command,
      );
    }
    if (service.then === 'sign-out-and-in') {
      await log.must({ type: 'sign-out' });
      await log.must({ type: 'sign-in', staffNo: CLERK, pin: OTHER_PIN });
    } else if (service.then === 'lock-and-unlock') {
      await log.must({ type: 'lock', reason: 'idle' });
      await log.must({ type: 'unlock', staffNo: MANAGER, pin: PIN });
    } else if (service.then === 'replaced-by-manager') {
      await log.must({ type: 'lock', reason: 'manual' });
      await log.must({ type: 'sign-in', staffNo: MANAGER, pin: PIN });
      await log.must({ type: 'sign-out' });
      await log.must({ type: 'sign-in', staffNo: CLERK, pin: OTHER_PIN });
    }
  }
  if (plan.signOut) await log.must({ type: 'sign-out' });
  return log;
}

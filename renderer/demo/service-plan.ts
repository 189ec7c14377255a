/**
 * One service, as a plan of taps at times after its start: the customer drawn (business type,
 * title, surname, how long the service takes), then the greeting, the body (money, items,
 * leaflets, an absence from the seat, a recommendation), the farewell and the call of the next
 * ticket, with realistic gaps — or, for the services planted for the flags, a burst of taps after
 * the work (pencil-whipped), a service far over its target, or the same rhythm repeated.
 */
import type { Title } from '../../core/domain/catalog';
import type { Command } from '../../core/domain/device/commands';
import type { StepId } from '../../core/domain/flow/flow-definition';
import {
  BUSINESS,
  BUSINESS_BY_CODE,
  FAREWELL,
  GREETING,
  OTHER_NOTES,
  SKIP_CHANCE,
  SKIP_REASON_MIX,
  SURNAMES,
  received,
  type Business,
} from './business';
import { complaintGap, complaintSteps } from './complaint-plan';
import type { ServiceStep } from './demo-device';
import { MINUTE, OWN_PIN, SECOND, ms } from './options';
import type { Random } from './random';

export interface Action {
  /** Milliseconds after the service started. */
  at: number;
  step: ServiceStep | Command;
}

export type Kind = 'normal' | 'fast' | 'over' | 'pattern';

export interface Plan {
  kind: Kind;
  business: Business;
  title: Title;
  surname: string | null;
  actions: Action[];
  /** When the service ends (its last action). */
  duration: number;
  ending: 'call-next' | 'finish' | 'abandon';
}

export interface Clerk {
  staffNo: string;
  /** How much more (or less) than others this clerk skips steps. */
  sloppiness: number;
  pinChosen: boolean;
}

function skipStep(random: Random, stepId: StepId): ServiceStep {
  const reason = random.weighted(SKIP_REASON_MIX);
  return {
    type: 'skip',
    stepId,
    reason,
    note: reason === 'other' ? random.pick(OTHER_NOTES) : '',
  };
}

/** The service's target duration in ms, drawn around the business type's target. */
function drawDuration(random: Random, business: Business, target: number, kind: Kind): number {
  if (kind === 'over') return Math.round(target * random.uniform(2.25, 3.2));
  // Most services take about half their target; a few run close to it, none past 1.7×.
  const factor = Math.exp(Math.log(0.5) + 0.32 * random.normal());
  const clipped = Math.min(1.7, Math.max(0.3, factor));
  return Math.round(target * clipped * (business.code === 'complaint' ? 1.1 : 1));
}

/** The body of a service: what happens between addressing the customer and the farewell. */
interface BodyEvent {
  steps: (ServiceStep | Command)[];
  /** Time the event itself spans (an absence from the seat). */
  span: number;
}

function bodyEvents(
  random: Random,
  business: Business,
  target: number,
  fast: boolean,
): BodyEvent[] {
  const events: BodyEvent[] = [];
  const one = (step: ServiceStep | Command) => events.push({ steps: [step], span: 0 });
  const money = random.chance(business.money);
  if (money) {
    const dueFen = business.due(random);
    one({ type: 'announce-money', dueFen, receivedFen: received(random, dueFen) });
  } else if (!fast && random.chance(0.05)) {
    one({ type: 'mark-na', stepId: 'announce-money' });
  }
  if (random.chance(business.items)) one({ type: 'mark-done', stepId: 'both-hands' });
  if (random.chance(business.receipt)) one({ type: 'mark-done', stepId: 'thank-on-receipt' });
  if (random.chance(business.leaflet)) one({ type: 'mark-done', stepId: 'hand-leaflet' });
  if (!fast && random.chance(business.leave)) {
    // Long enough to fetch a SIM card or a form; never enough to double the service.
    const absence = ms(random, 40 * SECOND, Math.min(4 * MINUTE, 0.6 * target));
    const at = random.int(0, events.length);
    events.splice(at, 0, {
      steps: [{ type: 'leave-seat' }, { type: 'unlock', staffNo: null, pin: OWN_PIN }],
      span: absence,
    });
  } else if (!fast && random.chance(0.02)) {
    one({ type: 'mark-na', stepId: 'apologise-leaving' });
  }
  return events;
}

function recommendation(random: Random, business: Business, clerk: Clerk): ServiceStep {
  if (random.chance((business.code === 'complaint' ? 0.5 : 0.08) * clerk.sloppiness)) {
    return {
      type: 'skip',
      stepId: 'recommend',
      reason: business.code === 'complaint' ? 'not-possible-now' : 'customer-in-hurry',
      note: '',
    };
  }
  return {
    type: 'recommend',
    offer: random.pick(business.offers),
    response: random.weighted([
      ['accepted', 12],
      ['interested', 25],
      ['declined', 63],
    ] as const),
  };
}

/** Places `steps` one after another, each `gap()` after the one before. */
function sequence(
  start: number,
  steps: readonly (ServiceStep | Command)[],
  gap: () => number,
): Action[] {
  let at = start;
  return steps.map((step) => {
    at += gap();
    return { at, step };
  });
}

export interface Customer {
  business: Business;
  title: Title;
  surname: string | null;
  /** The surname is learnt from the ID card, after the ticket is checked. */
  namedLater: string | null;
  kind: Kind;
  duration: number;
  target: number;
  /** The business day (a promised follow-up is due a few days after it). */
  day: string;
}

export function drawCustomer(
  random: Random,
  kind: Kind,
  targets: Map<string, number>,
  day: string,
): Customer {
  const business =
    kind === 'pattern'
      ? (BUSINESS_BY_CODE.get('bill-payment') as Business)
      : kind === 'over'
        ? random.weighted(
            BUSINESS.filter((entry) => entry.code !== 'complaint').map(
              (entry) => [entry, entry.weight] as const,
            ),
          )
        : random.weighted(BUSINESS.map((entry) => [entry, entry.weight] as const));
  const target = (targets.get(business.code) ?? 300) * SECOND;
  const known = random.chance(0.72);
  const surname = random.pick(SURNAMES);
  return {
    business,
    title: random.chance(0.5) ? 'mr' : 'ms',
    surname: known ? surname : null,
    namedLater: !known && random.chance(0.4) ? surname : null,
    kind,
    duration: drawDuration(random, business, target, kind),
    target,
    day,
  };
}

/** The farewell and the end: call the next ticket, or (the day's last) skip the call and finish. */
function ending(nextTicket: string | null): (ServiceStep | Command)[] {
  return nextTicket
    ? [{ type: 'call-next', nextTicket }]
    : [
        { type: 'skip', stepId: 'call-next', reason: 'other', note: '营业结束，无人等候' },
        { type: 'finish' },
      ];
}

export function planService(
  random: Random,
  customer: Customer,
  clerk: Clerk,
  ticket: string,
  nextTicket: string | null,
): Plan {
  const { business, kind } = customer;
  const start: Action = {
    at: 0,
    step: {
      type: 'start-service',
      ticket,
      title: customer.title,
      surname: customer.surname,
      businessType: business.code,
    },
  };
  const plain = (stepId: StepId): ServiceStep =>
    kind === 'normal' && random.chance((SKIP_CHANCE[stepId] ?? 0.008) * clerk.sloppiness)
      ? skipStep(random, stepId)
      : { type: 'mark-done', stepId };

  if (kind === 'fast') {
    // The work is done without touching the tablet, then every step is ticked in a burst.
    const body = bodyEvents(random, business, customer.target, true).flatMap(
      (event) => event.steps,
    );
    const burst: (ServiceStep | Command)[] = [
      ...GREETING.map((stepId): ServiceStep => ({ type: 'mark-done', stepId })),
      ...complaintSteps(random, business.code, customer.day).map((tap) => tap.step),
      { type: 'mark-done', stepId: 'address-by-surname' },
      ...body,
      {
        type: 'recommend',
        offer: random.pick(business.offers),
        response: 'declined',
      },
      ...FAREWELL.map((stepId): ServiceStep => ({ type: 'mark-done', stepId })),
      ...ending(nextTicket),
    ];
    const begin = Math.max(20 * SECOND, customer.duration - burst.length * 500);
    const actions = [start, ...sequence(begin, burst, () => ms(random, 320, 700))];
    return {
      kind,
      business,
      title: customer.title,
      surname: customer.surname,
      actions,
      duration: (actions.at(-1) as Action).at,
      ending: nextTicket ? 'call-next' : 'finish',
    };
  }

  // Greeting: mostly in the standard's order, now and then two neighbours swapped.
  const greeting: (ServiceStep | Command)[] = GREETING.map(plain);
  if (kind === 'normal' && random.chance(0.04)) {
    const at = random.int(1, greeting.length - 2);
    [greeting[at], greeting[at + 1]] = [greeting[at + 1], greeting[at]] as [
      ServiceStep,
      ServiceStep,
    ];
  }
  if (customer.namedLater) {
    greeting.splice(4, 0, { type: 'name-customer', surname: customer.namedLater });
  }
  const greeted = sequence(0, greeting, () => ms(random, 2_000, 6_000));
  // A complaint's own six steps come after the greeting (the complaint flow's `startsWith`).
  let complaintAt = (greeted.at(-1) as Action).at;
  const complaint = complaintSteps(random, business.code, customer.day).map(
    ({ stepId, step }): Action => {
      complaintAt += complaintGap(random, stepId);
      return { at: complaintAt, step };
    },
  );
  const head = [...greeted, ...complaint];
  const address = {
    at: (head.at(-1) as Action).at + ms(random, 4_000, 20_000),
    step: plain('address-by-surname'),
  };

  const tailSteps = [...FAREWELL.map(plain), ...ending(nextTicket)];
  const tailGaps = tailSteps.map(() => ms(random, 2_500, 8_000));
  const tailLength = tailGaps.reduce((sum, gap) => sum + gap, 0);

  // The body: its events in order, with random gaps filling the time the service takes.
  const events = [
    ...bodyEvents(random, business, customer.target, false),
    { steps: [recommendation(random, business, clerk)], span: 0 },
  ];
  const minGap = 3_000;
  const fixed = events.reduce((sum, event) => sum + event.span + minGap, minGap);
  const bodyStart = address.at;
  const free = Math.max(0, customer.duration - tailLength - bodyStart - fixed);
  const weights = events.map(() => random.exponential());
  weights.push(random.exponential() * 0.5);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const body: Action[] = [];
  let at = bodyStart;
  events.forEach((event, index) => {
    at += minGap + Math.round((free * (weights[index] as number)) / total);
    const [first, second] = event.steps;
    if (first) body.push({ at, step: first });
    if (second) {
      at += event.span;
      body.push({ at, step: second });
    }
  });
  at += minGap + Math.round((free * (weights.at(-1) as number)) / total);
  const tail: Action[] = tailSteps.map((step, index) => {
    if (index > 0) at += tailGaps[index] as number;
    return { at, step };
  });
  let actions = [start, ...head, address, ...body, ...tail];
  let end: Plan['ending'] = nextTicket ? 'call-next' : 'finish';

  // A customer who leaves early (or came to the wrong counter): the service ends there.
  if (kind === 'normal') {
    const leaves = random.chance(0.015);
    const wrongCounter = !leaves && random.chance(0.005);
    if (leaves || wrongCounter) {
      let cut = wrongCounter ? random.int(4, 7) : random.int(3, actions.length - 4);
      // Never between leaving the seat and coming back: the screen is locked then.
      if (actions[cut - 1]?.step.type === 'leave-seat') cut += 1;
      actions = actions.slice(0, cut);
      actions.push({
        at: (actions.at(-1) as Action).at + ms(random, 5_000, 40_000),
        step: { type: 'abandon', reason: wrongCounter ? 'no-business' : 'customer-left' },
      });
      end = 'abandon';
    }
  }
  return {
    kind,
    business,
    title: customer.title,
    surname: customer.surname,
    actions,
    duration: (actions.at(-1) as Action).at,
    ending: end,
  };
}

/** The same plan for another customer: same steps, same intervals, their own ticket and name. */
export function replan(
  template: Plan,
  customer: Customer,
  ticket: string,
  nextTicket: string,
): Plan {
  const actions = template.actions.map((action): Action => {
    const { step } = action;
    if (step.type === 'start-service')
      return {
        at: action.at,
        step: { ...step, ticket, title: customer.title, surname: customer.surname },
      };
    if (step.type === 'call-next') return { at: action.at, step: { ...step, nextTicket } };
    return action;
  });
  return { ...template, title: customer.title, surname: customer.surname, actions };
}

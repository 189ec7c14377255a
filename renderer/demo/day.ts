/**
 * A business day at a counter: the clerks' shifts between opening and closing (customers spread
 * by the hour's usual traffic), the hall's tickets, and each shift's customers served one after
 * another — with the planted services placed among them and the manager's visit after a shift.
 */
import { act, managerVisit, rate, signIn, type CounterContext, type Served } from './counter';
import {
  CLOSE_MINUTES,
  MINUTE,
  OPEN_MINUTES,
  OWN_PIN,
  SECOND,
  addDays,
  localMs,
  ms,
  type RepeatedPattern,
} from './options';
import {
  drawCustomer,
  planService,
  replan,
  type Clerk,
  type Customer,
  type Kind,
  type Plan,
} from './service-plan';
interface Shift {
  clerk: Clerk;
  start: number;
  end: number;
  services: number;
}

/** Customers per local hour from 09:00: a morning and an afternoon peak, a quieter lunch. */
const HOURLY = [0.8, 1.3, 1.3, 1.0, 0.7, 0.9, 1.2, 1.2, 1.0];

function intensity(fromMinutes: number, toMinutes: number): number {
  let sum = 0;
  for (let minute = fromMinutes; minute < toMinutes; minute += 1) {
    sum += HOURLY[Math.floor((minute - OPEN_MINUTES) / 60)] ?? 0;
  }
  return sum;
}

function planShifts(context: CounterContext, day: string, index: number): Shift[] {
  const { random, clerks, options } = context;
  const count = Math.min(clerks.length, 3);
  const span = CLOSE_MINUTES - OPEN_MINUTES;
  const bounds = Array.from(
    { length: count + 1 },
    (_, i) => OPEN_MINUTES + Math.round((span * i) / count),
  );
  // Clerks take turns: a different order every day.
  const rotation = clerks.map((_, i) => clerks[(i + index) % clerks.length] as Clerk);
  const working = random.chance(0.3) ? random.shuffle(rotation) : rotation;
  const weights = bounds.slice(0, -1).map((from, i) => intensity(from, bounds[i + 1] as number));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const exact = weights.map((weight) => (options.servicesPerDay * weight) / total);
  const counts = exact.map(Math.floor);
  const order = exact
    .map((value, i) => [value - Math.floor(value), i] as const)
    .sort((a, b) => b[0] - a[0]);
  for (
    let left = options.servicesPerDay - counts.reduce((a, b) => a + b, 0), k = 0;
    left > 0;
    left -= 1, k += 1
  ) {
    const i = (order[k % order.length] as readonly [number, number])[1];
    counts[i] = (counts[i] as number) + 1;
  }
  return counts.map((services, i) => ({
    clerk: working[i] as Clerk,
    start: localMs(day, (bounds[i] as number) - (i === 0 ? ms(random, 3, 9) : 0), options.timeZone),
    end: localMs(day, bounds[i + 1] as number, options.timeZone),
    services,
  }));
}

const ticketText = (n: number) => `A${String(n).padStart(3, '0')}`;

export async function simulateDay(context: CounterContext, dayIndex: number): Promise<void> {
  const { device, random, options, truth } = context;
  const day = addDays(options.startDate, dayIndex);
  // The tablet is switched on before opening.
  device.now = Math.max(device.now, localMs(day, 8 * 60 + ms(random, 30, 50), options.timeZone));
  device.reboot();
  const shifts = planShifts(context, day, dayIndex);
  const targets = new Map(device.state.config.businessTypes.map((t) => [t.code, t.targetSeconds]));

  // Tickets for the day: the hall's machine serves every counter, so numbers are not consecutive.
  let ticketNumber = random.int(1, 6);
  const tickets: string[] = [];
  for (let i = 0; i <= options.servicesPerDay; i += 1) {
    tickets.push(ticketText(ticketNumber));
    ticketNumber += 1 + (random.chance(0.6) ? random.int(0, options.counters) : 0);
    if (ticketNumber > 9_999) ticketNumber = 1;
  }
  let served = 0;
  let called = false;
  const patternShift =
    context.pattern?.day === dayIndex
      ? shifts.reduce(
          (best, shift, i) => (shift.services > (shifts[best]?.services ?? 0) ? i : best),
          0,
        )
      : -1;

  for (const [shiftIndex, shift] of shifts.entries()) {
    const { clerk } = shift;
    let t = Math.max(device.now, shift.start);
    t = await signIn(context, t, clerk.staffNo);

    // Who comes this shift, and how long each takes.
    const kinds: Kind[] = [];
    for (let i = 0; i < shift.services; i += 1) {
      const number = context.serviceNumber + i;
      kinds.push(
        context.plantFast.has(number) ? 'fast' : context.plantOver.has(number) ? 'over' : 'normal',
      );
    }
    if (shiftIndex === patternShift) {
      // Among this shift's ordinary customers (never the last: the pattern ends by calling next).
      const candidates = kinds.flatMap((kind, i) =>
        kind === 'normal' && i < kinds.length - 1 ? [i] : [],
      );
      if (candidates.length >= 4) {
        const repeats = Math.min(candidates.length, random.int(4, 6));
        for (const i of random.shuffle(candidates).slice(0, repeats)) kinds[i] = 'pattern';
      }
    }
    const customers = kinds.map((kind) => drawCustomer(random, kind, targets, day));
    const walks = customers.map(() => ms(random, 18_000, 45_000));
    const available = shift.end - t - 4 * MINUTE;
    const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
    const durations = (kind: (customer: Customer) => boolean) =>
      sum(customers.filter(kind).map((customer) => customer.duration));
    const walking = sum(walks);
    const planted = durations((customer) => customer.kind !== 'normal');
    const normal = durations((customer) => customer.kind === 'normal');
    if (walking + planted + normal > available && normal > 0) {
      // More customers than the shift holds at these durations: everyone else is a little quicker.
      const scale = Math.max(0.35, (available - walking - planted) / normal);
      for (const customer of customers)
        if (customer.kind === 'normal') customer.duration = Math.round(customer.duration * scale);
    }
    const slack = Math.max(
      0,
      available - walking - planted - durations((c) => c.kind === 'normal'),
    );
    const gapWeights = customers.map(() => random.exponential());
    const weightSum = gapWeights.reduce((sum, weight) => sum + weight, 0) || 1;

    let template: Plan | null = null;
    const pattern: RepeatedPattern = { clerk: clerk.staffNo, day, serviceIds: [] };
    const thisShift: Served[] = [];
    for (const [i, customer] of customers.entries()) {
      const lastOfDay = shiftIndex === shifts.length - 1 && i === customers.length - 1;
      const ticket = tickets[served] as string;
      const nextTicket = lastOfDay ? null : (tickets[served + 1] as string);
      const gap = Math.round((slack * (gapWeights[i] as number)) / weightSum);
      let start: number;
      if (!called) {
        // Nobody called yet (the day's first customer, or after one who left): call the ticket.
        let callAt = t + ms(random, 10_000, 40_000) + Math.round(gap / 2);
        // The hall opens at 09:00: the day's first ticket is called then, not before.
        if (served === 0)
          callAt = Math.max(
            callAt,
            localMs(day, OPEN_MINUTES, options.timeZone) + ms(random, 0, 90_000),
          );
        await act(context, callAt, { type: 'call-next', serviceId: null, nextTicket: ticket });
        start = callAt + (walks[i] as number) + Math.round(gap / 2);
      } else {
        start = t + (walks[i] as number) + gap;
        if (gap > 150 * SECOND && random.chance(0.15)) {
          // A quiet moment: the clerk locks the screen and steps away until the customer comes.
          const lockAt = t + ms(random, 20_000, 40_000);
          await act(context, lockAt, { type: 'lock', reason: 'manual' });
          const back = start - ms(random, 5_000, 15_000);
          device.now = back;
          await device.must({ type: 'unlock', staffNo: null, pin: OWN_PIN });
          context.lastTouch = back;
        }
      }
      let plan: Plan;
      if (customer.kind === 'pattern') {
        template ??= planService(random, customer, clerk, ticket, nextTicket ?? ticket);
        plan = replan(template, customer, ticket, nextTicket ?? ticket);
      } else plan = planService(random, customer, clerk, ticket, nextTicket);

      let serviceId = '';
      for (const action of plan.actions) {
        const stored = await act(context, start + action.at, action.step);
        const started = stored.find((record) => record.event.type === 'service-started');
        if (started?.serviceId) serviceId = started.serviceId;
      }
      const end = start + plan.duration;
      truth.services += 1;
      if (plan.ending === 'abandon') truth.abandoned += 1;
      else truth.finished += 1;
      if (plan.kind === 'fast') truth.fastBurst.push(serviceId);
      if (plan.kind === 'over') truth.farOverTarget.push(serviceId);
      if (plan.kind === 'pattern' && plan.ending !== 'abandon') pattern.serviceIds.push(serviceId);
      thisShift.push({ serviceId, plan, end });
      t = await rate(context, plan, end, serviceId);
      called = plan.ending === 'call-next';
      served += 1;
    }
    context.serviceNumber += shift.services;
    if (pattern.serviceIds.length >= 4) truth.repeatedPattern.push(pattern);

    t += ms(random, 8_000, 30_000);
    await act(context, t, { type: 'sign-out' });
    const last = shiftIndex === shifts.length - 1;
    const amend = context.amendDays.has(dayIndex) && (last || random.chance(0.5));
    if (amend) context.amendDays.delete(dayIndex);
    if (amend || random.chance(last ? 0.3 : 0.45)) {
      t = await managerVisit(context, t + ms(random, 10_000, 40_000), thisShift, amend);
    }
    device.now = t;
  }
}

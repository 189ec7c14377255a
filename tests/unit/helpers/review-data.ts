/**
 * Generated days at a counter, driven through the store's commands (fake IndexedDB): two clerks,
 * several business types, skips, late steps, money, recommendations, absences, abandoned
 * services, a few pencil-whipped ones; then a manager's amendments and spot-checks, and ratings
 * from the customer display. Seeded, so a failure can be replayed.
 */
import type { StepId } from '../../../core/domain/flow/flow-definition';
import { openStore } from '../../../renderer/storage';
import {
  CLERK,
  FIRST_PIN,
  MANAGER,
  PLAIN_ALWAYS_STEPS,
  staffedDevice,
  startCommand,
  type Step,
  type TestDevice,
} from './builders';

export const CLERK2 = { staffNo: '1002', pin: '314159' };
const TYPES = ['bill-payment', 'plan-change', 'enquiry', 'new-subscription'];
const REASONS = ['customer-declined', 'customer-in-hurry', 'not-possible-now', 'forgot'];
const OFFERS = ['5g-plan', 'broadband', 'data-pack'];
const RESPONSES = ['accepted', 'interested', 'declined'] as const;

/** A small seeded PRNG (mulberry32). */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    chance: (p: number) => next() < p,
    between: (low: number, high: number) => low + Math.floor(next() * (high - low + 1)),
  };
}

export interface Generated {
  device: TestDevice;
  serviceIds: string[];
  /** Services ticked off in under a second a step. */
  whipped: string[];
}

async function signInAs(device: TestDevice, person: { staffNo: string; pin: string }) {
  const { session } = device.store.snapshot.state;
  if (session?.staffNo === person.staffNo) return;
  if (session) await device.must({ type: 'sign-out' });
  await device.must({ type: 'sign-in', staffNo: person.staffNo, pin: person.pin });
}

/** One service as the clerk signed in walks it; returns its id. */
async function service(
  device: TestDevice,
  rng: ReturnType<typeof random>,
  ticket: number,
  whip: boolean,
  clerk: { staffNo: string; pin: string },
): Promise<string> {
  const gap = () => (whip ? 400 : rng.between(3_000, 40_000));
  const run = async (step: Step) => {
    device.clock.now += gap();
    // Leaving the seat locks the screen: the clerk's unlock on coming back records the return.
    await device.must(
      step.type === 'return-to-seat'
        ? { type: 'unlock', staffNo: clerk.staffNo, pin: clerk.pin }
        : step,
    );
  };
  await run(startCommand({ ticket: `A${ticket}`, businessType: rng.pick(TYPES) }));
  const serviceId = device.store.snapshot.state.service?.serviceId ?? '';
  const plan: Step[] = PLAIN_ALWAYS_STEPS.slice(0, 7).map((stepId) => ({
    type: 'mark-done',
    stepId,
  }));
  if (rng.chance(0.5)) {
    plan.push({ type: 'announce-money', dueFen: rng.between(1, 500) * 100, receivedFen: 50_000 });
    plan.push({ type: 'mark-done', stepId: 'both-hands' });
  }
  plan.push({ type: 'recommend', offer: rng.pick(OFFERS), response: rng.pick(RESPONSES) });
  if (rng.chance(0.15)) plan.push({ type: 'leave-seat' }, { type: 'return-to-seat' });
  plan.push(
    { type: 'mark-done', stepId: 'confirm-anything-else' },
    { type: 'mark-done', stepId: 'stand-to-see-off' },
  );
  const abandonAt = !whip && rng.chance(0.08) ? rng.between(2, plan.length - 1) : -1;
  let deferred: Step | null = null;
  for (const [index, step] of plan.entries()) {
    // Not while away from the seat: the screen is locked until the clerk is back.
    if (index === abandonAt && step.type !== 'return-to-seat') {
      await run({ type: 'abandon', reason: 'customer-left' });
      return serviceId;
    }
    if (!whip && step.type === 'mark-done' && rng.chance(0.1)) {
      await run({ type: 'skip', stepId: step.stepId, reason: rng.pick(REASONS), note: '' });
      continue;
    }
    if (!whip && step.type === 'mark-done' && !deferred && rng.chance(0.06)) {
      deferred = step;
      continue;
    }
    await run(step);
    if (deferred) {
      await run(deferred);
      deferred = null;
    }
  }
  if (deferred) await run(deferred);
  await run({ type: 'call-next', nextTicket: `A${ticket + 1}` });
  return serviceId;
}

/** `count` services over a few days, every `whipEvery`-th one pencil-whipped. */
export async function generatedDevice(seed: number, count: number, whipEvery = 9) {
  const rng = random(seed);
  const device = await staffedDevice();
  await signInAs(device, MANAGER);
  await device.must({
    type: 'create-account',
    staffNo: CLERK2.staffNo,
    role: 'clerk',
    pin: FIRST_PIN,
    confirmation: FIRST_PIN,
  });
  await device.must({ type: 'sign-out' });
  await device.must({ type: 'sign-in', staffNo: CLERK2.staffNo, pin: FIRST_PIN });
  await device.must({
    type: 'change-own-pin',
    currentPin: FIRST_PIN,
    pin: CLERK2.pin,
    confirmation: CLERK2.pin,
  });
  const generated: Generated = { device, serviceIds: [], whipped: [] };
  for (let index = 0; index < count; index += 1) {
    if (index > 0 && index % 12 === 0) device.clock.now += 20 * 3_600_000; // the next day
    const clerk = index % 3 === 0 ? CLERK2 : CLERK;
    await signInAs(device, clerk);
    const whip = index % whipEvery === whipEvery - 1;
    const id = await service(device, rng, 100 + index, whip, clerk);
    generated.serviceIds.push(id);
    if (whip) generated.whipped.push(id);
  }
  return generated;
}

/** The customer display's tap for the service that just ended. */
export async function rateLast(device: TestDevice, rating: string): Promise<void> {
  const display = await openStore({
    name: device.name,
    clock: { now: () => device.clock.now, mono: () => 0, boot: 'display' },
    pinIterations: 1_000,
    display: true,
  });
  const serviceId = display.snapshot.state.service?.serviceId ?? '';
  const result = await display.execute({ type: 'rate-service', serviceId, rating, reasons: [] });
  display.close();
  if (!result.ok) throw new Error(`rating refused: ${result.error.code}`);
}

export async function asManager(device: TestDevice): Promise<void> {
  await signInAs(device, MANAGER);
}

export const observedAll = (
  seen: 'done' | 'skipped',
  steps: readonly StepId[],
): Partial<Record<StepId, 'done' | 'skipped'>> =>
  Object.fromEntries(steps.map((step) => [step, seen]));

export interface ComplaintPlan {
  ticket: string;
  /** Seconds before each complaint step's tap (accept, calm, clarify, explore, act, thank). */
  gaps: readonly [number, number, number, number, number, number];
  calm: 'done' | 'na';
  clarify: 'done' | 'skipped';
  record: {
    category: string;
    outcome: 'resolved' | 'escalated' | 'follow-up';
    due: string | null;
  };
  /** A complaint tapped during a bill payment, instead of a complaint-type service. */
  during?: boolean;
}

/**
 * A complaint walked through by the clerk signed in, greeting first (5 s a step), each complaint
 * step `gaps` after the tap before it; an escalation goes to MANAGER, who confirms with their
 * PIN. Returns the service's id.
 */
export async function complaintService(device: TestDevice, plan: ComplaintPlan): Promise<string> {
  const tap = async (seconds: number, step: Step) => {
    device.clock.now += seconds * 1_000;
    await device.must(step);
  };
  await device.must(
    startCommand({
      ticket: plan.ticket,
      businessType: plan.during ? 'bill-payment' : 'complaint',
    }),
  );
  const serviceId = device.store.snapshot.state.service?.serviceId ?? '';
  for (const stepId of PLAIN_ALWAYS_STEPS.slice(0, 6)) await tap(5, { type: 'mark-done', stepId });
  if (plan.during) await tap(5, { type: 'start-complaint' });
  const [accept, calm, clarify, explore, act, thank] = plan.gaps;
  await tap(accept, { type: 'mark-done', stepId: 'complaint-accept' });
  await tap(
    calm,
    plan.calm === 'done'
      ? { type: 'mark-done', stepId: 'complaint-calm' }
      : { type: 'mark-na', stepId: 'complaint-calm' },
  );
  await tap(
    clarify,
    plan.clarify === 'done'
      ? { type: 'mark-done', stepId: 'complaint-clarify' }
      : { type: 'skip', stepId: 'complaint-clarify', reason: 'not-possible-now', note: '' },
  );
  await tap(explore, { type: 'mark-done', stepId: 'complaint-explore' });
  const escalated = plan.record.outcome === 'escalated';
  await tap(act, {
    type: 'record-complaint',
    category: plan.record.category,
    summary: '宽带晚间断线',
    outcome: plan.record.outcome,
    due: plan.record.due,
    manager: escalated ? MANAGER.staffNo : null,
    managerPin: escalated ? MANAGER.pin : null,
  });
  await tap(thank, { type: 'mark-done', stepId: 'complaint-thank' });
  await tap(5, { type: 'mark-done', stepId: 'address-by-surname' });
  await tap(5, { type: 'recommend', offer: 'broadband', response: 'declined' });
  for (const stepId of ['confirm-anything-else', 'stand-to-see-off'] as const) {
    await tap(5, { type: 'mark-done', stepId });
  }
  await tap(5, { type: 'call-next', nextTicket: `${plan.ticket}9` });
  return serviceId;
}

/** `count` more services by the clerk (signed in as needed), tickets from `firstTicket`. */
export async function moreServices(
  device: TestDevice,
  seed: number,
  count: number,
  firstTicket: number,
): Promise<string[]> {
  const rng = random(seed);
  const ids: string[] = [];
  await signInAs(device, CLERK);
  for (let index = 0; index < count; index += 1) {
    ids.push(await service(device, rng, firstTicket + index, index % 5 === 4, CLERK));
  }
  return ids;
}

/**
 * A counter's device and the staff at it: the context a simulated counter carries, a staff
 * member's tap (the screen locking itself first when left idle), signing in (now and then with a
 * wrong PIN first; a new account's own PIN chosen at the first sign-in), the device's set-up on
 * its first morning, the customer's rating from the customer display, and the manager's visit
 * between shifts (spot-checks, now and then an amendment, follow-ups closed).
 */
import type { Command } from '../../core/domain/device/commands';
import type { StepId } from '../../core/domain/flow/flow-definition';
import type { Observation, Rating } from '../../core/domain/log/events';
import type { LogRecord } from '../../core/domain/log/records';
import { BUSINESS } from './business';
import type { DemoDevice, ServiceStep } from './demo-device';
import {
  DEMO_STAFF,
  GIVEN_PIN,
  IDLE_LOCK_MINUTES,
  MINUTE,
  OWN_PIN,
  RATING_TIMEOUT,
  localMs,
  ms,
  type DemoDeviceTruth,
  type DemoSettings,
} from './options';
import type { Random } from './random';
import type { Clerk, Plan } from './service-plan';
export interface CounterContext {
  random: Random;
  device: DemoDevice;
  counter: string;
  clerks: Clerk[];
  options: Omit<DemoSettings, 'locale'>;
  truth: DemoDeviceTruth;
  /** Global service numbers to plant as pencil-whipped or far over target. */
  plantFast: Set<number>;
  plantOver: Set<number>;
  pattern: { day: number } | null;
  /** Days on which the manager corrects a service. */
  amendDays: Set<number>;
  businessNames: Record<string, string>;
  serviceNumber: number;
  lastTouch: number;
}

/** A staff member's tap at `at`: the screen locked itself first if it was left idle too long. */
export async function act(
  context: CounterContext,
  at: number,
  step: ServiceStep | Command,
): Promise<LogRecord[]> {
  const { device } = context;
  const session = device.state.session;
  if (at < device.now) throw new Error(`the clock would go back (${step.type})`);
  const lockAt = context.lastTouch + IDLE_LOCK_MINUTES * MINUTE;
  if (session && !session.locked && at - lockAt >= 2) {
    device.now = lockAt;
    await device.must({ type: 'lock', reason: 'idle' });
    device.now = at - Math.min(ms(context.random, 1_500, 4_000), Math.floor((at - lockAt) / 2));
    await device.must({ type: 'unlock', staffNo: null, pin: pinOf(context, session.staffNo) });
  }
  device.now = at;
  const stored = await device.must(step);
  context.lastTouch = at;
  return stored;
}

function pinOf(context: CounterContext, staffNo: string): string {
  const clerk = context.clerks.find((entry) => entry.staffNo === staffNo);
  return clerk && !clerk.pinChosen
    ? GIVEN_PIN
    : staffNo === DEMO_STAFF.manager
      ? GIVEN_PIN
      : OWN_PIN;
}

export async function signIn(
  context: CounterContext,
  at: number,
  staffNo: string,
): Promise<number> {
  const { device, random } = context;
  let time = at;
  if (random.chance(0.03)) {
    device.now = time;
    const { refusal } = await device.run({ type: 'sign-in', staffNo, pin: '000000' });
    if (refusal?.code !== 'wrong-pin') throw new Error('a wrong PIN was not refused as such');
    time += ms(random, 4_000, 12_000);
  }
  const clerk = context.clerks.find((entry) => entry.staffNo === staffNo);
  device.now = time;
  await device.must({ type: 'sign-in', staffNo, pin: pinOf(context, staffNo) });
  context.lastTouch = time;
  if (clerk && !clerk.pinChosen) {
    time += ms(random, 10_000, 25_000);
    await act(context, time, {
      type: 'change-own-pin',
      currentPin: GIVEN_PIN,
      pin: OWN_PIN,
      confirmation: OWN_PIN,
    });
    clerk.pinChosen = true;
  }
  return time;
}

export async function setUp(context: CounterContext, day: string): Promise<void> {
  const { device, random } = context;
  device.now = localMs(day, 8 * 60 + 10, context.options.timeZone);
  device.reboot();
  const manager = DEMO_STAFF.manager;
  await device.must({
    type: 'first-run',
    counter: context.counter,
    staffNo: manager,
    pin: GIVEN_PIN,
    confirmation: GIVEN_PIN,
  });
  context.lastTouch = device.now;
  let at = device.now;
  const next = () => (at += ms(random, 8_000, 40_000));
  await act(context, next(), {
    type: 'change-config',
    change: { key: 'business-day', timeZone: context.options.timeZone, startMinutes: 0 },
  });
  await act(context, next(), {
    type: 'change-config',
    change: { key: 'idle-lock-minutes', value: IDLE_LOCK_MINUTES },
  });
  for (const clerk of context.clerks) {
    await act(context, next(), {
      type: 'create-account',
      staffNo: clerk.staffNo,
      role: 'clerk',
      pin: GIVEN_PIN,
      confirmation: GIVEN_PIN,
    });
  }
  await act(context, next(), {
    type: 'create-account',
    staffNo: DEMO_STAFF.auditor,
    role: 'auditor',
    pin: GIVEN_PIN,
    confirmation: GIVEN_PIN,
  });
  await act(context, next(), { type: 'sign-out' });
}

/** Rates the service that just ended, from the customer display; returns when it was done. */
export async function rate(context: CounterContext, plan: Plan, end: number, serviceId: string) {
  const { device, random } = context;
  let at: number | null = null;
  let rating: Rating = 'unanswered';
  let reasons: string[] = [];
  if (plan.ending === 'abandon') {
    if (random.chance(0.6)) at = end + RATING_TIMEOUT;
  } else if (random.chance(0.78)) {
    at = end + ms(random, 3_000, 12_000);
    rating = random.weighted([
      ['satisfied', 88],
      ['neutral', 8],
      ['dissatisfied', 4],
    ] as const);
    if (rating !== 'satisfied' && random.chance(0.7)) {
      reasons = [
        random.weighted([
          ['waited-too-long', 40],
          ['not-solved', 20],
          ['attitude', 10],
          ['unclear', 20],
          ['other', 10],
        ] as const),
      ];
    }
  } else at = end + RATING_TIMEOUT;
  if (at === null) return end;
  device.now = at;
  await device.must({ type: 'rate-service', serviceId, rating, reasons });
  return at;
}

export interface Served {
  serviceId: string;
  plan: Plan;
  end: number;
}

/** The manager's visit between shifts: spot-checks, now and then an amendment, follow-ups closed. */
export async function managerVisit(
  context: CounterContext,
  at: number,
  served: readonly Served[],
  amend: boolean,
): Promise<number> {
  const { device, random } = context;
  let time = await signIn(context, at, DEMO_STAFF.manager);
  const ended = served.filter((entry) => entry.plan.ending !== 'abandon');
  const checks = ended.length === 0 ? 0 : random.int(1, Math.min(2, ended.length));
  for (const target of random.shuffle(ended).slice(0, checks)) {
    const state = await device.serviceState(target.serviceId);
    if (!state) throw new Error('a spot-check target was not found');
    const stepIds = random.shuffle(Object.keys(state.steps) as StepId[]).slice(0, random.int(4, 8));
    const disagree = random.chance(target.plan.kind === 'fast' ? 0.6 : 0.12);
    const observations: Partial<Record<StepId, Observation>> = {};
    for (const stepId of stepIds) {
      const status = state.steps[stepId].status;
      observations[stepId] = status === 'pending' ? 'not-seen' : status;
    }
    if (disagree) {
      const done = stepIds.filter((stepId) => observations[stepId] === 'done');
      for (const stepId of random.shuffle(done).slice(0, random.int(1, 3))) {
        observations[stepId] = random.chance(0.7) ? 'skipped' : 'not-seen';
      }
    }
    time += ms(random, 40_000, 120_000);
    await act(context, time, {
      type: 'record-spot-check',
      target: target.serviceId,
      kind: 'spot-check',
      observations,
      note: disagree ? '与记录不符，已提醒营业员' : random.chance(0.3) ? '服务规范' : '',
    });
  }
  if (amend && ended.length > 0) {
    time += ms(random, 30_000, 90_000);
    const forgot = ended.find((entry) =>
      entry.plan.actions.some(
        (action) => action.step.type === 'skip' && action.step.reason === 'forgot',
      ),
    );
    if (forgot) {
      const skipped = forgot.plan.actions.find(
        (action) => action.step.type === 'skip' && action.step.reason === 'forgot',
      )?.step as Extract<ServiceStep, { type: 'skip' }>;
      await act(context, time, {
        type: 'amend-service',
        target: forgot.serviceId,
        change: { kind: 'step', stepId: skipped.stepId, outcome: 'done', skipReason: null },
        reason: '经回看监控，该步骤已做到，营业员误点了跳过',
      });
    } else {
      const target = random.pick(ended);
      const others = BUSINESS.filter((entry) => entry.code !== target.plan.business.code);
      const actual = random.pick(others).code;
      await act(context, time, {
        type: 'amend-service',
        target: target.serviceId,
        change: { kind: 'business-type', businessType: actual },
        reason: `业务类型选错，实为${context.businessNames[actual] ?? actual}`,
      });
    }
  }
  time = await closeFollowUps(context, time);
  time += ms(random, 15_000, 40_000);
  await act(context, time, { type: 'sign-out' });
  return time;
}

const FOLLOW_UP_NOTES = ['已回电，客户认可处理结果', '已上门处理', ''];

/** The manager closes about half the follow-ups still open (the rest stay open, some overdue). */
async function closeFollowUps(context: CounterContext, at: number): Promise<number> {
  const { device, random } = context;
  let time = at;
  for (const followUp of [...device.state.followUps.values()]) {
    if (followUp.closed || !random.chance(0.5)) continue;
    time += ms(random, 30_000, 90_000);
    await act(context, time, {
      type: 'close-follow-up',
      target: followUp.serviceId,
      result: random.weighted([
        ['resolved', 70],
        ['not-resolved', 15],
        ['customer-unreachable', 15],
      ] as const),
      note: random.pick(FOLLOW_UP_NOTES),
    });
  }
  return time;
}

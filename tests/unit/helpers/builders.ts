/** Test data builders: one place that knows how to make services, commands, devices and logs. */
import type { Command } from '../../../core/domain/device/commands';
import { DEFAULT_CONFIG, serviceContext } from '../../../core/domain/device/config';
import { openService } from '../../../core/domain/device/state';
import {
  decideService,
  evolveService,
  type ServiceCommand,
  type ServiceContext,
  type ServiceState,
  type TimedEvent,
} from '../../../core/domain/service/engine';
import type { DomainEvent, RecordedEvent } from '../../../core/domain/log/events';
import type { Refusal } from '../../../core/domain/refusal';
import { STEP_IDS, type StepId } from '../../../core/domain/flow/flow-definition';
import { openStore, memoryWitness, type DeviceStore } from '../../../renderer/storage';
import { CounterStepsDb } from '../../../renderer/storage/db';

/**
 * The database as DevTools would see it: the tests read and tamper with rows directly, the way
 * someone with the browser profile could.
 */
export async function withRawDb<T>(
  name: string,
  work: (db: CounterStepsDb) => Promise<T>,
): Promise<T> {
  const db = new CounterStepsDb(name);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

export const rawRows = (name: string) =>
  withRawDb(name, (db) => db.events.orderBy(':id').toArray() as Promise<Record<string, unknown>[]>);

export const T0 = Date.parse('2026-11-23T09:00:00.000Z');

export function context(now = T0): ServiceContext {
  return serviceContext(DEFAULT_CONFIG, now);
}

export const startCommand = (
  overrides: Partial<Extract<ServiceCommand, { type: 'start-service' }>> = {},
): Extract<ServiceCommand, { type: 'start-service' }> => ({
  type: 'start-service',
  ticket: 'A025',
  title: 'mr',
  surname: '张',
  businessType: 'bill-payment',
  ...overrides,
});

type WithoutService<C> = C extends { serviceId: unknown } ? Omit<C, 'serviceId'> : C;
/** A service command without its service id: the driver fills in the open service's. */
export type Step = WithoutService<ServiceCommand>;

/** A tiny in-memory service: applies commands through decide + evolve like the store does. */
export class ServiceDriver {
  state: ServiceState | null = null;
  log: { atMs: number; event: DomainEvent }[] = [];
  now = T0;
  private seq = 0;

  get serviceId(): string {
    return this.state?.serviceId ?? 'none';
  }

  command(step: Step): ServiceCommand {
    return (
      step.type === 'start-service' ? step : { serviceId: this.serviceId, ...step }
    ) as ServiceCommand;
  }

  apply(step: Step, at = this.now): DomainEvent[] {
    const decision = decideService(this.state, this.command(step), context(at));
    if (!decision.ok) throw new Error(`refused: ${decision.error.code}`);
    const serviceId =
      step.type === 'start-service'
        ? `00000000-0000-4000-8000-${String(this.seq + 1).padStart(12, '0')}`
        : this.serviceId;
    for (const event of decision.value) {
      this.seq += 1;
      this.state = evolveService(this.state, {
        serviceId,
        seq: this.seq,
        atMs: at,
        staffNo: '1001',
        // As planned: every personal value in plain (the log would hold its commitment).
        event: event as RecordedEvent,
      });
      this.log.push({ atMs: at, event });
    }
    return decision.value;
  }

  refusal(step: Step, at = this.now): Refusal {
    const decision = decideService(this.state, this.command(step), context(at));
    if (decision.ok) throw new Error(`expected a refusal for ${step.type}`);
    return decision.error;
  }

  started(overrides: Parameters<typeof startCommand>[0] = {}): this {
    this.apply(startCommand(overrides));
    return this;
  }

  done(...ids: StepId[]): this {
    for (const stepId of ids) this.apply({ type: 'mark-done', stepId });
    return this;
  }

  status(id: StepId) {
    if (!this.state) throw new Error('no service');
    return this.state.steps[id].status;
  }
}

/** The always-steps a clerk marks with a plain Done (the others have their own commands). */
export const PLAIN_ALWAYS_STEPS: StepId[] = [
  'stand-to-greet',
  'eye-contact-smile',
  'greet-aloud',
  'check-ticket',
  'invite-to-sit',
  'ask-needs',
  'address-by-surname',
  'confirm-anything-else',
  'stand-to-see-off',
];

export { STEP_IDS };

// ---------------------------------------------------------------------------------------------
// Storage on fake IndexedDB (unit tests only)

let databases = 0;

export interface TestDevice {
  store: DeviceStore;
  name: string;
  /** The wall clock the store reads (`now`), and how far a test moved it by hand (`moved`). */
  clock: { now: number; moved: number };
  witness: ReturnType<typeof memoryWitness>;
  /** The same database opened again, as after a reload. */
  reopen(): Promise<DeviceStore>;
  /** Runs a command that must succeed; returns the stored records. */
  must(
    command: Command | Step,
  ): Promise<Awaited<ReturnType<DeviceStore['execute']>> & { ok: true }>;
  /** Every stored row of the log, raw, in order. */
  rows(): Promise<Record<string, unknown>[]>;
  types(): Promise<string[]>;
}

/** Fills in the open service's id for a service command written without one. */
export function withService(store: DeviceStore, command: Command | Step): Command {
  if ('serviceId' in command || command.type === 'start-service') return command as Command;
  const open = openService(store.snapshot.state);
  const serviceTypes = [
    'name-customer',
    'mark-done',
    'skip',
    'mark-na',
    'start-complaint',
    'record-complaint',
    'leave-seat',
    'return-to-seat',
    'announce-money',
    'recommend',
    'call-next',
    'finish',
    'abandon',
  ];
  if (!serviceTypes.includes(command.type)) return command as Command;
  return { ...command, serviceId: open?.serviceId ?? null } as Command;
}

/** A fresh database with a clock the test moves by hand; PBKDF2 kept cheap (1,000 iterations). */
export async function testDevice(
  options: { name?: string; witness?: ReturnType<typeof memoryWitness> } = {},
): Promise<TestDevice> {
  databases += 1;
  const name = options.name ?? `test-${databases}-${Date.now()}`;
  const clock = { now: T0, moved: 0 };
  const witness = options.witness ?? memoryWitness();
  const open = () =>
    openStore({
      name,
      // One page load that began long before T0: its monotonic clock moves with the wall clock,
      // except when a test moves the wall clock by hand (`moved`).
      clock: {
        now: () => clock.now,
        mono: () => Math.max(0, clock.now - clock.moved - T0 + 1_000_000),
        boot: 'boot-test',
      },
      pinIterations: 1_000,
      witness,
    });
  const device: TestDevice = {
    store: await open(),
    name,
    clock,
    witness,
    async reopen() {
      device.store.close();
      device.store = await open();
      // The review catches up behind the screens (review-catch-up.ts): tests read it complete.
      await device.store.reviewCaughtUp();
      return device.store;
    },
    async must(command) {
      const result = await device.store.execute(withService(device.store, command));
      if (!result.ok) throw new Error(`${command.type} refused: ${JSON.stringify(result.error)}`);
      return result;
    },
    rows: () => rawRows(name),
    async types() {
      return (await device.rows()).map((row) => (row.event as { type: string }).type);
    },
  };
  return device;
}

export const MANAGER = { staffNo: '9001', pin: '246810' };
export const CLERK = { staffNo: '1001', pin: '135792' };
export const AUDITOR = { staffNo: '7001', pin: '864209' };

/** The PIN a manager gives a new account; its owner replaces it at the first sign-in. */
export const FIRST_PIN = '975318';

export const firstRun = (): Command => ({
  type: 'first-run',
  counter: '3',
  staffNo: MANAGER.staffNo,
  pin: MANAGER.pin,
  confirmation: MANAGER.pin,
});

/**
 * A set-up device (counter 3) with a manager, a clerk and an auditor who have each chosen their
 * own PIN; the clerk is signed in.
 */
export async function staffedDevice(): Promise<TestDevice> {
  const device = await testDevice();
  await device.must(firstRun());
  for (const [person, role] of [
    [AUDITOR, 'auditor'],
    [CLERK, 'clerk'],
  ] as const) {
    await device.must({
      type: 'create-account',
      staffNo: person.staffNo,
      role,
      pin: FIRST_PIN,
      confirmation: FIRST_PIN,
    });
  }
  await device.must({ type: 'sign-out' });
  for (const person of [AUDITOR, CLERK]) {
    await device.must({ type: 'sign-in', staffNo: person.staffNo, pin: FIRST_PIN });
    await device.must({
      type: 'change-own-pin',
      currentPin: FIRST_PIN,
      pin: person.pin,
      confirmation: person.pin,
    });
    if (person === AUDITOR) await device.must({ type: 'sign-out' });
  }
  return device;
}

/** Walks one whole service through the store as a clerk would, all seventeen steps done. */
export async function fullService(
  device: TestDevice,
  ticket = 'A025',
  next = 'A026',
): Promise<void> {
  await device.must(startCommand({ ticket }));
  for (const stepId of PLAIN_ALWAYS_STEPS.slice(0, 7))
    await device.must({ type: 'mark-done', stepId });
  await device.must({ type: 'announce-money', dueFen: 8000, receivedFen: 10000 });
  await device.must({ type: 'mark-done', stepId: 'both-hands' });
  await device.must({ type: 'recommend', offer: 'broadband', response: 'interested' });
  for (const stepId of ['confirm-anything-else', 'stand-to-see-off'] as const) {
    await device.must({ type: 'mark-done', stepId });
  }
  await device.must({ type: 'call-next', nextTicket: next });
}

/** The driver's events as the log would give them back (parsed JSON, numbered in order). */
export function timed(driver: ServiceDriver): TimedEvent[] {
  const parsed = JSON.parse(JSON.stringify(driver.log)) as ServiceDriver['log'];
  return parsed.map(({ atMs, event }, index) => ({
    serviceId: driver.serviceId,
    seq: index + 1,
    atMs,
    staffNo: '1001',
    event: event as RecordedEvent,
  }));
}

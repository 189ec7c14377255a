/** Test data builders: one place that knows how to make services, commands and timed events. */
import { DEFAULT_BUSINESS_TYPES } from '../../../renderer/domain/catalog';
import {
  decide,
  evolve,
  type Command,
  type DecideContext,
  type Refusal,
  type ServiceState,
} from '../../../renderer/domain/engine';
import type { DomainEvent } from '../../../renderer/domain/events';
import { SERVICE_STANDARD, STEP_IDS, type StepId } from '../../../renderer/domain/flow-definition';
import { openRepositories, type Repositories } from '../../../renderer/storage';

export const T0 = Date.parse('2026-11-23T09:00:00.000Z');

export function context(now = T0): DecideContext {
  return { flow: SERVICE_STANDARD, businessTypes: DEFAULT_BUSINESS_TYPES, now };
}

export const startCommand = (
  overrides: Partial<Extract<Command, { type: 'start-service' }>> = {},
): Command => ({
  type: 'start-service',
  ticket: 'A025',
  title: 'mr',
  surname: '张',
  businessType: 'bill-payment',
  ...overrides,
});

/** A tiny in-memory service: applies commands through decide + evolve like the repository does. */
export class ServiceDriver {
  state: ServiceState | null = null;
  log: { atMs: number; event: DomainEvent }[] = [];
  now = T0;
  private serviceId = 'service-1';

  apply(command: Command, at = this.now): DomainEvent[] {
    const decision = decide(this.state, command, context(at));
    if (!decision.ok) throw new Error(`refused: ${decision.refusal.code}`);
    if (command.type === 'start-service') this.serviceId = `service-${this.log.length + 1}`;
    const serviceId =
      this.state?.outcome === 'open' || command.type === 'start-service' ? this.serviceId : null;
    for (const event of decision.value) {
      this.state = evolve(this.state, { serviceId, atMs: at, event });
      this.log.push({ atMs: at, event });
    }
    return decision.value;
  }

  refusal(command: Command, at = this.now): Refusal {
    const decision = decide(this.state, command, context(at));
    if (decision.ok) throw new Error(`expected a refusal for ${command.type}`);
    return decision.refusal;
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
  repos: Repositories;
  name: string;
  clock: { now: number };
  /** The same database opened again, as after a reload. */
  reopen(): Repositories;
}

/** A fresh database with a clock the test moves by hand; PBKDF2 kept cheap (iterations: 1,000). */
export function testDevice(): TestDevice {
  databases += 1;
  const name = `test-${databases}-${Date.now()}`;
  const clock = { now: T0 };
  let mono = 0;
  const open = () =>
    openRepositories(name, {
      clock: { now: () => clock.now, mono: () => (mono += 1), boot: 'boot-test' },
      pinIterations: 1_000,
    });
  return { repos: open(), name, clock, reopen: open };
}

export const MANAGER = { staffNo: '9001', pin: '246810' };
export const CLERK = { staffNo: '1001', pin: '135792' };
export const AUDITOR = { staffNo: '7001', pin: '864209' };

/** The PIN a manager gives a new account; its owner replaces it at the first sign-in. */
export const FIRST_PIN = '975318';

/**
 * A set-up device (counter 3) with a manager, a clerk and an auditor who have each chosen their
 * own PIN; the clerk is signed in.
 */
export async function staffedDevice(): Promise<TestDevice> {
  const device = testDevice();
  const { auth } = device.repos;
  const must = async (what: string, result: Promise<{ ok: boolean }>) => {
    const outcome = await result;
    if (!outcome.ok) throw new Error(`${what}: ${JSON.stringify(outcome)}`);
  };
  await must(
    'first run',
    auth.firstRun({
      counter: '3',
      staffNo: MANAGER.staffNo,
      pin: MANAGER.pin,
      confirmation: MANAGER.pin,
    }),
  );
  for (const [person, role] of [
    [AUDITOR, 'auditor'],
    [CLERK, 'clerk'],
  ] as const) {
    await must(
      `create ${role}`,
      auth.createAccount({
        staffNo: person.staffNo,
        role,
        pin: FIRST_PIN,
        confirmation: FIRST_PIN,
      }),
    );
  }
  for (const person of [AUDITOR, CLERK]) {
    await must(`sign in ${person.staffNo}`, auth.signIn(person.staffNo, FIRST_PIN));
    await must(`own PIN ${person.staffNo}`, auth.changeOwnPin(FIRST_PIN, person.pin, person.pin));
  }
  return device;
}

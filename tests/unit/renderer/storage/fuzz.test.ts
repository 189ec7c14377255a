/**
 * Bad input everywhere: random and hostile values in every command type, through `decide` and
 * through the DeviceStore on fake IndexedDB. Each is refused with a typed reason (a refusal code
 * with a sentence in every language), never a throw or a storage failure, and nothing is written —
 * except the one thing written by design on a refusal: a failed PIN check is recorded.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CommandSchema,
  type Command,
  type DecideEnv,
} from '../../../../core/domain/device/commands';
import { decide } from '../../../../core/domain/device/decide';
import { INITIAL_STATE, openService, type DeviceState } from '../../../../core/domain/device/state';
import { DomainEventSchema } from '../../../../core/domain/log/events';
import { literalOf } from '../../../../core/domain/zod';
import { verifyRows } from '../../../../core/domain/log/verify';
import { resources } from '../../../../renderer/i18n/resources';
import { CLERK, startCommand, staffedDevice, type TestDevice } from '../../helpers/builders';

const COMMAND_TYPES = CommandSchema.def.options.map((option) => literalOf(option.shape.type));

/** Records a refusal may come with, by design: a failed PIN check and the wait it starts. */
const LOGGED_ON_REFUSAL = new Set(['sign-in-failed', 'account-locked-out']);

const refusalMessages = resources.en.translation.refusal as Record<string, string>;
/** The refusal's sentence in English (a counted one has its plural forms). */
const messageOf = (code: string) => refusalMessages[code] ?? refusalMessages[`${code}_other`];

// ---------------------------------------------------------------------------------------------
// Hostile values

/** Text no field accepts: not a staff number, ticket, counter, surname, code, PIN or uuid. */
const HOSTILE_TEXT = [
  '',
  ' ',
  '\u0000',
  '\u202e1234',
  '<script>alert(1)</script>',
  "'); DROP TABLE events; --",
  '../../etc/passwd',
  '${7*7}',
  '{{staffNo}}',
  '__proto__',
  'toString()',
  '王小明',
  'Zhang Wei',
  '１２３４５６',
  '🙂🙂',
  'undefined()',
  'x'.repeat(999),
  '0'.repeat(13),
  '1 2',
  'A12345',
  'a b',
  '1.5',
];
const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  // Random text, kept out of every valid shape by a character no field allows.
  fc.string({ maxLength: 40 }).map((text) => `${text}\u0007`),
);
/** Anything at all in place of a field: wrong types, huge, nested, prototype keys. */
const anyValue = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    2 ** 53,
    1e308,
    -1,
    null,
    undefined,
    true,
    [],
    {},
    'x'.repeat(5000),
    { __proto__: { type: 'sign-out' } },
    JSON.parse('{"__proto__":{"admin":true}}'),
  ),
);
const hostileAmount = fc.oneof(
  fc.constantFrom(-1, -0.01, 0.5, 10.005, 1e15, 100_000_001),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter((n) => !Number.isInteger(n) || n < 0),
);
const hostileId = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT.filter((text) => text.length <= 100)),
  fc.uuid(),
);

/**
 * A command of each type with every field the right type and hostile content, against a clerk
 * with a service open at step 1 (`serviceId`: the open one, so the content is what is judged).
 * Each of these must be refused.
 */
function hostileCommands(serviceId: string): fc.Arbitrary<Command>[] {
  const id = fc.oneof(hostileId, fc.constant(serviceId));
  const pin = fc.oneof(
    hostileText.filter((text) => text.length <= 64),
    fc.constantFrom('111111', '123456', '24681'),
  );
  return [
    fc.record({
      type: fc.constant('first-run'),
      counter: hostileText,
      staffNo: hostileText,
      pin,
      confirmation: pin,
    }),
    fc.record({
      type: fc.constant('finish-restore'),
      staffNo: hostileText,
      pin,
      confirmation: pin,
    }),
    fc.record({ type: fc.constant('sign-in'), staffNo: hostileText, pin }),
    fc.record({ type: fc.constant('unlock'), staffNo: fc.option(hostileText), pin }),
    fc.record({
      type: fc.constant('change-own-pin'),
      currentPin: pin,
      pin,
      confirmation: pin,
    }),
    fc.record({
      type: fc.constant('create-account'),
      staffNo: hostileText,
      role: fc.constantFrom('clerk', 'manager', 'auditor'),
      pin,
      confirmation: pin,
    }),
    fc.record({ type: fc.constant('reset-pin'), subject: hostileText, pin, confirmation: pin }),
    fc.record({
      type: fc.constant('set-account-enabled'),
      subject: hostileText,
      enabled: fc.boolean(),
    }),
    fc.record({ type: fc.constant('change-config'), change: anyValue }),
    fc.constant({ type: 'seal-for-export' }),
    fc.record({ type: fc.constant('record-export'), export: anyValue }),
    fc.record({
      type: fc.constant('amend-service'),
      target: hostileId,
      change: anyValue,
      reason: hostileText,
    }),
    fc.record({ type: fc.constant('record-import'), import: anyValue }),
    fc.record({
      type: fc.constant('erase-personal-values'),
      olderThanDays: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    }),
    fc.record({
      type: fc.constant('record-spot-check'),
      target: hostileId,
      kind: anyValue,
      observations: anyValue,
      note: hostileText,
    }),
    fc.record({
      type: fc.constant('rate-service'),
      serviceId: hostileId,
      rating: anyValue,
      reasons: anyValue,
    }),
    fc.record({
      type: fc.constant('start-service'),
      ticket: hostileText,
      title: fc.constantFrom('mr', 'ms'),
      surname: fc.option(hostileText),
      businessType: hostileText,
    }),
    fc.record({ type: fc.constant('name-customer'), serviceId: id, surname: hostileText }),
    // Steps with a form of their own refuse a bare Done; any other step, a stale service id.
    fc.oneof(
      fc.record({
        type: fc.constant('mark-done'),
        serviceId: fc.constant(serviceId),
        stepId: fc.constantFrom('announce-money', 'recommend', 'call-next', 'apologise-leaving'),
      }),
      fc.record({
        type: fc.constant('mark-done'),
        serviceId: hostileId,
        stepId: fc.constantFrom('stand-to-greet', 'both-hands'),
      }),
    ),
    fc.record({
      type: fc.constant('skip'),
      serviceId: id,
      stepId: fc.constantFrom('stand-to-greet', 'greet-aloud', 'recommend'),
      reason: fc.option(hostileText),
      note: hostileText,
    }),
    fc.record({
      type: fc.constant('mark-na'),
      serviceId: id,
      stepId: fc.constantFrom('stand-to-greet', 'ask-needs', 'call-next'),
    }),
    // No complaint was started in any of the states: a stale service, or no complaint to record.
    fc.record({ type: fc.constant('start-complaint'), serviceId: hostileId }),
    fc.record({
      type: fc.constant('record-complaint'),
      serviceId: id,
      category: hostileText,
      summary: hostileText,
      outcome: fc.constantFrom('resolved', 'escalated', 'follow-up'),
      due: fc.option(hostileText),
      manager: fc.option(hostileText),
      managerPin: fc.option(pin),
    }),
    fc.record({
      type: fc.constant('close-follow-up'),
      target: hostileId,
      result: hostileText,
      note: hostileText,
    }),
    // The shift's routines: hostile subjects, kinds, answers, sequence numbers and notes.
    fc.record({
      type: fc.constant('record-opening-check'),
      subject: hostileText,
      kind: fc.oneof(hostileText, fc.constantFrom('self', 'spot-check', 'mutual-check')),
      results: fc.oneof(
        fc.anything(),
        fc.array(
          fc.record({
            code: hostileText,
            result: fc.oneof(hostileText, fc.constantFrom('ok', 'not-ok')),
            note: hostileText,
          }),
        ),
      ),
    }),
    fc.record({
      type: fc.constant('resolve-opening-item'),
      subject: hostileText,
      checkSeq: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
      code: hostileText,
    }),
    fc.record({
      type: fc.constant('write-handover'),
      // Any plain words are a valid note: only the character no field allows makes it hostile.
      note: fc.string({ maxLength: 40 }).map((text) => `${text}\u0007`),
      items: fc.array(hostileText, { maxLength: 12 }),
    }),
    fc.record({
      type: fc.constant('acknowledge-handover'),
      handoverSeq: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    }),
    fc.record({
      type: fc.constant('close-handover-item'),
      handoverSeq: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
      index: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
      note: hostileText,
    }),
    fc.record({ type: fc.constant('leave-seat'), serviceId: hostileId }),
    fc.record({ type: fc.constant('return-to-seat'), serviceId: id }),
    fc.record({
      type: fc.constant('announce-money'),
      serviceId: id,
      dueFen: fc.oneof(hostileAmount, fc.constant(100)),
      receivedFen: hostileAmount,
    }),
    fc.record({
      type: fc.constant('recommend'),
      serviceId: id,
      offer: hostileText,
      response: fc.constantFrom('accepted', 'interested', 'declined'),
    }),
    fc.record({
      type: fc.constant('call-next'),
      serviceId: fc.option(id),
      nextTicket: hostileText,
    }),
    fc.record({ type: fc.constant('finish'), serviceId: id }),
    fc.record({
      type: fc.constant('abandon'),
      serviceId: hostileId,
      reason: fc.constantFrom('customer-left', 'no-business'),
    }),
  ] as fc.Arbitrary<Command>[];
}

/** Commands that are not even a command's shape: a field replaced, dropped or added, the type unknown. */
function malformedCommands(serviceId: string): fc.Arbitrary<unknown> {
  const template = fc.oneof(
    ...[
      ...hostileCommands(serviceId),
      fc.constantFrom({ type: 'lock', reason: 'idle' }, { type: 'sign-out' }),
    ].map((arbitrary) => arbitrary.map((command) => command as unknown as Record<string, unknown>)),
  );
  const replaced = fc.tuple(template, fc.nat(), anyValue).map(([command, index, value]) => {
    const keys = Object.keys(command).filter((key) => key !== 'type');
    if (keys.length === 0) return { ...command, type: value };
    return { ...command, [keys[index % keys.length]!]: value };
  });
  const dropped = fc.tuple(template, fc.nat()).map(([command, index]) => {
    const keys = Object.keys(command).filter((key) => key !== 'type');
    if (keys.length === 0) return { ...command, type: `${String(command.type)}!` };
    const { [keys[index % keys.length]!]: _dropped, ...rest } = command;
    return rest;
  });
  const unknownType = fc.record({
    type: fc.oneof(anyValue, fc.string(), fc.constantFrom('delete-log', 'SIGN-IN', 'sign_in')),
    staffNo: fc.constant('9001'),
  });
  return fc
    .oneof(replaced, dropped, unknownType, anyValue)
    .filter((command) => !CommandSchema.safeParse(command).success);
}

// ---------------------------------------------------------------------------------------------

const env = (now: number): DecideEnv => ({ now, newId: crypto.randomUUID() });

function expectRefusedWithNothingWritten(
  decision: ReturnType<typeof decide>,
  command: unknown,
): void {
  const context = JSON.stringify(command, (_key, value: unknown) =>
    typeof value === 'string' && value.length > 60 ? `${value.slice(0, 60)}…` : value,
  );
  expect(decision.refusal, context).not.toBeNull();
  expect(messageOf(decision.refusal!.code), decision.refusal!.code).toEqual(expect.any(String));
  const written = decision.records.map((record) => record.event.type);
  expect(
    written.filter((type) => !LOGGED_ON_REFUSAL.has(type)),
    context,
  ).toEqual([]);
  // Whatever is written on a refusal is a valid event (it will be sealed).
  for (const record of decision.records) DomainEventSchema.parse(record.event);
}

describe('hostile commands', () => {
  let device: TestDevice;
  let serviceId: string;
  let states: [string, DeviceState][];

  beforeAll(async () => {
    device = await staffedDevice();
    const clerkIdle = device.store.snapshot.state;
    await device.must(startCommand());
    const serving = device.store.snapshot.state;
    serviceId = openService(serving)!.serviceId;
    await device.must({ type: 'leave-seat' });
    const away = device.store.snapshot.state;
    await device.must({ type: 'unlock', staffNo: null, pin: CLERK.pin });
    states = [
      ['a new device', INITIAL_STATE],
      ['a clerk between customers', clerkIdle],
      ['a clerk serving', serving],
      ['a clerk away from the seat', away],
    ];
  }, 30_000);

  it('covers every command type', () => {
    const covered = new Set(
      hostileCommands('x').flatMap((arbitrary) =>
        fc.sample(arbitrary, 20).map((command) => command.type),
      ),
    );
    // Locking and signing out carry nothing but an enumeration: only their malformed forms are hostile.
    const contentless = ['lock', 'sign-out'];
    expect([...covered, ...contentless].sort()).toEqual([...COMMAND_TYPES].sort());
    const malformed = new Set(
      fc
        .sample(malformedCommands('x'), 3000)
        .map((command) => (command as { type?: unknown } | null)?.type),
    );
    const withFields = CommandSchema.def.options
      .filter((option) => Object.keys(option.shape).length > 1)
      .map((option) => literalOf(option.shape.type));
    for (const type of withFields) expect(malformed.has(type), type).toBe(true);
  }, 30_000);

  it('decide refuses a command that is not a command’s shape as invalid-command, writing nothing', () => {
    fc.assert(
      fc.property(malformedCommands('x'), fc.nat({ max: 3 }), (command, which) => {
        const [, state] = states[which]!;
        const decision = decide(state, command as Command, env(Date.now()));
        expect(decision).toEqual({ records: [], refusal: { code: 'invalid-command' } });
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('decide refuses every command type with hostile content, in every state, with a typed reason', () => {
    for (const [label, state] of states) {
      for (const arbitrary of hostileCommands(serviceId)) {
        fc.assert(
          fc.property(arbitrary, (command) => {
            expect(CommandSchema.safeParse(command).success, label).toBe(true);
            expectRefusedWithNothingWritten(decide(state, command, env(Date.now())), command);
          }),
          { numRuns: 60 },
        );
      }
    }
  }, 60_000);

  it('the store refuses them too: never a throw or a storage failure, and the log stays as it was', async () => {
    const store = device.store;
    const before = await device.rows();
    const arbitraries = [...hostileCommands(serviceId), malformedCommands(serviceId)];
    let refused = 0;
    let logged = 0;
    for (const arbitrary of arbitraries) {
      for (const command of fc.sample(arbitrary, 25)) {
        const head = store.snapshot.state.head;
        const result = await store.execute(command as Command);
        expect(result.ok, JSON.stringify(command)?.slice(0, 200)).toBe(false);
        if (result.ok) continue;
        refused += 1;
        expect(messageOf(result.error.code), result.error.code).toEqual(expect.any(String));
        const after = store.snapshot.state.head;
        if (after.seq !== head.seq) {
          // Only a failed PIN check is recorded on a refusal.
          const added = (await device.rows()).slice(head.seq);
          for (const row of added) {
            expect(LOGGED_ON_REFUSAL.has((row.event as { type: string }).type)).toBe(true);
          }
          logged += added.length;
        }
      }
    }
    expect(refused).toBe(arbitraries.length * 25);
    const rows = await device.rows();
    // Everything that was there is still there, byte for byte; the chain verifies.
    expect(rows.slice(0, before.length)).toEqual(before);
    expect(rows.length - before.length).toBe(logged);
    expect(await verifyRows(rows)).toMatchObject({ intact: true });
    // The clerk is still serving the same customer, at the same step.
    expect(openService(store.snapshot.state)?.serviceId).toBe(serviceId);
  }, 120_000);
});

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SKIP_REASONS, type SkipReason, type Title } from '../../../../renderer/domain/catalog';
import { businessDay } from '../../../../renderer/domain/device/config';
import { canonicalize } from '../../../../renderer/domain/log/canonical';
import { verifyRows, type Head } from '../../../../renderer/domain/log/verify';
import type { Step } from '../../helpers/builders';
import {
  type DeviceLog,
  CLERK,
  MANAGER,
  OTHER_PIN,
  PIN,
  rawCopy,
  staffedLog,
  type Row,
} from './device-log';

// ---------------------------------------------------------------------------------------------
// Generated logs

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

const logPlanOf = (maxServices: number): fc.Arbitrary<LogPlan> =>
  fc.record({
    callFirst: fc.boolean(),
    services: fc.array(servicePlan, { minLength: 1, maxLength: maxServices }),
    signOut: fc.boolean(),
  });
const logPlan = logPlanOf(3);

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

async function buildLog(plan: LogPlan): Promise<DeviceLog> {
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

// ---------------------------------------------------------------------------------------------
// Tampering

/** Changes one byte of a row's canonical JSON; a row that no longer parses is kept as text. */
function changeByte(row: Row, position: number, delta: number): unknown {
  const bytes = new TextEncoder().encode(canonicalize(row));
  const at = position % bytes.length;
  bytes[at] = (bytes[at]! + delta) % 256;
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

interface Built {
  rows: Row[];
  head: Head;
}

describe('any tampering with a generated log', { timeout: 60_000 }, () => {
  const logs: Built[] = [];
  const pick = (n: number) => logs[n % logs.length]!;

  beforeAll(async () => {
    // Kept short (one or two services) so that a thousand verifications per property stay quick.
    for (const plan of fc.sample(logPlanOf(2), { seed: 20_261_123, numRuns: 6 })) {
      const log = await buildLog(plan);
      logs.push({ rows: rawCopy(log.rows), head: log.head });
    }
  });

  it('starts from logs that verify intact', async () => {
    await fc.assert(
      fc.asyncProperty(logPlan, async (plan) => {
        const log = await buildLog(plan);
        const verdict = await verifyRows(log.rows, { witness: log.head });
        expect(verdict).toMatchObject({ intact: true, count: log.rows.length });
      }),
      { numRuns: 40 },
    );
    for (const { rows, head } of logs) {
      expect(await verifyRows(rows, { witness: head })).toMatchObject({ intact: true });
    }
  });

  it('is found when any byte of any record changes', async () => {
    let unparsable = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (which, index, position, delta) => {
          const { rows } = pick(which);
          const tampered: unknown[] = rawCopy(rows);
          const at = index % rows.length;
          tampered[at] = changeByte(rows[at]!, position, delta);
          if (typeof tampered[at] === 'string') unparsable += 1;
          const verdict = await verifyRows(tampered);
          expect(verdict.intact).toBe(false);
          if (typeof tampered[at] === 'string') {
            expect(verdict).toMatchObject({ problem: { kind: 'invalid-record' } });
          }
        },
      ),
      { numRuns: 1_000 },
    );
    expect(unparsable).toBeGreaterThan(0);
  });

  it('is found when any record but the last is deleted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), async (which, index) => {
        const { rows } = pick(which);
        const tampered = rows.filter((_, at) => at !== index % (rows.length - 1));
        expect((await verifyRows(tampered)).intact).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });

  it('is found when a copy of any record is inserted anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.nat(), async (which, from, to) => {
        const { rows } = pick(which);
        const tampered = [...rows];
        tampered.splice(to % (rows.length + 1), 0, rawCopy([rows[from % rows.length]!])[0]!);
        expect((await verifyRows(tampered)).intact).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });

  it('is found when any two records swap places', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.nat(), async (which, a, b) => {
        const { rows } = pick(which);
        const i = a % rows.length;
        const j = b % rows.length;
        fc.pre(i !== j);
        const tampered = [...rows];
        [tampered[i], tampered[j]] = [tampered[j]!, tampered[i]!];
        expect((await verifyRows(tampered)).intact).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });

  it('is found, against the witness, when the log is cut short', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), async (which, cut) => {
        const { rows, head } = pick(which);
        const kept = cut % rows.length;
        const verdict = await verifyRows(rows.slice(0, kept), { witness: head });
        expect(verdict).toMatchObject({
          intact: false,
          problem: { kind: 'records-missing', afterSeq: kept, witnessSeq: head.seq },
        });
      }),
      { numRuns: 1_000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Business days

const at = (iso: string) => Date.parse(iso);
const SHANGHAI = { timeZone: 'Asia/Shanghai', dayStartMinutes: 0 };
const BERLIN = { timeZone: 'Europe/Berlin', dayStartMinutes: 0 };
const FOUR = 4 * 60;

describe('business days', () => {
  it.each([
    // Asia/Shanghai is UTC+8 all year.
    ['Asia/Shanghai', '2026-03-28T15:59:00Z', '2026-03-28', '2026-03-28T16:01:00Z', '2026-03-29'],
    ['Asia/Shanghai', '2026-03-29T15:59:00Z', '2026-03-29', '2026-03-29T16:01:00Z', '2026-03-30'],
    ['Asia/Shanghai', '2026-10-25T15:59:00Z', '2026-10-25', '2026-10-25T16:01:00Z', '2026-10-26'],
    // Europe/Berlin: UTC+1 until 2026-03-29 01:00Z, UTC+2 until 2026-10-25 01:00Z, then UTC+1.
    ['Europe/Berlin', '2026-03-28T22:59:00Z', '2026-03-28', '2026-03-28T23:01:00Z', '2026-03-29'],
    ['Europe/Berlin', '2026-03-29T21:59:00Z', '2026-03-29', '2026-03-29T22:01:00Z', '2026-03-30'],
    ['Europe/Berlin', '2026-10-24T21:59:00Z', '2026-10-24', '2026-10-24T22:01:00Z', '2026-10-25'],
    ['Europe/Berlin', '2026-10-25T22:59:00Z', '2026-10-25', '2026-10-25T23:01:00Z', '2026-10-26'],
  ])('in %s puts 23:59 (%s) in %s and 00:01 (%s) in %s', (timeZone, before, day, after, next) => {
    const config = { timeZone, dayStartMinutes: 0 };
    expect(businessDay(at(before), config)).toBe(day);
    expect(businessDay(at(after), config)).toBe(next);
  });

  it.each([
    ['Asia/Shanghai', '2026-03-28T19:59:00Z', '2026-03-28', '2026-03-28T20:00:00Z', '2026-03-29'],
    ['Asia/Shanghai', '2026-10-24T19:59:00Z', '2026-10-24', '2026-10-24T20:00:00Z', '2026-10-25'],
    // 03:59 CEST on the morning the clocks go forward (02:00 never happens that night).
    ['Europe/Berlin', '2026-03-29T01:59:00Z', '2026-03-28', '2026-03-29T02:00:00Z', '2026-03-29'],
    // 03:59 CET on the morning the clocks go back (02:00–02:59 happens twice that night).
    ['Europe/Berlin', '2026-10-25T02:59:00Z', '2026-10-24', '2026-10-25T03:00:00Z', '2026-10-25'],
  ])(
    'in %s with a 04:00 day start puts 03:59 (%s) in %s and 04:00 (%s) in %s',
    (timeZone, before, day, after, next) => {
      const config = { timeZone, dayStartMinutes: FOUR };
      expect(businessDay(at(before), config)).toBe(day);
      expect(businessDay(at(after), config)).toBe(next);
    },
  );

  it('keeps both passes through 02:30 on the night the clocks go back in the previous day', () => {
    const config = { ...BERLIN, dayStartMinutes: FOUR };
    expect(businessDay(at('2026-10-25T00:30:00Z'), config)).toBe('2026-10-24');
    expect(businessDay(at('2026-10-25T01:30:00Z'), config)).toBe('2026-10-24');
  });

  /** The local wall clock as a UTC timestamp, from the offsets written out by hand. */
  const shanghaiWallClock = (ms: number) => ms + 8 * 3_600_000;
  function berlinWallClock(ms: number): number {
    const year = new Date(ms).getUTCFullYear();
    const lastSunday = (month: number) => {
      const last = new Date(Date.UTC(year, month + 1, 0, 1));
      return last.getTime() - last.getUTCDay() * 86_400_000;
    };
    const summer = ms >= lastSunday(2) && ms < lastSunday(9);
    return ms + (summer ? 2 : 1) * 3_600_000;
  }
  const dayOf = (wallClock: number, startMinutes: number) =>
    new Date(wallClock - startMinutes * 60_000).toISOString().slice(0, 10);

  it('is the wall-clock date less the day start, for any instant and any start', () => {
    const instant = fc.integer({
      min: at('2020-01-01T00:00:00Z'),
      max: at('2035-12-31T23:59:59Z'),
    });
    const start = fc.integer({ min: 0, max: 23 * 60 + 59 });
    fc.assert(
      fc.property(instant, start, (ms, startMinutes) => {
        expect(businessDay(ms, { ...SHANGHAI, dayStartMinutes: startMinutes })).toBe(
          dayOf(shanghaiWallClock(ms), startMinutes),
        );
      }),
      { numRuns: 2_000 },
    );
    fc.assert(
      fc.property(instant, start, (ms, startMinutes) => {
        expect(businessDay(ms, { ...BERLIN, dayStartMinutes: startMinutes })).toBe(
          dayOf(berlinWallClock(ms), startMinutes),
        );
      }),
      { numRuns: 2_000 },
    );
  });

  /** The answer worked out afresh with its own formatter, nothing remembered. */
  function freshDay(ms: number, timeZone: string, startMinutes: number): string {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(ms)
        .map((part) => [part.type, part.value]),
    );
    const wallClock = Date.parse(
      `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00Z`,
    );
    return dayOf(wallClock, startMinutes);
  }

  it('answers as it did the first time when asked again within the same minute, in any zone', () => {
    const zones = ['Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'Europe/Berlin'];
    fc.assert(
      fc.property(
        fc.integer({ min: at('2024-01-01T00:00:00Z'), max: at('2030-12-31T23:59:59Z') }),
        fc.integer({ min: 0, max: 59_999 }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 * 60 + 59 }),
        (ms, within, timeZone, startMinutes) => {
          const config = { timeZone, dayStartMinutes: startMinutes };
          const expected = freshDay(ms, timeZone, startMinutes);
          expect(businessDay(ms, config)).toBe(expected);
          expect(businessDay(ms - (ms % 60_000) + within, config)).toBe(expected);
          expect(businessDay(ms, config)).toBe(expected);
        },
      ),
      { numRuns: 3_000 },
    );
  });
});

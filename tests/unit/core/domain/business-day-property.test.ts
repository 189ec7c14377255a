/**
 * Business days: the wall-clock date less the day start, in any zone, through the nights the
 * clocks change, and stable when asked again (examples and properties).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDay } from '../../../../core/domain/device/config';

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

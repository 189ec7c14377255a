/**
 * The demo generator, through the app's own store (on fake-indexeddb here): deterministic for a
 * seed, every export it makes verifies intact from the log's beginning, and its truth names
 * exactly the services planted for the flags — checked against what the export itself shows
 * (services.csv, step-events.csv), not against the generator; its services fall in opening hours
 * in whatever business time zone the tablet has; and one set of defaults serves the review's
 * button and `npm run demo-data`.
 */
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_DEFAULTS,
  demoSettings,
  generateDemo,
  lastDemoDay,
  type DemoDeviceTruth,
  type DemoOptions,
} from '../../../../renderer/demo/generate';
import { readExportZip } from '../../../../core/export/read-export';
import { verifyExport } from '../../../../core/export/verify-export';

const SMALL: DemoOptions = {
  counters: 1,
  days: 2,
  servicesPerDay: 20,
  seed: 11,
  startDate: '2026-11-02',
  timeZone: 'Asia/Shanghai',
};

/** The local hour of each service's start in `timeZone`, from the export's services.csv. */
const startHours = (files: Map<string, Uint8Array>, timeZone: string) =>
  csv(files, 'services.csv').map((row) =>
    Number(
      new Intl.DateTimeFormat('en', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(
        Date.parse(row.started_at!),
      ),
    ),
  );

type Row = Record<string, string>;

function filesOf(bytes: Uint8Array) {
  const read = readExportZip(bytes);
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

const text = (files: Map<string, Uint8Array>, name: string) =>
  new TextDecoder().decode(files.get(name));

const csv = (files: Map<string, Uint8Array>, name: string): Row[] =>
  Papa.parse<Row>(text(files, name).replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true })
    .data;

/** Each service's own step taps (not the rows recorded automatically at its end), in time order. */
function tapsByService(steps: readonly Row[]): Map<string, number[]> {
  const taps = new Map<string, number[]>();
  for (const row of steps) {
    if (row.automatic === 'yes' || String(row.outcome).startsWith('amended:')) continue;
    const id = row.service_id as string;
    taps.set(id, [...(taps.get(id) ?? []), Date.parse(row.at as string)]);
  }
  for (const times of taps.values()) times.sort((a, b) => a - b);
  return taps;
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

describe('demo data generated through the domain', { timeout: 30_000 }, () => {
  let run: Awaited<ReturnType<typeof generateDemo>>;

  beforeAll(async () => {
    run = await generateDemo({ ...SMALL, counters: 2 });
  }, 60_000);

  it('makes one export per counter, each its own device with its own key', () => {
    expect(run.exports.map((made) => made.counter)).toEqual(['1', '2']);
    expect(run.exports.map((made) => made.fileName)).toEqual([
      'counter-steps-1-2026-11-02_2026-11-03.zip',
      'counter-steps-2-2026-11-02_2026-11-03.zip',
    ]);
    const [one, two] = run.truth.devices as [DemoDeviceTruth, DemoDeviceTruth];
    expect(one.deviceId).not.toEqual(two.deviceId);
    expect(one.services).toBe(40);
    expect(one.finished + one.abandoned).toBe(40);
  });

  it(
    'verifies every export intact, from the log’s beginning with the meaning rules checked',
    { timeout: 30_000 },
    async () => {
      for (const [index, made] of run.exports.entries()) {
        const verdict = await verifyExport(filesOf(made.bytes));
        expect(verdict).toMatchObject({ status: 'intact', problem: null, rulesChecked: true });
        expect(verdict.records).toBe(run.truth.devices[index]?.exported);
        expect(verdict.sealedUpTo).toBe(verdict.records - 1);
      }
    },
  );

  it('records what a counter’s day holds: shifts, locks, ratings, spot-checks and amendments', () => {
    const { events } = run.truth.devices[0]!;
    for (const type of [
      'signed-in',
      'signed-out',
      'checkpoint',
      'screen-locked',
      'service-rated',
      'spot-check-recorded',
      'service-amended',
      'step-skipped',
      'money-announced',
      'recommendation-recorded',
      'config-changed',
    ]) {
      expect(events[type], type).toBeGreaterThan(0);
    }
    expect(events['service-started']).toBe(40);
  });

  it('lists as planted exactly the services the export shows as bursts, far over target or repeating one pattern', () => {
    for (const [index, made] of run.exports.entries()) {
      const truth = run.truth.devices[index]!;
      const files = filesOf(made.bytes);
      const services = csv(files, 'services.csv');
      const taps = tapsByService(csv(files, 'step-events.csv'));

      const bursts = [...taps].filter(([, times]) =>
        times.some((at, i) => i + 7 < times.length && (times[i + 7] as number) - at <= 5_000),
      );
      expect(sorted(bursts.map(([id]) => id))).toEqual(sorted(truth.fastBurst));
      expect(truth.fastBurst.length).toBeGreaterThan(0);

      const over = services.filter((row) => Number(row.duration_s) > 2 * Number(row.target_s));
      expect(sorted(over.map((row) => row.service_id as string))).toEqual(
        sorted(truth.farOverTarget),
      );
      expect(truth.farOverTarget.length).toBeGreaterThan(0);

      const patterns = new Map<string, string[]>();
      for (const [id, times] of taps) {
        const intervals = times.slice(1).map((at, i) => at - (times[i] as number));
        patterns.set(intervals.join(','), [...(patterns.get(intervals.join(',')) ?? []), id]);
      }
      const repeated = [...patterns.values()].filter((ids) => ids.length > 1);
      expect(repeated.map(sorted)).toEqual(
        truth.repeatedPattern.map((pattern) => sorted(pattern.serviceIds)),
      );
      for (const pattern of truth.repeatedPattern) {
        expect(pattern.serviceIds.length).toBeGreaterThanOrEqual(4);
        const clerks = services.filter((row) => pattern.serviceIds.includes(row.service_id!));
        expect(new Set(clerks.map((row) => `${row.clerk} ${row.business_day}`))).toEqual(
          new Set([`${pattern.clerk} ${pattern.day}`]),
        );
      }
    }
  });

  it('keeps every other service human: steps at least two seconds apart, within twice the target', () => {
    const files = filesOf(run.exports[0]!.bytes);
    const truth = run.truth.devices[0]!;
    const planted = new Set(truth.fastBurst);
    for (const [id, times] of tapsByService(csv(files, 'step-events.csv'))) {
      if (planted.has(id)) continue;
      const gaps = times.slice(1).map((at, i) => at - (times[i] as number));
      // Marking "leaving the seat" not applicable records 13 and 14 at one instant (gap 0).
      expect(
        gaps.filter((gap) => gap > 0 && gap < 2_000),
        id,
      ).toEqual([]);
    }
    const hours = startHours(files, 'Asia/Shanghai');
    expect(Math.min(...hours)).toBeGreaterThanOrEqual(9);
    expect(Math.max(...hours)).toBeLessThan(18);
  });

  it(
    'makes the same services for the same seed, and others for another',
    { timeout: 60_000 },
    async () => {
      const again = await generateDemo({ ...SMALL, counters: 2 });
      const servicesOf = (result: { exports: { bytes: Uint8Array }[] }) =>
        result.exports.map((made) => text(filesOf(made.bytes), 'services.csv'));
      expect(servicesOf(again)).toEqual(servicesOf(run));
      const steps = (result: { exports: { bytes: Uint8Array }[] }) =>
        text(filesOf(result.exports[0]!.bytes), 'step-events.csv');
      expect(steps(again)).toEqual(steps(run));
      expect(again.truth).toEqual(run.truth);

      const other = await generateDemo({ ...SMALL, counters: 1, seed: 12 });
      expect(servicesOf(other)[0]).not.toEqual(servicesOf(run)[0]);
    },
  );
});

describe('the demo’s hours and days', () => {
  it(
    'puts services in opening hours in the tablet’s own business time zone, across a change of the clocks',
    { timeout: 60_000 },
    async () => {
      // New York's clocks go back an hour on 1 November 2026: the days on either side differ.
      const timeZone = 'America/New_York';
      const made = await generateDemo({
        counters: 1,
        days: 3,
        servicesPerDay: 12,
        seed: 3,
        startDate: '2026-10-31',
        timeZone,
        locale: 'en',
      });
      const files = filesOf(made.exports[0]!.bytes);
      const hours = startHours(files, timeZone);
      expect(hours.length).toBe(36);
      expect(Math.min(...hours)).toBeGreaterThanOrEqual(9);
      expect(Math.max(...hours)).toBeLessThan(18);
      const manifest = JSON.parse(text(files, 'manifest.json')) as {
        range: { from: string; to: string; timeZone: string };
      };
      expect(manifest.range).toMatchObject({ from: '2026-10-31', to: '2026-11-02', timeZone });
      expect(made.truth.timeZone).toBe(timeZone);
    },
  );

  it('by default makes the week that ends yesterday in the given zone, as the review’s button does', () => {
    // 01:30 on 8 December in Shanghai is still 7 December in UTC.
    const now = Date.parse('2026-12-07T17:30:00Z');
    const shanghai = demoSettings({ timeZone: 'Asia/Shanghai' }, now);
    expect(shanghai).toMatchObject({ ...DEMO_DEFAULTS, startDate: '2026-12-01' });
    expect(lastDemoDay(shanghai)).toBe('2026-12-07');
    expect(lastDemoDay(demoSettings({ timeZone: 'UTC' }, now))).toBe('2026-12-06');
    // More days end on the same day.
    expect(lastDemoDay(demoSettings({ timeZone: 'UTC', days: 30 }, now))).toBe('2026-12-06');
  });
});

describe('the demo’s complaints', () => {
  it('records complaints of several categories and outcomes, escalations confirmed and follow-ups closed or left open', async () => {
    const made = await generateDemo({ counters: 1, days: 5, servicesPerDay: 40, seed: 5 });
    const log = text(filesOf(made.exports[0]!.bytes), 'log.jsonl')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { event: Record<string, unknown> });
    const of = (type: string) =>
      log.filter((row) => row.event.type === type).map((row) => row.event);
    const recorded = of('complaint-recorded');
    const outcomes = recorded.map((event) => (event.outcome as { kind: string }).kind);
    expect(new Set(recorded.map((event) => event.category)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(outcomes)).toEqual(new Set(['resolved', 'follow-up', 'escalated']));
    expect(of('escalation-confirmed')).toHaveLength(
      outcomes.filter((kind) => kind === 'escalated').length,
    );
    const promised = recorded.filter((event) => (event.outcome as { due?: string }).due).length;
    const closed = of('follow-up-closed').length;
    expect(closed).toBeGreaterThan(0);
    expect(closed).toBeLessThan(promised);
    expect(of('complaint-step').some((event) => event.outcome === 'na')).toBe(true);
  }, 60_000);
});

/**
 * Realistic demo data, made through the app's own store: each counter is its own tablet
 * (demo-device.ts: a DeviceStore over a database of its own) with its own identity, keys and
 * accounts, and every tap, sign-in, lock, rating, spot-check and amendment is a command the store
 * executes as a tablet does — a refusal is a bug here and throws. A seeded generator makes the
 * same services for the same seed; its export is made by the store's export workflow.
 *
 * A day at a counter: the tablet starts before opening; clerks work shifts between 09:00 and
 * 18:00 in the store's business time zone (the tablet's configured one) and sign in and out (each sign-out a signed checkpoint); customers of the
 * configured business types come in a realistic mix, with durations around each type's target;
 * steps are ticked mostly in order, several seconds apart, with some skipped for a reason, money
 * announced for payments, items handed over, leaflets, the clerk leaving the seat now and then,
 * recommendations and their answers, customers who leave early, and the customer's rating from
 * the customer display; the screen locks itself when left idle; between shifts the manager
 * sometimes spot-checks services, and now and then corrects one (an amendment).
 *
 * A few services are planted for the flags to find, and listed in the truth: pencil-whipped ones
 * (every step ticked 0.3–0.7 s apart after the work was done), ones far over their target, and
 * one clerk repeating the exact same timing pattern several times in a day.
 *
 * The parts: options.ts (the options, the truth, the staff and the clock), business.ts (what
 * customers come for), service-plan.ts (one service as a plan of taps), counter.ts (the staff's
 * taps, sign-ins, set-up, ratings and the manager's visits), day.ts (a business day's shifts and
 * customers). This file puts a counter together, exports it, and is what scripts and tests import.
 */
import type { Locale } from '../../core/domain/locale';
import type { Labels } from '../../core/export/rows';
import en from '../../core/i18n/locales/en.json' with { type: 'json' };
import zhCN from '../../core/i18n/locales/zh-CN.json' with { type: 'json' };
import zhTW from '../../core/i18n/locales/zh-TW.json' with { type: 'json' };
import { setUp, type CounterContext } from './counter';
import { simulateDay } from './day';
import { DemoDevice, type DemoDeviceOptions } from './demo-device';
import {
  DEMO_STAFF,
  GIVEN_PIN,
  MINUTE,
  OWN_PIN,
  demoSettings,
  lastDemoDay,
  localMs,
  ms,
  type DemoDeviceTruth,
  type DemoExport,
  type DemoOptions,
  type DemoSettings,
  type DemoTruth,
} from './options';
import { Random } from './random';

export {
  COUNTER_YEAR,
  DEMO_DEFAULTS,
  DEMO_STAFF,
  demoSettings,
  lastDemoDay,
  type DemoDeviceTruth,
  type DemoSettings,
  type DemoExport,
  type DemoOptions,
  type DemoTruth,
  type RepeatedPattern,
} from './options';

function labelsFor(locale: Locale): { labels: Labels; business: Record<string, string> } {
  const messages = { en, 'zh-CN': zhCN, 'zh-TW': zhTW }[locale];
  const business = messages.business as Record<string, string>;
  const steps = messages.steps as Record<string, { name: string }>;
  const categories = (messages.complaint as { category: Record<string, string> }).category;
  return {
    business,
    labels: {
      business: (code) => business[code] ?? code,
      step: (id) => steps[id]?.name ?? id,
      complaintCategory: (code) => categories[code] ?? code,
    },
  };
}

/**
 * Where a demo counter's database lives (the global IndexedDB unless given) and who hears its
 * commands: how the data is made, never what it is.
 */
export type DemoHooks = Pick<DemoDeviceOptions, 'onExecute' | 'backend'>;

/**
 * One counter's tablet, simulated day by day (no export yet): what the benchmarks time, and what
 * `generateDemo` exports. The caller closes the device (which deletes its database).
 */
export async function simulateCounter(
  options: DemoOptions & { counterIndex?: number } = {},
  hooks: DemoHooks = {},
): Promise<{ device: DemoDevice; truth: DemoDeviceTruth; settings: DemoSettings }> {
  const settings = demoSettings(options);
  const index = options.counterIndex ?? 0;
  const random = new Random(settings.seed, index * 2 + 1);
  const ids = new Random(settings.seed, index * 2 + 2);
  const device = await DemoDevice.open({
    // Unique among databases open at once (several demos, tests in parallel): not demo data.
    name: `counter-steps-demo-${index}-${globalThis.crypto.randomUUID()}`,
    now: localMs(settings.startDate, 8 * 60, settings.timeZone),
    newId: () => ids.uuid(),
    onExecute: hooks.onExecute,
    backend: hooks.backend,
  });
  const counter = options.counterNames?.[index] ?? String(index + 1);
  const total = settings.days * settings.servicesPerDay;
  const pick = (count: number, exclude: ReadonlySet<number>) => {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, total - exclude.size)) {
      const n = random.int(0, total - 1);
      if (!exclude.has(n)) chosen.add(n);
    }
    return chosen;
  };
  const plantFast = pick(Math.max(1, Math.round(total * 0.01)), new Set());
  const plantOver = pick(Math.max(1, Math.round(total * 0.003)), plantFast);
  const amendCount = Math.min(settings.days, Math.max(2, Math.round(settings.days / 15)));
  const amendDays = new Set(random.shuffle([...Array(settings.days).keys()]).slice(0, amendCount));
  const truth: DemoDeviceTruth = {
    counter,
    deviceId: '',
    services: 0,
    finished: 0,
    abandoned: 0,
    records: 0,
    exported: 0,
    events: {},
    fastBurst: [],
    farOverTarget: [],
    repeatedPattern: [],
  };
  const context: CounterContext = {
    random,
    device,
    counter,
    clerks: Array.from({ length: settings.clerks }, (_, n) => ({
      staffNo: DEMO_STAFF.clerk(n),
      // One clerk in three is noticeably sloppier than the rest.
      sloppiness: n % 3 === 2 ? random.uniform(1.8, 2.6) : random.uniform(0.5, 1.2),
      pinChosen: false,
    })),
    options: settings,
    truth,
    plantFast,
    plantOver,
    pattern: { day: Math.floor(settings.days / 2) },
    amendDays,
    businessNames: labelsFor(settings.locale).business,
    serviceNumber: 0,
    lastTouch: device.now,
  };
  try {
    await setUp(context, settings.startDate);
    for (let day = 0; day < settings.days; day += 1) {
      await simulateDay(context, day);
      options.onProgress?.({ counter, day: day + 1, days: settings.days });
    }
  } catch (error) {
    await device.close();
    throw error;
  }
  truth.deviceId = device.state.identity?.deviceId ?? '';
  return { device, truth, settings };
}

/** The auditor's export of everything the device holds, at the end of its last day. */
export async function exportCounter(
  device: DemoDevice,
  settings: Pick<DemoSettings, 'locale' | 'startDate' | 'days'>,
  random: Random = new Random(0),
): Promise<{ bytes: Uint8Array; fileName: string; records: number }> {
  const { locale } = settings;
  device.now += ms(random, 20 * MINUTE, 50 * MINUTE);
  await device.must({ type: 'sign-in', staffNo: DEMO_STAFF.auditor, pin: GIVEN_PIN });
  device.now += ms(random, 10_000, 20_000);
  await device.must({
    type: 'change-own-pin',
    currentPin: GIVEN_PIN,
    pin: OWN_PIN,
    confirmation: OWN_PIN,
  });
  device.now += ms(random, 10_000, 30_000);
  const { bytes, fileName, result } = await device.exportZip({
    range: { from: settings.startDate, to: lastDemoDay(settings) },
    labels: labelsFor(locale).labels,
    locale,
  });
  device.now += ms(random, 10_000, 30_000);
  await device.must({ type: 'sign-out' });
  return { bytes, fileName, records: result.manifest.records.count };
}

/** One counter simulated and exported (its database deleted once the export is made). */
export async function generateCounter(
  options: DemoOptions,
  counterIndex: number,
  hooks: DemoHooks = {},
): Promise<{ made: DemoExport; truth: DemoDeviceTruth }> {
  const settings = demoSettings(options);
  const { device, truth } = await simulateCounter({ ...options, ...settings, counterIndex }, hooks);
  try {
    const made = await exportCounter(
      device,
      settings,
      new Random(settings.seed, 1_000 + counterIndex),
    );
    truth.exported = made.records;
    truth.records = device.state.head.seq;
    truth.events = { ...device.events };
    return { made: { counter: truth.counter, fileName: made.fileName, bytes: made.bytes }, truth };
  } finally {
    await device.close();
  }
}

/** The truth about every counter, as `generateDemo` reports it. */
export function demoTruth(settings: DemoSettings, devices: DemoDeviceTruth[]): DemoTruth {
  return { seed: settings.seed, timeZone: settings.timeZone, options: settings, devices };
}

/**
 * Every counter simulated and exported, one after the other, with the truth about what was
 * planted. (Each counter is a tablet of its own: the review's button makes them side by side, one
 * worker each; the data is the same.)
 */
export async function generateDemo(
  options: DemoOptions = {},
): Promise<{ exports: DemoExport[]; truth: DemoTruth }> {
  const settings = demoSettings(options);
  const devices: DemoDeviceTruth[] = [];
  const exports: DemoExport[] = [];
  for (let counterIndex = 0; counterIndex < settings.counters; counterIndex += 1) {
    const { made, truth } = await generateCounter({ ...options, ...settings }, counterIndex);
    exports.push(made);
    devices.push(truth);
  }
  return { exports, truth: demoTruth(settings, devices) };
}

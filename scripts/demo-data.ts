/**
 * `npm run demo-data -- [--counters 3] [--clerks 3] [--days 7] [--per-day 40] [--seed 1]
 * [--start YYYY-MM-DD] [--time-zone Area/City] [--locale zh-CN|zh-TW|en] [--out demo-data/]`:
 * generates realistic demo data through the app's own store (renderer/demo/generate.ts, on
 * fake-indexeddb here) and writes each counter's export zip (verifiable with `npx counter-steps
 * verify`) and `truth.json` (the services planted for the flags to find, and the counts). Left
 * out, every option is what the review's "Load demo data" button uses (renderer/demo/options.ts:
 * a week ending yesterday in this machine's time zone); ask for more days with --days. Prints the
 * counts and the time taken.
 */
// IndexedDB for the store in Node: installed before any module that loads Dexie.
import 'fake-indexeddb/auto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LocaleSchema } from '../core/domain/locale';
import { generateDemo, type DemoOptions } from '../renderer/demo/generate';

const USAGE =
  'Usage: npm run demo-data -- [--counters N] [--clerks N] [--days N] [--per-day N] [--seed N] [--start YYYY-MM-DD] [--time-zone Area/City] [--locale zh-CN|zh-TW|en] [--out folder]';

function options(): (DemoOptions & { out: string }) | string {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        counters: { type: 'string' },
        clerks: { type: 'string' },
        days: { type: 'string' },
        'per-day': { type: 'string' },
        seed: { type: 'string' },
        start: { type: 'string' },
        'time-zone': { type: 'string' },
        locale: { type: 'string' },
        out: { type: 'string', default: 'demo-data' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    return `${(error as Error).message}\n${USAGE}`;
  }
  if (values.help) return USAGE;
  const count = (name: string, text: string | undefined, min: number) => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min)
      throw new Error(`--${name} must be a whole number ≥ ${min}`);
    return value;
  };
  try {
    const locale = values.locale === undefined ? undefined : LocaleSchema.parse(values.locale);
    if (values.start !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.start))
      throw new Error('--start must be a date, YYYY-MM-DD');
    const timeZone = values['time-zone'];
    if (timeZone !== undefined) {
      try {
        new Intl.DateTimeFormat('en', { timeZone });
      } catch {
        throw new Error(`--time-zone must be an IANA time zone (Asia/Shanghai), not ${timeZone}`);
      }
    }
    return {
      counters: count('counters', values.counters, 1),
      clerks: count('clerks', values.clerks, 1),
      days: count('days', values.days, 1),
      servicesPerDay: count('per-day', values['per-day'], 1),
      seed: count('seed', values.seed, 0),
      startDate: values.start,
      timeZone,
      locale,
      out: values.out,
    };
  } catch (error) {
    return `${(error as Error).message}\n${USAGE}`;
  }
}

const parsed = options();
if (typeof parsed === 'string') {
  console.error(parsed);
  process.exit(2);
}
const { out, ...demo } = parsed;
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
let lastReport = 0;
const { exports, truth } = await generateDemo({
  ...demo,
  onProgress: ({ counter, day, days }) => {
    if (performance.now() - lastReport < 5_000 && day < days) return;
    lastReport = performance.now();
    console.log(`  counter ${counter}: day ${day} of ${days} (${seconds()} s)`);
  },
});
const generated = seconds();

await mkdir(out, { recursive: true });
for (const made of exports) await writeFile(join(out, made.fileName), made.bytes);
await writeFile(join(out, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);

const megabytes = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);
console.table(
  truth.devices.map((device, index) => ({
    counter: device.counter,
    file: exports[index]?.fileName,
    MB: megabytes(exports[index]?.bytes.length ?? 0),
    services: device.services,
    'ended early': device.abandoned,
    records: device.records,
    exported: device.exported,
    'fast/burst': device.fastBurst.length,
    'over target': device.farOverTarget.length,
    'repeated pattern': device.repeatedPattern.reduce((sum, p) => sum + p.serviceIds.length, 0),
  })),
);
console.log(
  `Generated in ${generated} s, written to ${out}/ in ${seconds()} s (seed ${truth.seed}). Check an export with: npx counter-steps verify ${join(out, exports[0]?.fileName ?? '')}`,
);

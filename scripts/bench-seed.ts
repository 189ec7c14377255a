/**
 * The logs scripts/bench-app-growth.mjs restores (`node --import tsx scripts/bench-seed.ts --days
 * 4,16,64 --per-day 118 --out folder`): for each number of days, one counter's whole log made by
 * the demo generator through the domain's own commands (renderer/demo/generate.ts), exported as
 * a backup by its auditor (an export from the first day), ending the day before yesterday so a
 * tablet restoring it today sees no record from its future. Writes `<days>d.zip` files into the
 * folder and prints, as the last line, JSON: one entry per log with its path and counts.
 */
// IndexedDB for the demo's store in Node: installed before any module that loads Dexie.
import 'fake-indexeddb/auto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemo } from '../renderer/demo/generate';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '4,16,64' },
    'per-day': { type: 'string', default: '118' },
    out: { type: 'string' },
  },
});
if (!values.out) throw new Error('--out folder is required');
const servicesPerDay = Number(values['per-day']);

const logs = [];
for (const days of values.days.split(',').map(Number)) {
  const start = new Date();
  start.setUTCDate(start.getUTCDate() - days - 2);
  const started = performance.now();
  const { exports, truth } = await generateDemo({
    counters: 1,
    days,
    servicesPerDay,
    seed: 7,
    startDate: start.toISOString().slice(0, 10),
    locale: 'en',
  });
  const [made] = exports;
  const [device] = truth.devices;
  if (!made || !device) throw new Error('the generator made no counter');
  const path = join(values.out, `${days}d.zip`);
  await writeFile(path, made.bytes);
  logs.push({
    days,
    servicesPerDay,
    services: device.services,
    records: device.records,
    zipMB: Number((made.bytes.length / 1024 ** 2).toFixed(2)),
    generateSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    path,
  });
  console.error(`${days} days: ${device.records} records, ${logs.at(-1)?.zipMB} MB`);
}
console.log(JSON.stringify(logs));

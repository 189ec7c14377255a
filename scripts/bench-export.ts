/**
 * Figures for exporting and verifying (`npm run bench`, or `node --expose-gc --import tsx
 * scripts/bench-export.ts [--only day|growth|year] [--days N --services M] [--scales 1,4,16
 * --base-days 8] [--out file]`): with the demo generator, a busy day (~120 services), the growth
 * runs (8, 32 and 128 days by default — each exported whole and its last day alone, so it shows
 * which costs grow with the log) and a counter-year (renderer/demo/generate.ts's COUNTER_YEAR) —
 * or, with --days and --services, that many days of that many services — are simulated through
 * the app's store (on fake-indexeddb), then exported by the store's export workflow (seal, plan,
 * `buildExport`, record: the zip written to a file as it is made, as Electron's main process
 * does) and `verifyExport` (that file read a part at a time, as the command-line verifier
 * does) are timed, with their peak memory (heapUsed and rss sampled every 20 ms, minus the
 * baseline before), each next to SHA-256 (WebCrypto) of the same bytes alone in the same run —
 * the zip for the export, log.jsonl for the verification — and the ratio. Prints a table and
 * writes bench/export.json (or --out). With --expose-gc it also samples the export's live heap: a
 * full collection every 3 s or more, then heapUsed (the peak heap above counts garbage V8 has not yet
 * collected, which grows with the heap V8 allows itself; the live peak is what the work holds).
 * Figures, not pass/fail; the machine may be shared, so the load average is recorded with them.
 */
// IndexedDB for the demo's store in Node: installed before any module that loads Dexie.
import 'fake-indexeddb/auto';
import { mkdir, mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NODE_SHA256 } from '../core/node/sha256';
import { openExport } from '../cli/verify';
import { COUNTER_YEAR, DEMO_STAFF, lastDemoDay, simulateCounter } from '../renderer/demo/generate';
import { FILES } from '../core/export/format';
import { verifyExport } from '../core/export/verify-export';
import { bytesSource, openZip } from '../core/export/zip-entries';
import { MB, floors, measure, round, sha256Ms, type Measured } from './bench-export-measure';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    days: { type: 'string' },
    services: { type: 'string' },
    out: { type: 'string' },
    scales: { type: 'string' },
    'base-days': { type: 'string' },
  },
});

/**
 * Simulates the counter and times its export into `path` (and, with `dayPath`, the export of its
 * last business day alone into that); only the figures leave.
 */
async function exportPhase(
  options: { days: number; servicesPerDay: number },
  path: string,
  dayPath?: string,
) {
  const generated = await measure(() => simulateCounter({ ...options, seed: 7 }));
  const { device, truth, settings } = generated.value;
  try {
    // The auditor takes the export, as the Export button does: seal, plan, build, record.
    device.now += 30 * 60_000;
    await device.must({ type: 'sign-in', staffNo: DEMO_STAFF.auditor, pin: '246810' });
    await device.must({
      type: 'change-own-pin',
      currentPin: '246810',
      pin: '135792',
      confirmation: '135792',
    });
    const labels = {
      business: (code: string) => code,
      step: (id: string) => id,
      complaintCategory: (code: string) => code,
    };
    const build = async (
      path: string,
      range: { from: string; to: string },
      keyChain: 'whole' | 'from-previous' = 'whole',
    ) => {
      const exported = await measure(
        async () => {
          const file = await open(path, 'w');
          try {
            return await device.exportInto(
              { labels, locale: 'zh-CN', range, keyChain },
              {
                begin: async () => path,
                write: async (_handle, chunk) => (await file.write(chunk), true),
                finish: async () => path,
                abort: async () => undefined,
              },
            );
          } finally {
            await file.close();
          }
        },
        { live: true },
      );
      const { manifest } = exported.value.result;
      return {
        anchored: manifest.keyChainFrom !== undefined,
        keyRecords: manifest.keyRecords.length,
        records: manifest.records.count,
        day: manifest.range.to,
        exported: { ...exported, value: undefined },
      };
    };
    // With the previous export (decision 0074), as days exported one after another are: the day
    // two before the last exported stand-alone, the day before continuing it, then the last day
    // continuing that, each key chain starting where the previous export's ended. The last day
    // is checked with the day before (`--previous`), which is checked too, day-sized. First, as
    // the exports after them take days again and those never move the chain back.
    let withPrevious = null;
    if (dayPath) {
      const last = lastDemoDay(settings);
      const twoBefore = dayBefore(last, 2);
      const before = dayBefore(last, 1);
      await build(`${dayPath}.2`, { from: twoBefore, to: twoBefore });
      const previous = await build(`${dayPath}.1`, { from: before, to: before }, 'from-previous');
      const next = await build(`${dayPath}.0`, { from: last, to: last }, 'from-previous');
      withPrevious = { ...next, previousPath: `${dayPath}.1`, path: `${dayPath}.0` };
      if (!previous.anchored || !next.anchored) throw new Error('the days did not continue');
    }
    const whole = await build(path, { from: settings.startDate, to: lastDemoDay(settings) });
    const lastDay = dayPath ? await build(dayPath, { from: whole.day, to: whole.day }) : null;
    return {
      services: truth.services,
      records: whole.records,
      generated: { ...generated, value: undefined },
      exported: whole.exported,
      lastDay,
      withPrevious,
    };
  } finally {
    await device.close();
  }
}

/** The business day `count` days before `day` (YYYY-MM-DD). */
const dayBefore = (day: string, count: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - count * 86_400_000).toISOString().slice(0, 10);

/**
 * `verifyExport` of the zip at `path`, read a part at a time as `counter-steps verify` does (with
 * `previousPath`, as `--previous` does: that export is checked too).
 */
async function verifyPhase(name: string, path: string, previousPath?: string) {
  const verified = await measure(async () => {
    const opened = await openExport(path);
    if (!opened.ok) throw new Error(opened.problem.kind);
    const earlier = previousPath ? await openExport(previousPath) : null;
    if (earlier && !earlier.ok) throw new Error(earlier.problem.kind);
    try {
      return await verifyExport(opened.files, {
        sha256: NODE_SHA256,
        ...(earlier ? { previous: earlier.files } : {}),
      });
    } finally {
      await opened.close();
      if (earlier) await earlier.close();
    }
  });
  if (verified.value.status !== 'intact') throw new Error(`${name}: the export is not intact`);
  return verified;
}

const figures = ({
  ms,
  cpuMs,
  peakHeapMB,
  peakLiveHeapMB,
  peakRssMB,
  peakArrayBuffersMB,
}: Measured) => ({
  ms: round(ms),
  cpuMs: round(cpuMs),
  peakHeapMB: round(peakHeapMB),
  peakLiveHeapMB: peakLiveHeapMB === null ? null : round(peakLiveHeapMB),
  peakArrayBuffersMB: round(peakArrayBuffersMB),
  peakRssMB: round(peakRssMB),
});

async function scenario(
  name: string,
  options: { days: number; servicesPerDay: number },
  withLastDay = false,
) {
  const load = loadavg()[0] ?? 0;
  const folder = await mkdtemp(join(tmpdir(), 'bench-export-'));
  const path = join(folder, 'export.zip');
  const dayPath = withLastDay ? join(folder, 'day.zip') : undefined;
  const { services, records, generated, exported, lastDay, withPrevious } = await exportPhase(
    options,
    path,
    dayPath,
  );

  // The simulated device is gone by now: its records do not weigh on the verification, which
  // reads the zip from disk a part at a time, as `counter-steps verify` does.
  const verified = await verifyPhase(name, path);
  const dayVerified = dayPath ? await verifyPhase(`${name}, last day`, dayPath) : null;
  const nextVerified = withPrevious
    ? await verifyPhase(`${name}, with previous`, withPrevious.path, withPrevious.previousPath)
    : null;

  // SHA-256 alone of the same bytes, read into memory only now (outside the figures above).
  const zip = new Uint8Array(await readFile(path));
  const zipSha = await sha256Ms(zip);
  const entries = await openZip(bytesSource(zip));
  if (!entries.ok) throw new Error(entries.error);
  const parts: Uint8Array[] = [];
  for await (const part of entries.value.open(FILES.log)) parts.push(part);
  const log = new Uint8Array(Buffer.concat(parts));
  const logSha = await sha256Ms(log);
  const floor = await floors(entries.value, log);
  const zipBytes = (await stat(path)).size;
  await rm(folder, { recursive: true, force: true });

  return {
    scenario: name,
    services,
    records,
    loadAverageAtStart: round(load, 2),
    generate: figures(generated),
    export: {
      ...figures(exported),
      zipMB: round(zipBytes / MB, 2),
      sha256OfZipMs: round(zipSha, 2),
      ratioToSha256: round(exported.ms / zipSha, 0),
      deflateFloorCpuMs: round(floor.deflateMs),
      ratioToFloorCpu: round(exported.cpuMs / floor.deflateMs, 1),
    },
    verify: {
      ...figures(verified),
      logMB: round(log.length / MB, 2),
      sha256OfLogMs: round(logSha, 2),
      ratioToSha256: round(verified.ms / logSha, 0),
      parseFloorCpuMs: round(floor.parseAndHashMs),
      ratioToFloorCpu: round(verified.cpuMs / floor.parseAndHashMs, 1),
    },
    lastDay:
      lastDay && dayVerified
        ? {
            records: lastDay.records,
            keyRecords: lastDay.keyRecords,
            export: figures(lastDay.exported),
            verify: figures(dayVerified),
          }
        : null,
    withPrevious:
      withPrevious && nextVerified
        ? {
            records: withPrevious.records,
            keyRecords: withPrevious.keyRecords,
            export: figures(withPrevious.exported),
            verify: figures(nextVerified),
          }
        : null,
  };
}

const custom =
  values.days === undefined
    ? null
    : { days: Number(values.days), servicesPerDay: Number(values.services ?? 118) };
const scenarios = (
  custom
    ? [{ name: `${custom.days} days × ${custom.servicesPerDay}`, key: 'custom', options: custom }]
    : [
        { name: 'a day (120 services)', key: 'day', options: { days: 1, servicesPerDay: 120 } },
        // Growth: the same work over 1×, 4×, 16× the log — the whole log, and its last day alone.
        ...(values.scales ?? '1,4,16').split(',').map((scale) => {
          const days = Number(values['base-days'] ?? 8) * Number(scale);
          return {
            name: `${scale}×: ${days} days × 118`,
            key: 'growth',
            options: { days, servicesPerDay: 118 },
          };
        }),
        {
          name: `a counter-year (${COUNTER_YEAR.days} days × ${COUNTER_YEAR.servicesPerDay})`,
          key: 'year',
          options: { days: COUNTER_YEAR.days, servicesPerDay: COUNTER_YEAR.servicesPerDay },
        },
      ]
).filter((entry) => values.only === undefined || values.only === entry.key);

const results = [];
for (const { name, key, options } of scenarios) {
  console.log(`Export and verify: ${name}…`);
  results.push(await scenario(name, options, key === 'growth'));
}

const seconds = (ms: number) =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
console.log(
  `\nExport and verify in Node ${process.version}, ${cpus().length} CPUs (figures, not pass/fail):`,
);
console.table(
  results.flatMap((result) => [
    {
      what: `${result.scenario}: generate`,
      records: result.records,
      time: seconds(result.generate.ms),
      'cpu time': seconds(result.generate.cpuMs),
      'peak heap MB': result.generate.peakHeapMB,
      'live heap MB': result.generate.peakLiveHeapMB ?? '',
      'peak buffers MB': result.generate.peakArrayBuffersMB,
      'peak rss MB': result.generate.peakRssMB,
      'SHA-256 alone': '',
      ratio: '',
    },
    {
      what: `${result.scenario}: buildExport (${result.export.zipMB} MB zip)`,
      records: result.records,
      time: seconds(result.export.ms),
      'cpu time': seconds(result.export.cpuMs),
      'peak heap MB': result.export.peakHeapMB,
      'live heap MB': result.export.peakLiveHeapMB ?? '',
      'peak buffers MB': result.export.peakArrayBuffersMB,
      'peak rss MB': result.export.peakRssMB,
      'SHA-256 alone': seconds(result.export.sha256OfZipMs),
      ratio: `${result.export.ratioToSha256}×`,
    },
    {
      what: `${result.scenario}: verifyExport (${result.verify.logMB} MB log.jsonl)`,
      records: result.records,
      time: seconds(result.verify.ms),
      'cpu time': seconds(result.verify.cpuMs),
      'peak heap MB': result.verify.peakHeapMB,
      'live heap MB': result.verify.peakLiveHeapMB ?? '',
      'peak buffers MB': result.verify.peakArrayBuffersMB,
      'peak rss MB': result.verify.peakRssMB,
      'SHA-256 alone': seconds(result.verify.sha256OfLogMs),
      ratio: `${result.verify.ratioToSha256}×`,
    },
    ...(['lastDay', 'withPrevious'] as const).flatMap((which) =>
      (['export', 'verify'] as const).flatMap((phase) => {
        const day = result[which];
        if (!day) return [];
        const measured = day[phase];
        return [
          {
            what: `${result.scenario}: ${phase} of its last day ${which === 'lastDay' ? 'alone' : 'with the previous export'} (${day.keyRecords} key records)`,
            records: day.records,
            time: seconds(measured.ms),
            'cpu time': seconds(measured.cpuMs),
            'peak heap MB': measured.peakHeapMB,
            'live heap MB': measured.peakLiveHeapMB ?? '',
            'peak buffers MB': measured.peakArrayBuffersMB,
            'peak rss MB': measured.peakRssMB,
            'SHA-256 alone': '',
            ratio: '',
          },
        ];
      }),
    ),
  ]),
);
if (!(globalThis as { gc?: unknown }).gc)
  console.log('(Run node with --expose-gc for a steadier memory baseline.)');

const out = values.out ?? 'bench/export.json';
await mkdir('bench', { recursive: true });
await writeFile(
  out,
  `${JSON.stringify(
    {
      note: 'Figures from scripts/bench-export.ts: times in ms, memory as peak above the baseline in MB (sampled every 20 ms; heap is the JS heap, live heap the JS heap right after a full collection, sampled every 3 s or more (at least 20× the last collection) while exporting, buffers the ArrayBuffers outside it — files and zip parts; rss rarely falls back, so a later phase can show 0). Not pass/fail.',
      measuredAt: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      loadAverageAtEnd: loadavg().map((value) => round(value, 2)),
      results,
    },
    null,
    2,
  )}\n`,
);
console.log(`Written to ${out}.`);

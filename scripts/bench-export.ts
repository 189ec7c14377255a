/**
 * Figures for exporting and verifying (`npm run bench`, or `node --expose-gc --import tsx
 * scripts/bench-export.ts [--only day|year]`): with the demo generator, a busy day (~120 services)
 * and a counter-year (renderer/demo/generate.ts's COUNTER_YEAR) are simulated, then
 * `buildExport` (zip collected in memory) and `verifyExport` (the files from that zip) are timed,
 * with their peak memory (heapUsed and rss sampled every 20 ms, minus the baseline before), each
 * next to SHA-256 (WebCrypto) of the same bytes alone in the same run — the zip for the export,
 * log.jsonl for the verification — and the ratio. Prints a table and writes bench/export.json.
 * Figures, not pass/fail; the machine may be shared, so the load average is recorded with them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { COUNTER_YEAR, DEMO_STAFF, simulateCounter } from '../renderer/demo/generate';
import { buildExport } from '../renderer/export/build-export';
import { concatBytes } from '../renderer/export/bytes';
import { FILES } from '../renderer/export/format';
import { readExportZip } from '../renderer/export/read-export';
import { verifyExport } from '../renderer/export/verify-export';

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const MB = 1024 ** 2;

interface Measured {
  ms: number;
  cpuMs: number;
  peakHeapMB: number;
  peakRssMB: number;
}

/** Runs `work`, sampling memory every 20 ms; peaks are above the baseline taken just before. */
async function measure<T>(work: () => Promise<T>): Promise<{ value: T } & Measured> {
  collect();
  const base = process.memoryUsage();
  let heap = base.heapUsed;
  let rss = base.rss;
  const sample = () => {
    const now = process.memoryUsage();
    heap = Math.max(heap, now.heapUsed);
    rss = Math.max(rss, now.rss);
  };
  const timer = setInterval(sample, 20);
  const cpu = process.cpuUsage();
  const started = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    sample();
    return {
      value,
      ms,
      cpuMs: (used.user + used.system) / 1000,
      peakHeapMB: (heap - base.heapUsed) / MB,
      peakRssMB: (rss - base.rss) / MB,
    };
  } finally {
    clearInterval(timer);
  }
}

/** SHA-256 of `bytes` alone (WebCrypto, warmed up): the best of three. */
async function sha256Ms(bytes: Uint8Array): Promise<number> {
  await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(64));
  let best = Infinity;
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** Simulates the counter and times its export; only the zip and the figures leave. */
async function exportPhase(options: { days: number; servicesPerDay: number }) {
  const generated = await measure(() => simulateCounter({ ...options, seed: 7 }));
  const { device, truth } = generated.value;
  // The auditor takes the export, as the Export button does: seal, plan, build.
  device.now += 30 * 60_000;
  await device.must({ type: 'sign-in', staffNo: DEMO_STAFF.auditor, pin: '246810' });
  await device.must({
    type: 'change-own-pin',
    currentPin: '246810',
    pin: '135792',
    confirmation: '135792',
  });
  await device.must({ type: 'seal-for-export' });
  const { fileName: _fileName, ...request } = await device.exportRequest({
    labels: { business: (code) => code, step: (id) => id },
    locale: 'zh-CN',
  });
  const exported = await measure(async () => {
    const chunks: Uint8Array[] = [];
    await buildExport({ ...request, sink: async (chunk) => void chunks.push(chunk) });
    return concatBytes(chunks);
  });
  return {
    zip: exported.value,
    services: truth.services,
    records: request.last.seq - request.first.seq + 1,
    generated: { ...generated, value: undefined },
    exported: { ...exported, value: undefined },
  };
}

const figures = ({ ms, cpuMs, peakHeapMB, peakRssMB }: Measured) => ({
  ms: round(ms),
  cpuMs: round(cpuMs),
  peakHeapMB: round(peakHeapMB),
  peakRssMB: round(peakRssMB),
});

async function scenario(name: string, options: { days: number; servicesPerDay: number }) {
  const load = loadavg()[0] ?? 0;
  const { zip, services, records, generated, exported } = await exportPhase(options);
  const zipSha = await sha256Ms(zip);

  const unzipStarted = performance.now();
  const read = readExportZip(zip);
  if (!read.ok) throw new Error(read.error);
  const unzipMs = performance.now() - unzipStarted;
  const files = read.value;
  // The simulated device is gone by now: its records do not weigh on the verification.
  const verified = await measure(() => verifyExport(files));
  if (verified.value.status !== 'intact') throw new Error(`${name}: the export is not intact`);
  const log = files.get(FILES.log) as Uint8Array;
  const logSha = await sha256Ms(log);

  return {
    scenario: name,
    services,
    records,
    loadAverageAtStart: round(load, 2),
    generate: figures(generated),
    export: {
      ...figures(exported),
      zipMB: round(zip.length / MB, 2),
      sha256OfZipMs: round(zipSha, 2),
      ratioToSha256: round(exported.ms / zipSha, 0),
    },
    verify: {
      unzipMs: round(unzipMs),
      ...figures(verified),
      logMB: round(log.length / MB, 2),
      sha256OfLogMs: round(logSha, 2),
      ratioToSha256: round(verified.ms / logSha, 0),
    },
  };
}

const scenarios = [
  { name: 'a day (120 services)', key: 'day', options: { days: 1, servicesPerDay: 120 } },
  {
    name: `a counter-year (${COUNTER_YEAR.days} days × ${COUNTER_YEAR.servicesPerDay})`,
    key: 'year',
    options: { days: COUNTER_YEAR.days, servicesPerDay: COUNTER_YEAR.servicesPerDay },
  },
].filter((entry) => values.only === undefined || values.only === entry.key);

const results = [];
for (const { name, options } of scenarios) {
  console.log(`Export and verify: ${name}…`);
  results.push(await scenario(name, options));
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
      'peak rss MB': result.verify.peakRssMB,
      'SHA-256 alone': seconds(result.verify.sha256OfLogMs),
      ratio: `${result.verify.ratioToSha256}×`,
    },
  ]),
);
if (!(globalThis as { gc?: unknown }).gc)
  console.log('(Run node with --expose-gc for a steadier memory baseline.)');

await mkdir('bench', { recursive: true });
await writeFile(
  'bench/export.json',
  `${JSON.stringify(
    {
      note: 'Figures from scripts/bench-export.ts: times in ms, memory as peak above the baseline in MB (sampled every 20 ms). Not pass/fail.',
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
console.log('Written to bench/export.json.');

/**
 * What scripts/bench-export.ts measures with: a phase's time, CPU time and peak memory (sampled
 * while it runs), SHA-256 of the same bytes alone, and the floors no exporter or verifier of this
 * format can go under.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'fflate';
import type { ExportEntries } from '../core/export/zip-entries';

const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
export const MB = 1024 ** 2;
/**
 * How often the live heap is sampled: a full collection each time, which on the counter-year's
 * heap (the simulated device holds its whole log in memory) takes seconds; so the next sample
 * waits at least 3 s and at least 20 times the last collection, keeping the sampling's own cost
 * under 5 % of the time measured.
 */
const LIVE_EVERY_MS = 3000;
const LIVE_COST_SHARE = 20;

export interface Measured {
  ms: number;
  cpuMs: number;
  peakHeapMB: number;
  /** heapUsed right after a full collection, sampled every 3 s or more (the export only; needs --expose-gc). */
  peakLiveHeapMB: number | null;
  peakRssMB: number;
  /** ArrayBuffers (files, zip parts) live outside the JS heap: heapUsed does not count them. */
  peakArrayBuffersMB: number;
}

/** Runs `work`, sampling memory every 20 ms; peaks are above the baseline taken just before. */
export async function measure<T>(
  work: () => Promise<T>,
  options: { live?: boolean } = {},
): Promise<{ value: T } & Measured> {
  collect();
  const base = process.memoryUsage();
  let heap = base.heapUsed;
  let rss = base.rss;
  let buffers = base.arrayBuffers;
  const sample = () => {
    const now = process.memoryUsage();
    heap = Math.max(heap, now.heapUsed);
    rss = Math.max(rss, now.rss);
    buffers = Math.max(buffers, now.arrayBuffers);
  };
  const timer = setInterval(sample, 20);
  const exposed = options.live === true && (globalThis as { gc?: unknown }).gc !== undefined;
  let live = base.heapUsed;
  let liveTimer: ReturnType<typeof setTimeout> | null = null;
  const sampleLive = () => {
    const started = performance.now();
    collect();
    live = Math.max(live, process.memoryUsage().heapUsed);
    const took = performance.now() - started;
    liveTimer = setTimeout(sampleLive, Math.max(LIVE_EVERY_MS, took * LIVE_COST_SHARE));
  };
  if (exposed) liveTimer = setTimeout(sampleLive, LIVE_EVERY_MS);
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
      peakLiveHeapMB: exposed ? (live - base.heapUsed) / MB : null,
      peakRssMB: (rss - base.rss) / MB,
      peakArrayBuffersMB: (buffers - base.arrayBuffers) / MB,
    };
  } finally {
    clearInterval(timer);
    if (liveTimer) clearTimeout(liveTimer);
  }
}

/** SHA-256 of `bytes` alone (WebCrypto, warmed up): the best of three. */
export async function sha256Ms(bytes: Uint8Array): Promise<number> {
  await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(64));
  let best = Infinity;
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** The CPU time of `work` (synchronous), in ms. */
export function cpuMsOf(work: () => void): number {
  const started = process.cpuUsage();
  work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/**
 * Floors no exporter or verifier of this format can go under, in CPU time: deflating the zip's
 * files as the export does (level 6; the workbook is a zip inside it, deflated again here, which
 * a little overstates the floor), and parsing every line of log.jsonl as JSON and hashing it —
 * the least a verifier does before it checks any hash, link, signature or rule.
 */
export async function floors(entries: ExportEntries, log: Uint8Array) {
  let deflateMs = 0;
  for (const name of entries.names) {
    const parts: Uint8Array[] = [];
    for await (const part of entries.open(name)) parts.push(part);
    const bytes = new Uint8Array(Buffer.concat(parts));
    deflateMs += cpuMsOf(() => void deflateSync(bytes, { level: 6 }));
  }
  const text = new TextDecoder().decode(log);
  const parseMs = cpuMsOf(() => {
    for (const line of text.split('\n')) if (line) JSON.parse(line);
  });
  const hash = createHash('sha256');
  const hashMs = cpuMsOf(() => void hash.update(log).digest());
  return { deflateMs, parseAndHashMs: parseMs + hashMs };
}

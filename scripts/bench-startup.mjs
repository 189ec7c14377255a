#!/usr/bin/env node
// Start-up and tap latency, before and after a change of stack, in one run (issue 22: start-up is
// measured instead of kilobytes). Two builds of the browser app — BEFORE: the commit BENCH_BEFORE
// (bb66ad6 by default, the last one on Preact and the app's own translator), exported by
// scripts/bench-before.mjs; AFTER: this working tree as it is — each served on loopback on a port
// of its own, measured in real Chromium over a profile on disk, on a normal CPU and on one slowed
// 4× by DevTools (`Emulation.setCPUThrottlingRate`: a low-end tablet), the two builds taking turns
// so that both meet the same load on a shared machine. For each build and CPU:
//  - cold start: a new Chromium over a copy of a profile seeded through the first-run screens
//    (the counter set up, the manager signed in), its HTTP cache, V8 code cache and service worker
//    (with its Cache Storage) deleted; ms from the navigation's start to the frame painted after
//    the clerk's screen is in the page (the probe of scripts/bench-probe.mjs: `main.start` or the
//    step card, then requestAnimationFrame and the task after it). BENCH_STARTUP_COLD (5) runs.
//  - warm start: in the same Chromium, once the service worker that cold start registered is
//    active, reloads timed the same way (HTTP cache, code cache and service worker warm);
//    BENCH_STARTUP_WARM (2) after each cold start.
//  - tap → painted: a real click (Playwright's mouse, so a trusted input event) on the step card's
//    Done, timed from the click event's own timestamp to the frame painted after the step strip
//    shows that step done (the same probe); BENCH_STARTUP_TAPS (30, at least) taps, p50 and p95.
//  - the JavaScript the clerk's screen loads (scripts/clerk-js.mjs), gzipped: information only.
// Each figure is printed next to its limit and as a ratio to it (≤ 1 meets it): normal CPU, cold
// start ≤ 600 ms and tap → painted p95 ≤ 50 ms; 4× throttled, cold start ≤ 2 s and tap → painted
// p95 ≤ 100 ms; the cold start judged by its median (its slowest run is printed beside it).
// Figures land in bench/startup.json. The run stops by itself after BENCH_STARTUP_DEADLINE_S
// (900) seconds at most.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { treeAt } from './bench-before.mjs';
import { launch, repo, serveBuild } from './bench-app-run.mjs';
import { appPage, freePort, quantiles } from './bench-probe.mjs';
import { clerkScripts } from './clerk-js.mjs';

const BEFORE = process.env.BENCH_BEFORE ?? 'bb66ad6';
const COLD = Number(process.env.BENCH_STARTUP_COLD ?? 5);
const WARM = Number(process.env.BENCH_STARTUP_WARM ?? 2);
const TAPS = Number(process.env.BENCH_STARTUP_TAPS ?? 30);
const DEADLINE_S = Number(process.env.BENCH_STARTUP_DEADLINE_S ?? 900);
const RATES = [1, 4];
/** Issue 22's limits: a normal CPU, and one throttled 4× (a low-end tablet). */
const LIMITS = { 1: { coldMs: 600, tapP95Ms: 50 }, 4: { coldMs: 2000, tapP95Ms: 100 } };
/** What a cold start must not find in the profile: every cache a load fills. */
const CACHES = ['Cache', 'Code Cache', 'Service Worker', 'GPUCache'];

const cleanups = [];
const cleanUp = async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error(`cleaning up: ${error.message}`);
    }
  }
};
// A benchmark that hangs (a load that never paints) must not hold the machine: stop after the
// deadline, cleaning up what can be.
setTimeout(() => {
  console.error(`bench-startup: still running after ${DEADLINE_S} s; stopping.`);
  void cleanUp().finally(() => process.exit(2));
}, DEADLINE_S * 1000).unref();

const git = (...args) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();
const started = Date.now();
const loadAtStart = loadavg();

const before = treeAt(repo, BEFORE);
cleanups.push(() => before.close());
const head = git('rev-parse', 'HEAD');
const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
const builds = [
  { name: 'before', root: before.root, commit: before.commit, label: before.commit.slice(0, 7) },
  {
    name: 'after',
    root: repo,
    commit: head,
    label: `${head.slice(0, 7)}${dirty ? ' + working tree' : ''}`,
  },
];

try {
  for (const build of builds) {
    const port = await freePort();
    const served = await serveBuild(port, { root: build.root });
    cleanups.push(() => served.close());
    build.origin = served.origin;
    build.clerkJs = await clerkScripts(served.outDir);
    build.template = await seed(build.origin);
    cleanups.push(() => rmSync(build.template, { recursive: true, force: true }));
    console.log(`${build.name} (${build.label}) built, served on ${build.origin} and seeded`);
  }

  const runs = {};
  let chromium = null;
  for (const rate of RATES) {
    for (const build of builds)
      runs[`${build.name}@${rate}`] = { cold: [], phases: [], warm: [], taps: [] };
    for (let round = 0; round < COLD; round += 1) {
      // Taking turns, each build first every other round.
      for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
        const start = await startOnce(build, rate);
        chromium ??= start.chromium;
        runs[`${build.name}@${rate}`].cold.push(start.cold);
        runs[`${build.name}@${rate}`].phases.push(start.phases);
        runs[`${build.name}@${rate}`].warm.push(...start.warm);
        runs[`${build.name}@${rate}`].warmControlled = start.controlled;
      }
    }
    for (const build of builds) runs[`${build.name}@${rate}`].taps = await tapsOn(build, rate);
    console.log(`CPU ${rate}×: measured`);
  }

  const rows = [];
  for (const rate of RATES) {
    for (const build of builds) {
      const run = runs[`${build.name}@${rate}`];
      const limit = LIMITS[rate];
      const cold = quantiles(run.cold);
      const warm = quantiles(run.warm);
      const paint = quantiles(run.taps.map((tap) => tap.paint));
      rows.push({
        build: build.name,
        commit: build.commit,
        label: build.label,
        cpuThrottling: rate,
        coldMs: { ...cold, max: Math.max(...run.cold), runs: run.cold },
        coldPhasesMs: {
          documentReceived: quantiles(run.phases.map((phase) => phase.documentReceived)).p50,
          domContentLoaded: quantiles(run.phases.map((phase) => phase.domContentLoaded)).p50,
        },
        warmMs: { ...warm, max: Math.max(...run.warm), runs: run.warm },
        warmControlledByServiceWorker: run.warmControlled,
        tapToPaintMs: paint,
        tapToCommitMs: quantiles(run.taps.map((tap) => tap.commit)),
        // How often the step showed done only after its write completed: then the frame an
        // Event Timing entry ends on (the first after the click's handlers) is too early.
        shownAfterCommit:
          run.taps.filter((tap) => tap.shown >= tap.commit).length / run.taps.length,
        limit,
        ratio: { cold: cold.p50 / limit.coldMs, tapP95: paint.p95 / limit.tapP95Ms },
        clerkJs: { KB: build.clerkJs.bytes / 1024, gzipKB: build.clerkJs.gzip / 1024 },
      });
    }
  }

  const result = {
    note:
      'Start-up and tap → painted of the BEFORE and AFTER builds in one run, each a ratio to its ' +
      'limit (≤ 1 meets it); the JavaScript size is information, not judged.',
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      node: process.version,
      chromium,
      loadAverageAtStart: loadAtStart.map((value) => Number(value.toFixed(2))),
      loadAverageAtEnd: loadavg().map((value) => Number(value.toFixed(2))),
    },
    before: { ref: BEFORE, commit: before.commit, installed: before.installed },
    after: { commit: head, workingTreeChanged: dirty },
    settings: { coldRuns: COLD, warmPerCold: WARM, taps: TAPS, viewport: '1280×800' },
    rows,
    wallSeconds: (Date.now() - started) / 1000,
  };
  mkdirSync(join(repo, 'bench'), { recursive: true });
  writeFileSync(join(repo, 'bench', 'startup.json'), `${JSON.stringify(result, null, 2)}\n`);

  const f = (value) => value.toFixed(1);
  const x = (value) => `${value.toFixed(2)}×`;
  console.log(
    `\nStart-up and tap → painted, before (${builds[0].label}) and after (${builds[1].label}),` +
      ` Chromium ${chromium}, load ${result.machine.loadAverageAtEnd.join(' ')}:`,
  );
  console.table(
    rows.map((row) => ({
      build: `${row.build} ${row.label}`,
      CPU: `${row.cpuThrottling}×`,
      'cold ms (p50 / max)': `${f(row.coldMs.p50)} / ${f(row.coldMs.max)}`,
      'warm ms (p50)': f(row.warmMs.p50),
      'tap p50 ms': f(row.tapToPaintMs.p50),
      'tap p95 ms': `${f(row.tapToPaintMs.p95)} (n ${row.tapToPaintMs.n})`,
      limit: `cold ${row.limit.coldMs}, tap p95 ${row.limit.tapP95Ms}`,
      ratio: `${x(row.ratio.cold)}, ${x(row.ratio.tapP95)}`,
      'JS KB gzip (info)': f(row.clerkJs.gzipKB),
    })),
  );
  console.log('bench/startup.json written.');
} finally {
  await cleanUp();
}

/** A copy of `template` without the caches a load fills, for a cold start. */
function coldProfile(template) {
  const profile = mkdtempSync(join(tmpdir(), 'counter-steps-bench-profile-'));
  cpSync(template, profile, { recursive: true });
  for (const cache of CACHES)
    rmSync(join(profile, 'Default', cache), { recursive: true, force: true });
  return profile;
}

/** A profile on disk where the counter was set up through the first-run screens, taps unguarded. */
async function seed(origin) {
  const template = mkdtempSync(join(tmpdir(), 'counter-steps-bench-seed-'));
  const browser = await launch(origin, { profile: template });
  try {
    const app = await appPage(browser.page);
    await app.firstRun();
    await app.setTapGuard(0);
  } finally {
    // Closed, not removed: the profile is the template every run copies.
    await browser.context.close();
  }
  return template;
}

/** Chromium over a cold copy of the build's seeded profile, its page's CPU slowed `rate`×. */
async function browserFor(build, rate) {
  const browser = await launch(build.origin, { profile: coldProfile(build.template) });
  const app = await appPage(browser.page);
  const cdp = await browser.context.newCDPSession(browser.page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { browser, app };
}

/** One cold start, then `WARM` warm ones once the service worker is active. */
async function startOnce(build, rate) {
  const { browser, app } = await browserFor(build, rate);
  try {
    const cold = await app.load('./');
    // Where the cold start's time went, from the navigation's own timing entry.
    const phases = await browser.page.evaluate(() => {
      const [entry] = performance.getEntriesByType('navigation');
      return {
        documentReceived: entry.responseEnd,
        domContentLoaded: entry.domContentLoadedEventEnd,
      };
    });
    await browser.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const warm = [];
    for (let run = 0; run < WARM; run += 1) warm.push(await app.reload());
    return {
      cold,
      phases,
      warm,
      controlled: await browser.page.evaluate(() => navigator.serviceWorker.controller !== null),
      chromium: browser.context.browser()?.version() ?? null,
    };
  } finally {
    await browser.close();
  }
}

/** At least `TAPS` taps on Done through services in English, each with its timings. */
async function tapsOn(build, rate) {
  const { browser, app } = await browserFor(build, rate);
  try {
    await app.load('./?lang=en');
    const { taps } = await app.tapThrough(TAPS, { bare: false });
    return taps;
  } finally {
    await browser.close();
  }
}

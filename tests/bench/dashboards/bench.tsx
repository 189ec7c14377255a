/**
 * The manager's dashboards over a counter-year of demo data, in real Chromium with real
 * IndexedDB: the review's rollups (written by scripts/bench-dashboards.ts from the demo's log
 * through the review's own projector, then copied under other device ids for 4× and 16×) are put
 * in a fresh database, the device's store opened over it, and the figures screen rendered for a
 * day, a month and the whole year until its charts are painted — against reading the same
 * rollup rows alone in the same page, and against the floor any screen over them has: reading
 * them, then one frame painted. Figures land on `window.dashboardResult`.
 */
import '../../../renderer/ui/base.css';
import '../../../renderer/features/manager/review.css';
import '../../../renderer/features/manager/figures.css';
import { createRoot } from 'react-dom/client';
import { periodOf, type Period } from '../../../core/domain/review/period';
import type { RollupRow } from '../../../core/domain/review/rollup';
import { FiguresView } from '../../../renderer/features/manager/FiguresView';
import { StoreProvider } from '../../../renderer/features/shared/store-context';
import { initI18n } from '../../../renderer/i18n';
import { openStore } from '../../../renderer/storage';
import { openDatabase } from '../../../renderer/storage/open-database';
import { REVIEW_VERSION } from '../../../core/domain/review/review-projector';
import { OWN_LOG } from '../../../renderer/storage/review-index';

interface Figure {
  scale: number;
  rollupRows: number;
  period: string;
  days: number;
  runs: number;
  paintedMs: number;
  paintedMaxMs: number;
  readMs: number;
  ratio: number;
  /** Reading the rows, then the next frame painted: what no screen over them can beat. */
  floorMs: number;
  floorRatio: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

const afterPaint = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );

/** Resolves once `selector` matches (checked on every DOM change). */
const appeared = (selector: string) =>
  new Promise<void>((resolve) => {
    if (document.querySelector(selector)) return resolve();
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  });

async function run(): Promise<Figure[]> {
  const params = new URLSearchParams(location.search);
  const runs = Number(params.get('runs') ?? 5);
  const scales = (params.get('scales') ?? '1,4,16').split(',').map(Number);
  await initI18n('en');
  // The review's words join i18next once it is set up, as when the review screen loads.
  await import('../../../renderer/features/manager/i18n');
  const base = (await (await fetch('./rollups.json')).json()) as RollupRow[];
  const days = base.map((row) => row.day).sort();
  const first = days[0] ?? '2026-01-01';
  const last = days.at(-1) ?? first;
  // A whole month: the one in the middle of the year (the last day may be a month's first).
  const middle = days[Math.floor(days.length / 2)] ?? last;
  const periods: [string, Period][] = [
    ['day', periodOf('day', last)],
    ['month', periodOf('month', middle)],
    ['year', periodOf('range', first, last)],
  ];
  const host = document.getElementById('root')!;
  const figures: Figure[] = [];
  for (const scale of scales) {
    const name = `dashboards-${scale}-${Date.now()}`;
    const db = await openDatabase(name);
    const rows = Array.from({ length: scale }, (_, copy) =>
      base.map((row) =>
        copy === 0 ? row : { ...row, device: `copy-${copy}`, key: `copy-${copy}|${row.key}` },
      ),
    ).flat();
    await db.rollups.bulkPut(rows);
    // The review is current for this (empty) log: nothing is rebuilt over the rows put here.
    await db.reviewState.put({ device: OWN_LOG, appliedSeq: 0, version: REVIEW_VERSION });
    db.close();
    const store = await openStore({ name, pinIterations: 1_000 });
    for (const [label, period] of periods) {
      const painted: number[] = [];
      const read: number[] = [];
      const floor: number[] = [];
      for (let index = 0; index < runs; index += 1) {
        const readStarted = performance.now();
        await store.review.rollups(period.from, period.to);
        read.push(performance.now() - readStarted);
        const floorStarted = performance.now();
        await store.review.rollups(period.from, period.to);
        floor.push((await afterPaint()) - floorStarted);
        const root = createRoot(host);
        const started = performance.now();
        root.render(
          <StoreProvider store={store}>
            <FiguresView
              period={period}
              counter=""
              onOpen={() => undefined}
              onDemoLoaded={() => undefined}
            />
          </StoreProvider>,
        );
        // A day has no trend chart; a longer period is painted once its chart's canvas is.
        await appeared(
          period.from === period.to
            ? '.review-figures[aria-busy="false"]'
            : '.review-figures[aria-busy="false"] .trend-chart canvas',
        );
        painted.push((await afterPaint()) - started);
        root.unmount();
      }
      const paintedMs = median(painted);
      const readMs = median(read);
      const floorMs = median(floor);
      figures.push({
        scale,
        rollupRows: rows.length,
        period: label,
        days: new Set(days.filter((day) => day >= period.from && day <= period.to)).size,
        runs,
        paintedMs,
        paintedMaxMs: Math.max(...painted),
        readMs,
        ratio: paintedMs / readMs,
        floorMs,
        floorRatio: paintedMs / floorMs,
      });
    }
    store.close();
  }
  return figures;
}

declare global {
  interface Window {
    dashboardResult?: Figure[] | { error: string };
  }
}

run().then(
  (figures) => (window.dashboardResult = figures),
  (error: unknown) => (window.dashboardResult = { error: String(error) }),
);

/**
 * The Review's comparisons and its notice-board report, in Chinese and English, over two demo
 * counters' two known weeks (2026-11-02…08 and 09…15):
 *
 * - the "By day" chart: its kept-rate axis follows the data (not a fixed 0–100), both axes are
 *   titled, the key names its series before any tap, the days carry their weekday;
 * - each tile's change against the week before equals the same change worked out from the raw
 *   records (review-expected.ts, no app code), in the same words;
 * - the report, printed to PDF by Chromium (`page.pdf()`, the print stylesheet) and read back with
 *   poppler's pdftotext, holds the period, the tiles and the ranking on one A4 page.
 *
 * Screenshots of the Review and the report at 1280×800 go to tests/e2e/__screenshots__ (or
 * wherever `npm run screenshots` points them).
 */
import 'fake-indexeddb/auto';
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../../renderer/demo/generate';
import { addCounterLog, openScreen, setUpCounter, type Lang } from './fixtures';
import { shotDir } from './layout-check';
import { duration, expectedFigures, logOf, type Expected, type Row } from './review-expected';
import { text } from './screens';
import reviewEn from '../../core/i18n/review/en.json' with { type: 'json' };
import reviewZh from '../../core/i18n/review/zh-CN.json' with { type: 'json' };

const BEFORE = { from: '2026-11-02', to: '2026-11-08' };
const NOW = { from: '2026-11-09', to: '2026-11-15' };
const REVIEW = { en: reviewEn, 'zh-CN': reviewZh } as const;

let files: string[] = [];
let logs: Row[][] = [];
let now: Expected;
let before: Expected;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const demo = await generateDemo({
    seed: 7,
    counters: 2,
    days: 14,
    servicesPerDay: 12,
    startDate: BEFORE.from,
  });
  const dir = mkdtempSync(join(tmpdir(), 'review-compare-'));
  files = demo.exports.map(({ fileName, bytes }) => {
    const path = join(dir, fileName);
    writeFileSync(path, bytes);
    return path;
  });
  logs = demo.exports.map(({ bytes }) => logOf(bytes));
  now = expectedFigures(logs, NOW.from, NOW.to);
  before = expectedFigures(logs, BEFORE.from, BEFORE.to);
});

/** The change as the tile should word it, worked out here: arrow, signed figure, verdict. */
function worded(
  lang: Lang,
  delta: number,
  unit: 'rate' | 'count' | 'time',
  better: 'up' | 'down' | 'neither',
): string {
  const r = REVIEW[lang];
  const arrow = delta > 0 ? '▲' : delta < 0 ? '▼' : '=';
  const signed = (value: number, digits: number) =>
    new Intl.NumberFormat(lang, {
      signDisplay: 'exceptZero',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  const figure =
    unit === 'rate'
      ? r.compare.points.replace('{{value}}', signed(Math.round(delta * 1000) / 10, 1))
      : unit === 'time'
        ? `${delta > 0 ? '+' : delta < 0 ? '−' : ''}${duration(Math.abs(delta))}`
        : signed(delta, 0);
  const word =
    delta === 0
      ? r.compare.same
      : better === 'neither'
        ? ''
        : delta > 0 === (better === 'up')
          ? r.compare.better
          : r.compare.worse;
  return word ? `${arrow} ${figure} · ${word}` : `${arrow} ${figure}`;
}

async function addExports(page: Page, lang: Lang) {
  const t = (key: string) => text(lang, key);
  await openScreen(page, t('nav.log'));
  const panel = page.locator('section', {
    has: page.getByRole('heading', { name: t('importing.title') }),
  });
  for (const [index, file] of files.entries()) {
    await addCounterLog(panel, file, {
      add: t('importing.add'),
      addAnyway: t('importing.confirm.add'),
    });
    await expect(panel.locator('tr[data-chain]')).toHaveCount(index + 1);
  }
}

const pct = (lang: Lang, rate: number) =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(rate);

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  test(`the chart reads at a glance, tiles compare with the week before, the report prints (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const t = (key: string) => text(lang, key);
    const r = REVIEW[lang];
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    await setUpCounter(page, lang, '9');
    await addExports(page, lang);
    await openScreen(page, t('nav.review'));
    await button(r.period.week).click();
    await page.getByRole('textbox', { name: r.period.day, exact: true }).fill('2026-11-11');
    await expect(page.locator('.compare-against')).toHaveAttribute(
      'data-before',
      `${BEFORE.from}|${BEFORE.to}`,
    );

    // The chart: axes titled, the key naming its series before any tap, the range from the data.
    const trend = page.locator('section.trend');
    await expect(trend.locator('[data-axis="kept"]')).toHaveText(r.trend.keptAxis);
    await expect(trend.locator('[data-axis="services"]')).toHaveText(r.trend.servicesAxis);
    await expect(trend.locator('[data-axis="day"]')).toHaveText(r.trend.dayAxis);
    await expect(trend.locator('.trend-legend [data-series="services"]')).toHaveText(
      r.trend.services,
    );
    await expect(trend.locator('.trend-legend [data-series="kept"]')).toHaveText(r.trend.kept);
    await expect(trend.locator('.trend-legend [data-series="target"]')).toContainText(
      r.trend.target.replace(' {{value}}', '').replace('{{value}}', ''),
    );
    await expect(trend.locator('.trend-readout')).toContainText(String(now.services));
    const daily = [];
    for (let day = 9; day <= 15; day += 1) {
      const figures = expectedFigures(logs, `2026-11-${day}`, `2026-11-${day}`);
      if (figures.applicable > 0) daily.push((100 * figures.done) / figures.applicable);
    }
    const low = Math.min(...daily);
    const high = Math.max(...daily);
    await expect(trend.locator('.trend-chart')).toHaveAttribute('data-kept-range', /\d/);
    const [from = 0, to = 100] = (
      (await trend.locator('.trend-chart').getAttribute('data-kept-range')) ?? ''
    )
      .split(',')
      .map(Number);
    // Around the data and the 90 % target, a little margin, never the fixed 0–100.
    expect(from).toBeLessThanOrEqual(Math.min(low, 90));
    expect(to).toBeGreaterThanOrEqual(Math.min(100, high));
    expect(from).toBeGreaterThan(Math.min(low, 90) - 15);
    expect(to - from).toBeLessThan(100);
    // Monday the 9th, with its weekday in the screen's language.
    const monday = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' }).format(
      new Date('2026-11-09T00:00:00Z'),
    );
    await expect(trend.locator('tr[data-day="2026-11-09"] td').first()).toContainText(monday);

    // Each tile's change against the week before, worked out from the raw records.
    const change = (id: string) => page.locator(`[data-change="${id}"]`).first();
    const kept = (e: Expected) => e.done / e.applicable;
    await expect(change('services')).toHaveText(
      worded(lang, now.services - before.services, 'count', 'neither'),
    );
    await expect(change('kept')).toHaveText(worded(lang, kept(now) - kept(before), 'rate', 'up'));
    await expect(change('average')).toHaveText(
      worded(lang, (now.averageMs ?? 0) - (before.averageMs ?? 0), 'time', 'down'),
    );
    await expect(change('over')).toHaveText(
      worded(
        lang,
        now.overTarget / now.finished - before.overTarget / before.finished,
        'rate',
        'down',
      ),
    );
    await expect(change('satisfied')).toHaveText(
      worded(lang, now.satisfied / now.answered - before.satisfied / before.answered, 'rate', 'up'),
    );
    // The worst three steps, each with its change.
    await expect(page.locator('section.worst tbody tr')).toHaveCount(3);
    await expect(page.locator('.clerk-trends .small-multiples li').first()).toBeVisible();
    await expect(page.locator('.time-bands tbody tr').first()).toBeVisible();
    await page.screenshot({ path: join(shotDir, `review-compare-${lang}-landscape.png`) });
    await trend.screenshot({ path: join(shotDir, `review-trend-${lang}-landscape.png`) });
    await page.locator('.clerk-trends').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shotDir, `review-compare-more-${lang}-landscape.png`) });

    // The ranking as the Review shows it, to find again in the PDF.
    const ranking = await page
      .locator('.ranking-panel table[data-ranking="clerk"] tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent)),
      );
    expect(ranking.length).toBeGreaterThan(0);

    // The report: the store, the period, and the same tiles and ranking, printed to A4.
    await button(r.report.open).click();
    await page.getByRole('textbox', { name: r.report.store }).fill('Store 88');
    await expect(page.locator('[data-report="period"]')).toHaveText(
      r.report.period.replace('{{from}}', NOW.from).replace('{{to}}', NOW.to),
    );
    await page.screenshot({
      path: join(shotDir, `review-report-${lang}-landscape.png`),
      fullPage: true,
    });
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const pdf = join(dir, 'report.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\b/);
    expect(info).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
    const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // In reading order, each tile's label, figure and note one after another.
    const flat = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(flat).toContain(r.report.title);
    expect(flat).toContain('Store 88');
    expect(flat).toContain(NOW.from);
    expect(flat).toContain(NOW.to);
    expect(flat).toContain(r.report.made.replace(' {{at}}', ''));
    // The tiles (side by side, so read from the laid-out page): each label, and the figures
    // and changes worked out from the raw records.
    const laid = printed.replace(/[ \t]+/g, ' ');
    // pdftotext spaces CJK lines its own way ("=0· 持平"): the changes are compared without spaces.
    const tight = (words: string) => words.replace(/\s+/g, '');
    for (const label of [r.tiles.services, r.tiles.kept, r.tiles.average, r.tiles.over])
      expect(laid).toContain(label);
    expect(laid).toMatch(new RegExp(`(^| )${now.services}( |$)`, 'm'));
    expect(laid).toContain(pct(lang, kept(now)));
    expect(laid).toContain(duration(now.averageMs ?? 0));
    expect(tight(laid)).toContain(tight(worded(lang, kept(now) - kept(before), 'rate', 'up')));
    expect(tight(laid)).toContain(
      tight(worded(lang, now.services - before.services, 'count', 'neither')),
    );
    expect(tight(laid)).toContain(
      tight(worded(lang, (now.averageMs ?? 0) - (before.averageMs ?? 0), 'time', 'down')),
    );
    // Each clerk's row of the ranking, in the Review's order, on one line of the page.
    const lines = printed.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
    let last = -1;
    for (const cells of ranking) {
      const [place, clerk, score] = cells;
      const at = lines.findIndex((line) => tight(line).includes(tight(`${clerk}${score}`)));
      expect(at, `${clerk} ${score} in\n${printed}`).toBeGreaterThan(last);
      expect(tight(lines[at] ?? '').startsWith(tight(`${place}${clerk}`))).toBe(true);
      last = at;
    }
    // No app bar or button on paper.
    expect(flat).not.toContain(r.report.print);
    expect(flat).not.toContain(r.services.all);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-singlefile',
      pdf,
      join(shotDir, `review-report-pdf-${lang}`),
    ]);
  });
}

/**
 * The manager's review as a person sees it, in Chinese and English at 1280×800 and 800×1280: the
 * dashboard over two demo counters' week, its complaints and the complaints they open, a flagged
 * service's timeline, and the spot-check form
 * on one of this tablet's own services. Each passes the layout check (no sideways scroll, 48 px
 * targets, words inside their buttons) and is written as a screenshot (`npm run screenshots`
 * puts them in tests/e2e/__screenshots__, where the README shows them).
 */
import 'fake-indexeddb/auto';
import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../../renderer/demo/generate';
import { openScreen, setUpCounter, shortService, type Lang, addCounterLog } from './fixtures';
import { SIZES, layoutProblems, shotDir } from './layout-check';
import { text } from './screens';
import reviewEn from '../../core/i18n/review/en.json' with { type: 'json' };
import reviewZh from '../../core/i18n/review/zh-CN.json' with { type: 'json' };

const FROM = '2026-11-02';
const TO = '2026-11-08';
const REVIEW = { en: reviewEn, 'zh-CN': reviewZh } as const;

let files: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const demo = await generateDemo({
    seed: 5,
    counters: 2,
    days: 7,
    servicesPerDay: 24,
    startDate: FROM,
  });
  const dir = mkdtempSync(join(tmpdir(), 'review-screens-'));
  files = demo.exports.map(({ fileName, bytes }) => {
    const path = join(dir, fileName);
    writeFileSync(path, bytes);
    return path;
  });
});

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  test(`the review's dashboard, a timeline and the spot-check form fit a tablet (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const t = (key: string) => text(lang, key);
    const r = REVIEW[lang];
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    await setUpCounter(page, lang, '9');
    await shortService(page, lang, 'A001', 'A002');
    await openScreen(page, t('nav.log'));
    const panel = page.locator('section', {
      has: page.getByRole('heading', { name: t('importing.title') }),
    });
    for (const file of files) {
      await addCounterLog(panel, file, {
        add: t('importing.add'),
        addAnyway: t('importing.confirm.add'),
      });
      await expect(panel.locator('tr[data-chain]')).toHaveCount(files.indexOf(file) + 1);
    }

    const problems: string[] = [];
    const shoot = async (name: string, size: string) => {
      problems.push(...(await layoutProblems(page)).map((problem) => `${name}: ${problem}`));
      await page.screenshot({ path: join(shotDir, `${name}-${lang}-${size}.png`), fullPage: true });
    };
    for (const size of ['landscape', 'portrait'] as const) {
      await page.setViewportSize(SIZES[size]);
      await openScreen(page, t('nav.counter'));
      await openScreen(page, t('nav.review'));
      await button(r.period.range).click();
      await page.getByRole('textbox', { name: r.period.from, exact: true }).fill(FROM);
      await page.getByRole('textbox', { name: r.period.to, exact: true }).fill(TO);
      await expect(page.locator('[data-figure="flagged"]')).toBeVisible();
      // The trend chart is drawn (uPlot's canvas) before the picture is taken.
      await expect(page.locator('.trend canvas').first()).toBeVisible();
      await shoot('review-dashboard', size);

      // The complaints: the section on its own, and the complaints it opens.
      const complaints = page.locator('section.complaints');
      await expect(complaints.locator('[data-figure="complaint-complaints"]')).toBeVisible();
      await complaints.scrollIntoViewIfNeeded();
      await complaints.screenshot({ path: join(shotDir, `review-complaints-${lang}-${size}.png`) });
      await complaints.locator('[data-figure="complaint-complaints"]').click();
      await expect(page.locator('tr[data-service] .badge.complaint').first()).toBeVisible();
      await shoot('review-complaint-list', size);
      await button(r.backArrow).click();

      await page.locator('[data-figure="flagged"]').click();
      await page.locator('tr[data-service] button.link').first().click();
      await expect(page.locator('.timeline-view')).toBeVisible();
      await shoot('review-timeline', size);

      await button(r.period.day).click();
      await openScreen(page, t('nav.counter'));
      await openScreen(page, t('nav.review'));
      await page.locator('[data-figure="services"]').click();
      await page.locator('tr[data-service] button.link').first().click();
      await button(r.check.start).click();
      await expect(page.locator('section.spot-check')).toBeVisible();
      await shoot('review-spot-check', size);
    }
    expect(problems).toEqual([]);
  });
}

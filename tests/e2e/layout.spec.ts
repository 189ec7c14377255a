/**
 * Every screen and dialog at three tablet sizes (1280×800 and 1024×768 landscape, 800×1280
 * portrait) in Chinese and English: nothing spills sideways, every visible control (button, field,
 * link) is a target of at least 48 × 48 px and its words fit inside it, step labels are readable (16 px at least) and fit their
 * chips, the first run's button is on screen without scrolling, and in portrait the customer and
 * ticket come before the quick actions. A screenshot of each is written for a person to look at
 * (into tests/e2e/__screenshots__ with SCREENSHOTS=1, `npm run screenshots`; else into
 * test-results).
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { Lang } from './fixtures';
import { SIZES, layoutProblems, shotDir } from './layout-check';
import { walkEveryScreen } from './screens';

/** The element's box, which must be on screen. */
async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox();
  expect(found, selector).not.toBeNull();
  return found!;
}

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    test(`every screen fits a ${size} tablet (${viewport.width}×${viewport.height}) with 48 px targets (${lang})`, async ({
      page,
      context,
    }) => {
      // The walk visits some forty screens at each size, on a loaded 2-core machine.
      test.setTimeout(360_000);
      await page.setViewportSize(viewport);
      const problems: string[] = [];
      await walkEveryScreen(context, page, lang, async (name, shown) => {
        problems.push(...(await layoutProblems(shown)).map((problem) => `${name}: ${problem}`));
        if (name === 'first-run') {
          const create = await box(shown, 'form.first-run button[type="submit"]');
          if (create.y + create.height > viewport.height)
            problems.push('first-run: button below the fold');
        }
        if (name === 'service' && size === 'portrait') {
          const customer = await box(shown, '.customer');
          const quick = await box(shown, '.quick');
          if (customer.y + customer.height > quick.y)
            problems.push('service: quick actions before the customer');
        }
        await shown.screenshot({ path: join(shotDir, `${name}-${lang}-${size}.png`) });
      });
      expect(problems).toEqual([]);
    });
  }
}

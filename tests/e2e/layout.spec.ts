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
import { walkEveryScreen } from './screens';

export const SIZES = {
  landscape: { width: 1280, height: 800 },
  portrait: { width: 800, height: 1280 },
  'landscape-1024': { width: 1024, height: 768 },
} as const;

const shotDir = process.env.SCREENSHOTS
  ? join(import.meta.dirname, '__screenshots__')
  : join('test-results', 'screenshots');

/** What is wrong with the layout on screen now: sideways overflow, small targets, cramped chips. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    if (overflow > 0) problems.push(`scrolls sideways by ${overflow} px`);
    const controls = document.querySelectorAll<HTMLElement>(
      'button, input:not([type="hidden"]), select, textarea, a[href], [role="button"]',
    );
    for (const control of controls) {
      const style = getComputedStyle(control);
      if (
        style.visibility === 'hidden' ||
        (control.offsetParent === null && style.position !== 'fixed')
      )
        continue;
      // A checkbox or radio is tapped through its label.
      const target =
        control instanceof HTMLInputElement && ['checkbox', 'radio'].includes(control.type)
          ? (control.closest('label') ?? control)
          : control;
      // Words that do not fit their button spill out of it (or are cut off).
      if (
        control instanceof HTMLButtonElement &&
        (control.scrollWidth > control.clientWidth + 1 ||
          control.scrollHeight > control.clientHeight + 1)
      ) {
        problems.push(`${control.textContent?.trim()} does not fit its button`);
      }
      const box = target.getBoundingClientRect();
      if (box.width < 48 || box.height < 48) {
        const name =
          control.getAttribute('aria-label') ??
          control.textContent?.trim() ??
          control.getAttribute('name') ??
          control.tagName;
        problems.push(`${name} is ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    for (const label of document.querySelectorAll<HTMLElement>('.chip-name')) {
      if (
        parseFloat(getComputedStyle(label).fontSize) < 16 ||
        label.scrollWidth > label.clientWidth + 1 ||
        label.scrollHeight > label.clientHeight + 1
      ) {
        problems.push(`step label ${label.textContent} does not fit`);
      }
    }
    return problems;
  });
}

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

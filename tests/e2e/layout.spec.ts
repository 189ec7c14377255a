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
import { STEP_IDS } from '../../core/domain/flow/flow-definition';
import { openScreen, setUpCounter, startService, step, type Lang } from './fixtures';
import { SIZES, layoutProblems, shotDir } from './layout-check';
import { text, walkEveryScreen } from './screens';

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

/**
 * What does not fit the service screen now: the page scrolls up or down, or the top bar or one of
 * the seventeen chips is not wholly inside the viewport.
 */
async function serviceOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const page = document.documentElement;
    const overflow = page.scrollHeight - page.clientHeight;
    if (overflow > 0) problems.push(`the page is ${overflow} px taller than the screen`);
    if (window.scrollY !== 0) problems.push(`the page is scrolled by ${window.scrollY} px`);
    const inside = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
    };
    const bar = document.querySelector('.topbar');
    if (!bar || !inside(bar))
      problems.push(
        `the top bar is not on screen (${bar?.getBoundingClientRect().height} px tall)`,
      );
    // The ticket and business beside the Complaint button: two lines at most (lines clamped
    // away, below the element's box, do not count).
    const title = document.querySelector<HTMLElement>('.service-title');
    if (title) {
      const range = document.createRange();
      range.selectNodeContents(title);
      const bottom = title.getBoundingClientRect().bottom;
      const lines = new Set(
        [...range.getClientRects()]
          .filter((rect) => rect.top < bottom - 1)
          .map((rect) => Math.round(rect.top)),
      );
      if (lines.size > 2) problems.push(`the ticket line takes ${lines.size} lines`);
    }
    const chips = document.querySelectorAll('.strip:not(.strip-complaint) [data-step-id]');
    if (chips.length !== 17) problems.push(`${chips.length} chips in the strip`);
    for (const chip of chips)
      if (!inside(chip)) problems.push(`chip ${chip.getAttribute('data-step-id')} is off screen`);
    return problems;
  });
}

const CLERK = { staffNo: '1001', first: '975318', pin: '135792' };

/** A clerk account added by the manager, then signed in with its own PIN chosen. */
async function signInAsClerk(page: Page, lang: Lang) {
  const t = (key: string, vars?: Record<string, string | number>) => text(lang, key, vars);
  await openScreen(page, t('nav.staff'));
  const form = page.locator('form', {
    has: page.getByRole('heading', { name: t('staff.newTitle') }),
  });
  await form.getByLabel(t('staff.staffNo')).fill(CLERK.staffNo);
  await form.getByRole('button', { name: t('role.clerk'), exact: true }).click();
  await form.getByLabel(t('pin.new'), { exact: true }).fill(CLERK.first);
  await form.getByLabel(t('pin.confirm')).fill(CLERK.first);
  await form.getByRole('button', { name: t('staff.create') }).click();
  await expect(page.locator(`tr[data-staff-no="${CLERK.staffNo}"]`)).toBeVisible();
  await page.getByRole('button', { name: t('session.signOut'), exact: true }).click();
  await page.getByRole('button', { name: t('summary.done'), exact: true }).click();
  await page.getByLabel(t('signIn.staffNo')).fill(CLERK.staffNo);
  await page.getByLabel(t('signIn.pin'), { exact: true }).fill(CLERK.first);
  await page.getByRole('button', { name: t('signIn.submit'), exact: true }).click();
  await page.getByLabel(t('pin.current')).fill(CLERK.first);
  await page.getByLabel(t('pin.new'), { exact: true }).fill(CLERK.pin);
  await page.getByLabel(t('pin.confirm')).fill(CLERK.pin);
  await page.getByRole('button', { name: t('pin.save'), exact: true }).click();
  await expect(page.getByRole('button', { name: t('start.submit') })).toBeVisible();
}

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  for (const size of ['landscape', 'portrait'] as const) {
    const viewport = SIZES[size];
    for (const role of ['manager', 'clerk'] as const) {
      test(`the service screen fits a ${size} tablet without scrolling, the seventeen steps and the top bar on screen, for a ${role} (${lang})`, async ({
        page,
      }) => {
        await page.setViewportSize(viewport);
        await setUpCounter(page, lang);
        if (role === 'clerk') await signInAsClerk(page, lang);
        await startService(page, lang, {
          ticket: 'A025',
          title: 'ms',
          business: 'new-subscription',
        });
        const atStart = await serviceOverflow(page);
        // A step opened from the strip (the last, the farthest down) scrolls nothing either.
        await step(page, STEP_IDS[16]!).click();
        await expect(step(page, STEP_IDS[16]!)).toHaveAttribute('aria-pressed', 'true');
        const afterOpening = await serviceOverflow(page);
        await page.screenshot({ path: join(shotDir, `service-${role}-${lang}-${size}.png`) });
        expect({ atStart, afterOpening }).toEqual({ atStart: [], afterOpening: [] });
      });
    }
  }
}

test('a number stays on one line with its unit: the target-time hint in Settings (800×1280) and the change in the Chinese money sentence (1280×800)', async ({
  page,
}) => {
  const unitBreaks = async () =>
    (await layoutProblems(page)).filter((problem) => problem.endsWith('is broken across lines'));
  await page.setViewportSize(SIZES.portrait);
  await setUpCounter(page, 'en');
  await openScreen(page, text('en', 'nav.settings'));
  await expect(page.getByText(/amber at 80.%/)).toBeVisible();
  expect(await unitBreaks()).toEqual([]);

  await page.setViewportSize(SIZES.landscape);
  await openScreen(page, text('en', 'nav.counter'));
  await page.getByRole('button', { name: '简体中文' }).click();
  const t = (key: string) => text('zh-CN', key);
  await startService(page, 'zh-CN', { ticket: 'A001', title: 'ms', business: 'bill-payment' });
  await page.getByRole('button', { name: t('quick.money'), exact: true }).click();
  await page.getByLabel(t('money.due')).fill('80');
  await page.getByLabel(t('money.received')).fill('100');
  await expect(page.getByRole('dialog').locator('blockquote')).toContainText('找您20元');
  expect(await unitBreaks()).toEqual([]);
});

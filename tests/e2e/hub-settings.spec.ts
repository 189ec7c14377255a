/**
 * Settings → Store hub on the browser build: a hub the page's own policy (CSP connect-src) does
 * not allow is named as such, with the setting that allows it, not as a network problem; and the
 * panel spans the page, so the hub's address stays on one line (screenshots at both sizes, in
 * English and Chinese).
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { HUB_ORIGIN, HUB_PORT } from './hub-env';
import { openScreen, setUpCounter, type Lang } from './fixtures';
import { SIZES, shotDir } from './layout-check';
import { text } from './screens';

async function useHub(page: Page, lang: Lang, origin: string) {
  await openScreen(page, text(lang, 'nav.settings'));
  const panel = page.locator('section.hub-panel');
  await panel.getByLabel(text(lang, 'hub.address')).fill(`${origin}/`);
  await panel.getByRole('button', { name: text(lang, 'hub.saveAddress') }).click();
  await expect(panel.locator('[data-fact="hub-origin"]')).toHaveText(origin);
  return panel;
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`${lang}: a hub this app's server does not allow is named with the setting that allows it`, async ({
    page,
  }) => {
    // The e2e server allows HUB_ORIGIN only: any other origin is blocked by the page's CSP.
    const elsewhere = `http://127.0.0.1:${HUB_PORT + 1}`;
    await setUpCounter(page, lang);
    const panel = await useHub(page, lang, elsewhere);
    await panel.getByLabel(text(lang, 'hub.code')).fill('ABCD-EFGH-JKLM-NPQR');
    await panel.getByRole('button', { name: text(lang, 'hub.enrol') }).click();
    await expect(panel.getByRole('alert')).toHaveText(
      text(lang, 'hub.problem.policy', { origin: elsewhere }),
    );
    await expect(panel.getByRole('alert')).toContainText(`COUNTER_STEPS_HUB_ORIGIN=${elsewhere}`);
  });

  for (const [size, viewport] of [
    ['landscape', SIZES.landscape],
    ['portrait', SIZES.portrait],
  ] as const) {
    test(`${lang} ${size}: the store hub panel spans the page and its address fits on one line`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await setUpCounter(page, lang);
      const panel = await useHub(page, lang, HUB_ORIGIN);
      const box = await panel.boundingBox();
      expect(box!.width).toBeGreaterThan(viewport.width * 0.8);
      const address = panel.locator('[data-fact="hub-origin"]');
      const lines = await address.evaluate((element) => {
        const style = getComputedStyle(element);
        const lineHeight =
          Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.2;
        return Math.round(element.getBoundingClientRect().height / lineHeight);
      });
      expect(lines).toBe(1);
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shotDir, `hub-panel-${lang}-${size}.png`) });
    });
  }
}

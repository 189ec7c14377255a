/**
 * The browser build is served with the same security headers as Electron's pages: a CSP without
 * inline or eval'd script, framing refused, no sniffing, no referrer — as the browser receives them
 * from the server the tests run; and an inline script added to the page does not run.
 */
import { expect, test } from '@playwright/test';

test('the browser build arrives with its security headers', async ({ page, request }) => {
  const response = await request.get('./');
  expect(response.ok()).toBe(true);
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');

  // A script refused by that policy does not run on the page.
  await page.goto('./');
  const ran = await page.evaluate(() => {
    const element = document.createElement('script');
    element.textContent = 'window.__inlineRan = true';
    document.head.append(element);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
});

/**
 * Every screen and dialog, in Chinese and in English, checked with axe-core against WCAG 2.1 A and
 * AA (contrast, names, labels, roles) and axe's best practices (landmarks, headings): no
 * violations at all.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { setUpCounter, startService, step, tapOnCard, type Lang } from './fixtures';
import { walkEveryScreen } from './screens';

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  test(`every screen and dialog passes axe with no violations (${lang})`, async ({
    page,
    context,
  }) => {
    // The walk visits some forty screens (the opening check and the handover note among them),
    // axe at each, on a loaded 2-core machine.
    test.setTimeout(480_000);
    const violations: string[] = [];
    const visited: string[] = [];
    // Screens where axe checked that names begin with the visible words (WCAG 2.5.3).
    const labelInNameChecked: string[] = [];
    await walkEveryScreen(context, page, lang, async (name, shown) => {
      visited.push(name);
      const results = await new AxeBuilder({ page: shown })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      if (results.passes.some((rule) => rule.id === 'label-content-name-mismatch'))
        labelInNameChecked.push(name);
      for (const violation of results.violations) {
        const where = violation.nodes
          .slice(0, 3)
          .map(
            (node) =>
              `${node.target.join(' ')}${node.failureSummary ? ` — ${node.failureSummary.split('\n')[1]?.trim()}` : ''}`,
          )
          .join(' | ');
        violations.push(`${name}: ${violation.id} (${violation.impact}): ${where}`);
      }
    });
    expect(visited.length).toBeGreaterThanOrEqual(20);
    expect(labelInNameChecked).toContain('service');
    expect(labelInNameChecked).toContain('dialog-money');
    expect(violations).toEqual([]);
  });
}

test('the strip chips and the language buttons are named by the words they show first', async ({
  page,
}) => {
  await setUpCounter(page, 'en');
  await startService(page, 'en', { ticket: 'A001', title: 'ms', business: 'bill-payment' });
  await tapOnCard(page, 'stand-to-greet', 'Done');
  await expect(step(page, 'stand-to-greet')).toHaveAccessibleName('1 Stand to greet, done');
  await expect(step(page, 'eye-contact-smile')).toHaveAccessibleName(
    '2 Eye contact and smile, to do',
  );
  // The group's own name changes with the language: found by its place in the top bar.
  const language = page.locator('.topbar .language');
  await expect(language.getByRole('button')).toHaveText(['简', '繁', 'EN']);
  await expect(language.getByRole('button', { name: 'EN, English', exact: true })).toBeVisible();
  await language.getByRole('button', { name: '简' }).click();
  await expect(step(page, 'stand-to-greet')).toHaveAccessibleName(/^1 起身迎候，/);
  await expect(language.getByRole('button', { name: '简，简体中文', exact: true })).toBeVisible();
});

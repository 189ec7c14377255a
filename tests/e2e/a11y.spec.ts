/**
 * Every screen and dialog, in Chinese and in English, checked with axe-core against WCAG 2.1 A and
 * AA (contrast, names, labels, roles) and axe's best practices (landmarks, headings): no
 * violations at all.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Lang } from './fixtures';
import { walkEveryScreen } from './screens';

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  test(`every screen and dialog passes axe with no violations (${lang})`, async ({
    page,
    context,
  }) => {
    // The walk visits some forty screens, axe at each, on a loaded 2-core machine.
    test.setTimeout(360_000);
    const violations: string[] = [];
    const visited: string[] = [];
    await walkEveryScreen(context, page, lang, async (name, shown) => {
      visited.push(name);
      const results = await new AxeBuilder({ page: shown })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
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
    expect(violations).toEqual([]);
  });
}

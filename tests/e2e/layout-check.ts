/**
 * What the layout and screenshot specs share: the tablet sizes, where screenshots go (into
 * tests/e2e/__screenshots__ with SCREENSHOTS=1, `npm run screenshots`; else into test-results),
 * and the check of what is wrong with the layout on screen now.
 */
import type { Page } from '@playwright/test';
import { join } from 'node:path';

export const SIZES = {
  landscape: { width: 1280, height: 800 },
  portrait: { width: 800, height: 1280 },
  'landscape-1024': { width: 1024, height: 768 },
} as const;

export const shotDir = process.env.SCREENSHOTS
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
      // A checkbox or radio is tapped through its label; a file picker through the label that is
      // its button (the input itself is visually hidden, see ui/ZipFileField.tsx).
      const target =
        control instanceof HTMLInputElement && ['checkbox', 'radio'].includes(control.type)
          ? (control.closest('label') ?? control)
          : control instanceof HTMLInputElement && control.type === 'file'
            ? ([...(control.labels ?? [])].find((label) =>
                label.classList.contains('file-button'),
              ) ?? control)
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
    // A word broken across two lines ("Recommen / d") fits its box but reads badly: each word of a
    // label or a button written in letters must sit on one line (Chinese may wrap between any two
    // characters).
    for (const element of document.querySelectorAll<HTMLElement>('.chip-name, button')) {
      if (element.offsetParent === null) continue;
      const text = element.firstChild;
      if (!(text instanceof Text) || element.childNodes.length !== 1) continue;
      const content = text.data;
      for (const match of content.matchAll(/[A-Za-z0-9'’-]+/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (tops.size > 1) problems.push(`the word ${match[0]} is broken across lines`);
      }
    }
    // A number and its unit on two lines ("80 / %", "找您20 / 元") reads as two things.
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const text = node as Text;
      if (!text.parentElement || text.parentElement.getClientRects().length === 0) continue;
      for (const match of text.data.matchAll(/\d[\d.,]*[ \u00a0]?(?:元|yuan|%|MB)/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (tops.size > 1) problems.push(`"${match[0]}" is broken across lines`);
      }
    }
    return problems;
  });
}

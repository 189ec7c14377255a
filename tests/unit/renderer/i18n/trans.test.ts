/**
 * react-i18next's `Trans` as the review's overdue note uses it (ComplaintsView): the date goes into
 * its named element, in each language, and a value goes in as text, never as markup.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Trans } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { testI18n } from '../../helpers/i18n';

const note = (lng: 'en' | 'zh-CN', today: string) => {
  const i18n = testI18n(lng);
  return renderToStaticMarkup(
    createElement(Trans, {
      i18n,
      t: i18n.getFixedT(lng, 'review'),
      i18nKey: 'complaints.overdueNote',
      values: { today },
      components: { date: createElement('span', { className: 'nowrap' }) },
    }),
  );
};

describe('the overdue note', () => {
  it('puts the date in its own element, in each language', () => {
    expect(note('en', '2026-11-25')).toBe(
      'open, due before <span class="nowrap">2026-11-25</span>',
    );
    expect(note('zh-CN', '2026-11-25')).toBe(
      '未结，期限早于 <span class="nowrap">2026-11-25</span>',
    );
  });

  it('puts a value in as text, never as markup', () => {
    expect(note('en', '<b>x</b>')).toBe(
      'open, due before <span class="nowrap">&lt;b&gt;x&lt;/b&gt;</span>',
    );
  });
});

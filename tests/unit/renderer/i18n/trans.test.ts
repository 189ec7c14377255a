/**
 * `Trans` (renderer/i18n/Trans.tsx): a text with named elements inside, as the review's overdue
 * note uses it, read as the element tree it renders (no DOM in unit tests).
 */
import { createElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import reviewEn from '../../../../core/i18n/review/en.json';
import reviewZhCN from '../../../../core/i18n/review/zh-CN.json';
import { createI18n } from '../../../../core/i18n/translator';
import { Trans } from '../../../../renderer/i18n/Trans';

type Props = { children?: ReactNode; className?: string };

/** What a reader sees: text, with each element as `[type.class: text]` (`[type: text]`). */
function flat(node: ReactNode): string {
  if (Array.isArray(node)) return node.map(flat).join('');
  if (isValidElement(node)) {
    const { children, className } = (node as ReactElement<Props>).props;
    const inner = flat(children);
    const name = className ? `${String(node.type)}.${className}` : String(node.type);
    return typeof node.type === 'string' ? `[${name}: ${inner}]` : inner;
  }
  return node == null || typeof node === 'boolean' ? '' : String(node as string | number);
}

const i18n = createI18n({
  lng: 'en',
  resources: {
    en: {
      review: reviewEn,
      translation: {
        two: '<b>{{a}}</b> and <i>{{b}}</i>',
        unknown: 'a <x>tag</x> left',
        plural_one: '<b>one</b> item',
        plural_other: '<b>{{count}}</b> items',
      },
    },
    'zh-CN': { review: reviewZhCN },
  },
});
const span = createElement('span', { className: 'nowrap' });
const render = (element: ReactElement) => flat(Trans(element.props as Parameters<typeof Trans>[0]));

describe('Trans', () => {
  it('renders the overdue note with the date in its element, in each language', () => {
    for (const [lng, expected] of [
      ['en', 'open, due before [span.nowrap: 2026-11-25]'],
      ['zh-CN', '未结，期限早于 [span.nowrap: 2026-11-25]'],
    ] as const) {
      const element = createElement(Trans, {
        t: i18n.getFixedT(lng, 'review'),
        i18nKey: 'complaints.overdueNote',
        values: { today: '2026-11-25' },
        components: { date: span },
      });
      expect(render(element)).toBe(expected);
    }
  });

  it('fills values as text, never as tags, and keeps each element keyed', () => {
    const element = createElement(Trans, {
      t: i18n.t,
      i18nKey: 'two',
      values: { a: '<i>x</i>', b: 2 },
      components: { b: createElement('b'), i: createElement('i') },
    });
    expect(render(element)).toBe('[b: <i>x</i>] and [i: 2]');
    const parts = (Trans(element.props) as ReactElement<Props>).props.children as ReactElement[];
    expect(parts.filter(isValidElement).map((part) => part.key)).toEqual(['0', '2']);
  });

  it('leaves a tag it has no element for as written, and takes the plural form by count', () => {
    const unknown = createElement(Trans, { t: i18n.t, i18nKey: 'unknown', components: {} });
    expect(render(unknown)).toBe('a <x>tag</x> left');
    for (const [count, expected] of [
      [1, '[b: one] item'],
      [3, '[b: 3] items'],
    ] as const) {
      const element = createElement(Trans, {
        t: i18n.t,
        i18nKey: 'plural',
        values: { count },
        components: { b: createElement('b') },
      });
      expect(render(element)).toBe(expected);
    }
  });
});

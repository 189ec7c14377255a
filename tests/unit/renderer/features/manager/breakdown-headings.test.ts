import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../../../core/domain/locale';
import { resources } from '../../../../../renderer/i18n/resources';
import { finishedCount } from '../../../../../renderer/features/manager/format';
import reviewEn from '../../../../../core/i18n/review/en.json';
import reviewZhCN from '../../../../../core/i18n/review/zh-CN.json';
import reviewZhTW from '../../../../../core/i18n/review/zh-TW.json';

const reviews = { en: reviewEn, 'zh-CN': reviewZhCN, 'zh-TW': reviewZhTW } as const;

type Tree = { [key: string]: string | Tree };
const pick = (tree: unknown, path: string): string =>
  path.split('.').reduce<unknown>((node, key) => (node as Tree)[key], tree) as string;

describe('the review breakdown tables', () => {
  it.each(LOCALES)('%s heads the recommendations columns with distinct words', (locale) => {
    const app = resources[locale].translation;
    const review = reviews[locale];
    const headings = [
      pick(review, 'offers.offer'),
      pick(app, 'response.accepted'),
      pick(app, 'response.interested'),
      pick(app, 'response.declined'),
      pick(review, 'offers.conversion'),
    ];
    expect(new Set(headings).size).toBe(headings.length);
  });

  it('counts the finished services it averages and names those ended early apart', () => {
    const ended = (count: number) => `+${count} ended early`;
    expect(finishedCount({ services: 12, finished: 10 }, 'en', ended)).toBe('10 (+2 ended early)');
    expect(finishedCount({ services: 1200, finished: 1200 }, 'en', ended)).toBe('1,200');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  announcementClips,
  chineseNumber,
  chineseNumberWords,
  englishNumber,
  englishNumberWords,
} from '../../../../core/domain/call-announcement';
import { LOCALES } from '../../../../core/domain/locale';

const manifest = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../../assets/call/manifest.json'), 'utf8'),
) as { clips: Record<string, unknown> };

/** The clips between the opening phrase and the counter phrase: the ticket alone. */
function ticketClips(ticket: string, locale: 'zh-CN' | 'en'): string[] {
  const clips = announcementClips(ticket, '3', locale);
  const [from, to] =
    locale === 'en'
      ? [clips.indexOf('en/ticket'), clips.indexOf('en/please-go-to-counter')]
      : [clips.indexOf('zh-CN/qing'), clips.indexOf('zh-CN/hao-guke-dao')];
  return clips.slice(from + 1, to);
}

describe('reading numbers in Chinese', () => {
  it.each([
    [0, '零'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [25, '二十五'],
    [110, '一百一十'],
    [120, '一百二十'],
    [101, '一百零一'],
    [100, '一百'],
    [1000, '一千'],
    [1005, '一千零五'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
    [9999, '九千九百九十九'],
  ])('reads %i as %s, one word per character', (n, reading) => {
    expect(chineseNumber(n)).toBe(reading);
    expect(chineseNumberWords(n)).toEqual([...reading]);
  });

  it('never says 两', () => {
    for (let n = 0; n <= 9999; n += 1) expect(chineseNumber(n)).not.toContain('两');
  });

  it('refuses what it cannot read: negatives, fractions, ten thousand and more', () => {
    for (const n of [-1, 1.5, 10_000, Number.NaN]) {
      expect(() => chineseNumberWords(n)).toThrow(RangeError);
      expect(() => englishNumberWords(n)).toThrow(RangeError);
    }
  });
});

describe('reading numbers in English', () => {
  it.each([
    [0, 'zero'],
    [10, 'ten'],
    [11, 'eleven'],
    [25, 'twenty-five'],
    [110, 'one hundred and ten'],
    [101, 'one hundred and one'],
    [1000, 'one thousand'],
    [1005, 'one thousand and five'],
    [1010, 'one thousand and ten'],
    [9999, 'nine thousand nine hundred and ninety-nine'],
  ])('reads %i as "%s", one clip per word', (n, reading) => {
    expect(englishNumber(n)).toBe(reading);
    expect(englishNumberWords(n)).toEqual(reading.split(/[ -]/));
  });
});

describe('calling a ticket to a counter', () => {
  it('says the chime, then 请 A 二十五 号顾客到 三 号窗口办理 in Mandarin', () => {
    expect(announcementClips('A025', '3', 'zh-CN')).toEqual([
      'chime',
      'zh-CN/qing',
      'zh-CN/letter-a',
      'zh-CN/er',
      'zh-CN/shi',
      'zh-CN/wu',
      'zh-CN/hao-guke-dao',
      'zh-CN/san',
      'zh-CN/hao-chuangkou-banli',
    ]);
  });

  it('says the chime, then "Ticket A twenty-five, please go to counter three" in English', () => {
    expect(announcementClips('A025', '3', 'en')).toEqual([
      'chime',
      'en/ticket',
      'en/letter-a',
      'en/twenty',
      'en/five',
      'en/please-go-to-counter',
      'en/three',
    ]);
  });

  it('uses the same Mandarin clips for Traditional Chinese', () => {
    expect(announcementClips('B120', '12', 'zh-TW')).toEqual(
      announcementClips('B120', '12', 'zh-CN'),
    );
  });

  it.each([
    ['A001', ['letter-a', 'yi'], ['letter-a', 'one']],
    [
      'B120',
      ['letter-b', 'yi', 'bai', 'er', 'shi'],
      ['letter-b', 'one', 'hundred', 'and', 'twenty'],
    ],
    ['A010', ['letter-a', 'shi'], ['letter-a', 'ten']],
    ['A100', ['letter-a', 'yi', 'bai'], ['letter-a', 'one', 'hundred']],
    ['0', ['ling'], ['zero']],
    ['AB0', ['letter-a', 'letter-b', 'ling'], ['letter-a', 'letter-b', 'zero']],
    [
      'ZY1010',
      ['letter-z', 'letter-y', 'yi', 'qian', 'ling', 'yi', 'shi'],
      ['letter-z', 'letter-y', 'one', 'thousand', 'and', 'ten'],
    ],
    [
      'CD9999',
      ['letter-c', 'letter-d', 'jiu', 'qian', 'jiu', 'bai', 'jiu', 'shi', 'jiu'],
      ['letter-c', 'letter-d', 'nine', 'thousand', 'nine', 'hundred', 'and', 'ninety', 'nine'],
    ],
  ])('reads ticket %s as its letters, then its number without leading zeros', (ticket, zh, en) => {
    expect(ticketClips(ticket, 'zh-CN')).toEqual(zh.map((name) => `zh-CN/${name}`));
    expect(ticketClips(ticket, 'en')).toEqual(en.map((name) => `en/${name}`));
  });

  it('reads a counter as letters and numbers, skipping dashes', () => {
    expect(announcementClips('A1', 'b-12', 'zh-CN').slice(-4)).toEqual([
      'zh-CN/letter-b',
      'zh-CN/shi',
      'zh-CN/er',
      'zh-CN/hao-chuangkou-banli',
    ]);
    expect(announcementClips('A1', '03', 'en').at(-1)).toBe('en/three');
  });

  it('reads a counter number longer than four digits digit by digit', () => {
    expect(announcementClips('A1', '12345', 'en').slice(-5)).toEqual(
      ['one', 'two', 'three', 'four', 'five'].map((word) => `en/${word}`),
    );
  });

  it('refuses a ticket or counter the domain would not accept, or a counter with nothing to read', () => {
    expect(() => announcementClips('a025', '3', 'en')).toThrow(RangeError);
    expect(() => announcementClips('ABC1', '3', 'en')).toThrow(RangeError);
    expect(() => announcementClips('A12345', '3', 'en')).toThrow(RangeError);
    expect(() => announcementClips('A1', '', 'en')).toThrow(RangeError);
    expect(() => announcementClips('A1', '---', 'en')).toThrow(RangeError);
    expect(() => announcementClips('A1', '3 ', 'en')).toThrow(RangeError);
  });

  it('only ever asks for clips the manifest lists', () => {
    const tickets = ['A001', 'B120', 'A010', 'A100', 'AB0', 'ZY1010', 'CD9999', '7'];
    const counters = ['3', '0', '10', 'A-1', 'xyz', '12345678'];
    const asked = new Set<string>();
    for (const locale of LOCALES) {
      for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
        announcementClips(`${letter}1`, letter, locale).forEach((clip) => asked.add(clip));
      }
      for (let n = 0; n <= 9999; n += 1) {
        announcementClips(String(n), String(n), locale).forEach((clip) => asked.add(clip));
      }
      for (const ticket of tickets) {
        for (const counter of counters) {
          announcementClips(ticket, counter, locale).forEach((clip) => asked.add(clip));
        }
      }
    }
    expect([...asked].filter((clip) => !(clip in manifest.clips))).toEqual([]);
    // And nothing in the manifest goes unused.
    expect(Object.keys(manifest.clips).filter((clip) => !asked.has(clip))).toEqual([]);
  });
});

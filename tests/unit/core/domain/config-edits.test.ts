import { describe, expect, it } from 'vitest';
import { DEFAULT_BUSINESS_TYPES, DEFAULT_SKIP_REASONS } from '../../../../core/domain/catalog';
import { ConfigChangeSchema } from '../../../../core/domain/device/config';
import {
  addEntry,
  codeFromName,
  formatClock,
  minutesToSeconds,
  parseClock,
  parseNumber,
  removable,
  removeEntry,
  renameEntry,
  setTarget,
  trimLabels,
} from '../../../../core/domain/device/config-edits';

const NAMES = { 'zh-CN': '老年套餐', 'zh-TW': '長者套餐', en: "Senior's plan" };

describe('codeFromName', () => {
  it.each([
    ["Senior's plan", 'seniors-plan'],
    ['  Home   Broadband!! ', 'home-broadband'],
    ['5G Plus', '5g-plus'],
    ['Café crème', 'cafe-creme'],
    ['x', 'item'],
    ['老年套餐', 'item'],
    ['A very long name that goes on and on and on', 'a-very-long-name-that-goes'],
    ['Z'.repeat(60), 'z'.repeat(28)],
  ])('%j → %s', (name, code) => {
    const made = codeFromName(name, []);
    expect(made).toBe(code);
  });

  it('never repeats a code already in the list', () => {
    expect(codeFromName('Broadband', ['broadband'])).toBe('broadband-2');
    expect(codeFromName('Broadband', ['broadband', 'broadband-2'])).toBe('broadband-3');
  });

  it('always makes a code the schema accepts', () => {
    for (const name of ["Senior's plan", '!!', '老年套餐', 'A—B', '-x-', 'Z'.repeat(60)]) {
      const code = codeFromName(name, ['item']);
      const change = { key: 'offers', value: [{ code, labels: NAMES }] };
      expect(ConfigChangeSchema.safeParse(change).success, `${name} → ${code}`).toBe(true);
    }
  });
});

describe('list edits', () => {
  it('adds, renames and removes, leaving the other entries as they were', () => {
    const added = addEntry(DEFAULT_SKIP_REASONS, { code: 'system-down', labels: NAMES });
    expect(added.map((entry) => entry.code)).toEqual([
      ...DEFAULT_SKIP_REASONS.map((entry) => entry.code),
      'system-down',
    ]);
    const renamed = renameEntry(added, 'forgot', NAMES);
    expect(renamed.find((entry) => entry.code === 'forgot')?.labels).toEqual(NAMES);
    expect(renamed.filter((entry) => entry.code !== 'forgot')).toEqual(
      added.filter((entry) => entry.code !== 'forgot'),
    );
    expect(removeEntry(renamed, 'system-down')).toEqual(
      renameEntry(DEFAULT_SKIP_REASONS, 'forgot', NAMES),
    );
    // The input is never changed.
    expect(DEFAULT_SKIP_REASONS.every((entry) => entry.labels === null)).toBe(true);
    expect(ConfigChangeSchema.safeParse({ key: 'skip-reasons', value: renamed }).success).toBe(
      true,
    );
  });

  it('sets one business type’s target', () => {
    const types = setTarget(DEFAULT_BUSINESS_TYPES, 'bill-payment', 240);
    expect(types.find((type) => type.code === 'bill-payment')?.targetSeconds).toBe(240);
    expect(types.filter((type) => type.code !== 'bill-payment')).toEqual(
      DEFAULT_BUSINESS_TYPES.filter((type) => type.code !== 'bill-payment'),
    );
  });

  it('keeps the last entry and the entries that must stay', () => {
    expect(removable(DEFAULT_SKIP_REASONS, 'forgot', ['other'])).toBe(true);
    expect(removable(DEFAULT_SKIP_REASONS, 'other', ['other'])).toBe(false);
    expect(removable([{ code: 'only', labels: null }], 'only')).toBe(false);
  });

  it('trims names as typed', () => {
    expect(trimLabels({ 'zh-CN': ' 甲 ', 'zh-TW': '乙\n', en: '  C' })).toEqual({
      'zh-CN': '甲',
      'zh-TW': '乙',
      en: 'C',
    });
  });
});

describe('numbers and times as typed', () => {
  it.each([
    ['04:00', 240],
    ['4:30', 270],
    ['00:00', 0],
    ['23:59', 1439],
    [' 08:05 ', 485],
  ])('parseClock(%j) = %d', (text, minutes) => {
    expect(parseClock(text)).toBe(minutes);
    expect(parseClock(formatClock(minutes))).toBe(minutes);
  });

  it.each(['24:00', '12:60', '1230', '12.30', '', 'noon', '-1:00'])(
    'parseClock(%j) is not a time',
    (text) => expect(parseClock(text)).toBeNaN(),
  );

  it('formats minutes as HH:MM', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(270)).toBe('04:30');
  });

  it('reads plain numbers only: no comma, sign or words', () => {
    expect(parseNumber('2')).toBe(2);
    expect(parseNumber(' 0.5 ')).toBe(0.5);
    expect(parseNumber('1.25')).toBe(1.25);
    for (const text of ['1,5', '-2', '', 'two', '1e3', '1.234'])
      expect(parseNumber(text)).toBeNaN();
  });

  it('turns whole minutes into seconds', () => {
    expect(minutesToSeconds('15')).toBe(900);
    expect(minutesToSeconds('1.5')).toBeNaN();
    expect(minutesToSeconds('')).toBeNaN();
  });
});

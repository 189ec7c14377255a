import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, applyConfigChange } from '../../../../renderer/domain/device/config';
import { LOCALES } from '../../../../renderer/domain/locale';
import {
  LIST_I18N_PREFIX,
  listEntries,
  listLabel,
  type ListName,
} from '../../../../renderer/features/shared/list-label';
import { resources } from '../../../../renderer/i18n/resources';

const NAMES = { 'zh-CN': '系统故障', 'zh-TW': '系統故障', en: 'System down' };

/** What i18next would answer in `locale`: the text at the key, or null when there is none. */
const translate = (locale: (typeof LOCALES)[number]) => (key: string) => {
  let node: unknown = resources[locale].translation;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : null;
};

const configured = applyConfigChange(
  applyConfigChange(DEFAULT_CONFIG, {
    key: 'skip-reasons',
    value: [
      ...DEFAULT_CONFIG.skipReasons.map((entry) =>
        entry.code === 'forgot' ? { ...entry, labels: { ...NAMES, en: 'Slipped my mind' } } : entry,
      ),
      { code: 'system-down', labels: NAMES },
    ],
  }),
  {
    key: 'business-types',
    value: [
      ...DEFAULT_CONFIG.businessTypes,
      {
        code: 'senior-plan',
        targetSeconds: 600,
        labels: { 'zh-CN': '老年套餐', 'zh-TW': '長者套餐', en: 'Senior plan' },
      },
    ],
  },
);

describe('listLabel', () => {
  it('names a manager’s entry by its own labels in each language', () => {
    for (const locale of LOCALES) {
      expect(listLabel(configured, locale, translate(locale), 'skip-reasons', 'system-down')).toBe(
        NAMES[locale],
      );
    }
    expect(
      listLabel(configured, 'zh-TW', translate('zh-TW'), 'business-types', 'senior-plan'),
    ).toBe('長者套餐');
  });

  it('names a built-in entry by i18n, unless a manager renamed it', () => {
    expect(listLabel(configured, 'en', translate('en'), 'skip-reasons', 'customer-declined')).toBe(
      'Customer declined',
    );
    expect(listLabel(configured, 'zh-CN', translate('zh-CN'), 'offers', 'broadband')).toBe(
      '家庭宽带',
    );
    expect(listLabel(configured, 'en', translate('en'), 'skip-reasons', 'forgot')).toBe(
      'Slipped my mind',
    );
  });

  it('falls back to the code for an entry neither configured nor built in (an old service’s)', () => {
    expect(listLabel(DEFAULT_CONFIG, 'en', translate('en'), 'skip-reasons', 'system-down')).toBe(
      'system-down',
    );
    expect(listLabel(DEFAULT_CONFIG, 'zh-CN', translate('zh-CN'), 'business-types', 'gone')).toBe(
      'gone',
    );
  });

  it('finds a name for every default entry of every list in every language', () => {
    for (const list of Object.keys(LIST_I18N_PREFIX) as ListName[]) {
      for (const { code } of listEntries(DEFAULT_CONFIG, list)) {
        for (const locale of LOCALES) {
          expect(listLabel(DEFAULT_CONFIG, locale, translate(locale), list, code)).not.toBe(code);
        }
      }
    }
  });
});

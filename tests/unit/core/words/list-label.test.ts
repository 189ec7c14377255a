import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, applyConfigChange } from '../../../../core/domain/device/config';
import { LOCALES } from '../../../../core/domain/locale';
import {
  LIST_I18N_PREFIX,
  listEntries,
  listLabel,
  type ListName,
} from '../../../../core/words/list-label';
import { testI18n } from '../../helpers/i18n';

const NAMES = { 'zh-CN': '系统故障', 'zh-TW': '系統故障', en: 'System down' };

/** What the app's translator answers in `locale` (as use-list-label asks it), or null when it has nothing. */
const translate = (locale: (typeof LOCALES)[number]) => {
  const i18n = testI18n(locale);
  return (key: string) => (i18n.exists(key) ? i18n.t(key, { defaultValue: key }) : null);
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

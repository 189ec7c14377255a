import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BUSINESS_TYPES,
  DEFAULT_OFFERS,
  DEFAULT_SKIP_REASONS,
} from '../../../../core/domain/catalog';
import { ConfigChangeSchema, DEFAULT_FLAG_THRESHOLDS } from '../../../../core/domain/device/config';
import {
  FLAG_FIELDS,
  NUMBER_LIMITS,
  configProblem,
  type NumberField,
} from '../../../../core/domain/device/config-problem';
import { AUDITOR, CLERK, MANAGER, signIn, staffedLog } from './device-log';

const NAMES = { 'zh-CN': '系统故障', 'zh-TW': '系統故障', en: 'System down' };
const GREET = {
  'zh-CN': '{customer}您好！',
  'zh-TW': '{customer}您好！',
  en: 'Hello, {customer}!',
};

/** The change that sets `field` to `value` (the other thresholds as they are by default). */
function numberChange(field: NumberField, value: number) {
  return (FLAG_FIELDS as readonly string[]).includes(field)
    ? { key: 'flag-thresholds', value: { ...DEFAULT_FLAG_THRESHOLDS, [field]: value } }
    : { key: field, value };
}

describe('configProblem', () => {
  it('is null for every valid change', () => {
    for (const change of [
      { key: 'idle-lock-minutes', value: 5 },
      { key: 'business-day', timeZone: 'Asia/Shanghai', startMinutes: 240 },
      { key: 'business-types', value: DEFAULT_BUSINESS_TYPES },
      {
        key: 'skip-reasons',
        value: [...DEFAULT_SKIP_REASONS, { code: 'system-down', labels: NAMES }],
      },
      { key: 'offers', value: DEFAULT_OFFERS },
      { key: 'flag-thresholds', value: DEFAULT_FLAG_THRESHOLDS },
      { key: 'script', stepId: 'greet-aloud', text: GREET },
      { key: 'script', stepId: 'greet-aloud', text: null },
    ]) {
      expect(ConfigChangeSchema.safeParse(change).success).toBe(true);
      expect(configProblem(change)).toBeNull();
    }
  });

  it.each(Object.keys(NUMBER_LIMITS) as NumberField[])(
    'knows the schema’s bounds of %s and names the field when out of them',
    (field) => {
      const { min, max, whole } = NUMBER_LIMITS[field];
      const step = whole ? 1 : 0.1;
      expect(ConfigChangeSchema.safeParse(numberChange(field, min)).success).toBe(true);
      expect(ConfigChangeSchema.safeParse(numberChange(field, max)).success).toBe(true);
      for (const value of [min - step, max + step, Number.NaN, ...(whole ? [min + 0.5] : [])]) {
        expect(configProblem(numberChange(field, value))).toEqual({
          kind: whole ? 'out-of-range-whole' : 'out-of-range',
          field,
          min,
          max,
        });
      }
    },
  );

  it('says what is wrong with a business day', () => {
    expect(
      configProblem({ key: 'business-day', timeZone: 'Mars/Olympus', startMinutes: 0 }),
    ).toEqual({
      kind: 'time-zone',
      zone: 'Mars/Olympus',
    });
    expect(
      configProblem({ key: 'business-day', timeZone: 'UTC', startMinutes: Number.NaN }),
    ).toEqual({
      kind: 'day-start',
    });
    expect(configProblem({ key: 'business-day', timeZone: 'UTC', startMinutes: 1440 })).toEqual({
      kind: 'day-start',
    });
  });

  it('says what is wrong with a list, naming the entry', () => {
    const reasons = (...extra: object[]) => ({
      key: 'skip-reasons',
      value: [...DEFAULT_SKIP_REASONS, ...extra],
    });
    expect(configProblem(reasons({ code: 'System Down', labels: NAMES }))).toEqual({
      kind: 'code-format',
      code: 'System Down',
    });
    expect(configProblem(reasons({ code: 'forgot', labels: NAMES }))).toEqual({
      kind: 'code-repeat',
      code: 'forgot',
    });
    expect(configProblem(reasons({ code: 'system-down', labels: { ...NAMES, en: ' ' } }))).toEqual({
      kind: 'labels-missing',
      code: 'system-down',
    });
    expect(
      configProblem({
        key: 'skip-reasons',
        value: DEFAULT_SKIP_REASONS.filter((e) => e.code !== 'other'),
      }),
    ).toEqual({ kind: 'other-must-stay' });
    expect(configProblem({ key: 'offers', value: [] })).toEqual({ kind: 'list-empty' });
    const many = Array.from({ length: 31 }, (_, i) => ({ code: `offer-${i}`, labels: NAMES }));
    expect(configProblem({ key: 'offers', value: many })).toEqual({ kind: 'list-full', max: 30 });
    expect(
      configProblem({
        key: 'business-types',
        value: DEFAULT_BUSINESS_TYPES.map((type) =>
          type.code === 'enquiry' ? { ...type, targetSeconds: 241 * 60 } : type,
        ),
      }),
    ).toEqual({ kind: 'target-range', code: 'enquiry', min: 1, max: 240 });
  });

  it('says which language of a script is wrong, and how', () => {
    const script = (text: object) => ({
      key: 'script',
      stepId: 'greet-aloud',
      text: { ...GREET, ...text },
    });
    expect(configProblem(script({ 'zh-TW': '{客户}您好' }))).toEqual({
      kind: 'script-placeholder',
      locale: 'zh-TW',
      name: '客户',
    });
    expect(configProblem(script({ en: 'Hello, {name}!' }))).toEqual({
      kind: 'script-placeholder',
      locale: 'en',
      name: 'name',
    });
    expect(configProblem(script({ en: 'Hello, {customer!' }))).toEqual({
      kind: 'script-brace',
      locale: 'en',
    });
    expect(configProblem(script({ 'zh-CN': '' }))).toEqual({
      kind: 'script-empty',
      locale: 'zh-CN',
    });
  });

  it('says nothing more than "invalid" about a change that is not one', () => {
    expect(configProblem({ key: 'colour', value: 'red' })).toBeNull();
    expect(configProblem(null)).toBeNull();
    expect(configProblem({ key: 'script', stepId: 'dance', text: GREET })).toBeNull();
  });
});

describe('change-config in the domain', () => {
  it('refuses a bad change with what is wrong, and records nothing', async () => {
    const log = await staffedLog();
    await signIn(log, MANAGER);
    const before = log.rows.length;
    const { refusal, stored } = await log.run({
      type: 'change-config',
      change: { key: 'script', stepId: 'greet-aloud', text: { ...GREET, en: 'Hi {name}' } },
    });
    expect(refusal).toEqual({
      code: 'invalid-config',
      config: { kind: 'script-placeholder', locale: 'en', name: 'name' },
    });
    expect(stored).toEqual([]);
    expect(log.rows).toHaveLength(before);
    expect(log.state.config.flow.steps.find((step) => step.id === 'greet-aloud')?.script).toEqual(
      GREET,
    );
  });

  it.each([AUDITOR, CLERK])(
    'refuses every kind of change to %s (auditor, clerk) and records nothing',
    async (staffNo) => {
      const log = await staffedLog();
      await signIn(log, staffNo);
      const before = log.rows.length;
      for (const change of [
        {
          key: 'skip-reasons',
          value: [...DEFAULT_SKIP_REASONS, { code: 'system-down', labels: NAMES }],
        },
        { key: 'script', stepId: 'greet-aloud', text: null },
        { key: 'business-day', timeZone: 'UTC', startMinutes: 0 },
        { key: 'flag-thresholds', value: DEFAULT_FLAG_THRESHOLDS },
      ]) {
        const { refusal, stored } = await log.run({ type: 'change-config', change });
        expect(refusal).toEqual({ code: 'forbidden' });
        expect(stored).toEqual([]);
      }
      expect(log.rows).toHaveLength(before);
    },
  );
});

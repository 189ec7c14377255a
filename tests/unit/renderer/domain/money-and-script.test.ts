import { describe, expect, it } from 'vitest';
import { nextTicket } from '../../../../renderer/domain/catalog';
import {
  FlowDefinitionSchema,
  SERVICE_STANDARD,
  stepDefinition,
} from '../../../../renderer/domain/flow-definition';
import { formatYuan, parseYuan } from '../../../../renderer/domain/money';
import { addressCustomer, renderScript } from '../../../../renderer/domain/script';

describe('money input', () => {
  it.each([
    ['100', 10_000],
    ['99.5', 9_950],
    ['0.05', 5],
    [' 1,000 ', 100_000],
    ['1000000', 100_000_000],
  ])('reads %j as %i fen', (input, fen) => {
    expect(parseYuan(input)).toEqual({ ok: true, value: fen });
  });

  it.each([
    ['', 'money-not-a-number'],
    ['-5', 'money-not-a-number'],
    ['abc', 'money-not-a-number'],
    ['1e3', 'money-not-a-number'],
    ['1.005', 'money-too-precise'],
    ['1000000.01', 'money-out-of-range'],
    ['99999999999', 'money-out-of-range'],
  ])('refuses %j with %s', (input, refusal) => {
    expect(parseYuan(input)).toEqual({ ok: false, refusal });
  });

  it('says amounts the way a clerk does', () => {
    expect([formatYuan(10_000), formatYuan(9_950), formatYuan(5), formatYuan(0)]).toEqual([
      '100',
      '99.50',
      '0.05',
      '0',
    ]);
  });
});

describe('scripts', () => {
  const hand = stepDefinition(SERVICE_STANDARD, 'both-hands').script!;

  it('addresses the customer by surname and title once known, by title alone before', () => {
    expect(addressCustomer('zh-CN', 'mr', '张')).toBe('张先生');
    expect(addressCustomer('zh-CN', 'ms', null)).toBe('女士');
    expect(addressCustomer('en', 'mr', 'Zhang')).toBe('Mr Zhang');
    expect(addressCustomer('en', 'ms', null)).toBe('madam');
  });

  it('fills the handing-over words in Chinese and English', () => {
    expect(renderScript(hand, 'zh-CN', { title: 'mr', surname: '张' })).toBe(
      '张先生，这是您的证件，请收好。',
    );
    expect(renderScript(hand, 'en', { title: 'mr', surname: 'Zhang' })).toBe(
      'Mr Zhang, here is your ID, please keep it.',
    );
  });

  it('capitalises a sentence that starts with a bare title', () => {
    expect(renderScript(hand, 'en', { title: 'mr', surname: null })).toBe(
      'Sir, here is your ID, please keep it.',
    );
  });

  it('writes ×× for a figure not known yet, as the standard does', () => {
    expect(
      renderScript(SERVICE_STANDARD.moneyScripts.withChange, 'zh-CN', {
        title: 'mr',
        surname: null,
      }),
    ).toBe('收您××元，找您××元，请您收好。');
  });

  it('fills amounts, ticket and counter', () => {
    expect(
      renderScript(SERVICE_STANDARD.moneyScripts.withChange, 'zh-CN', {
        title: 'mr',
        surname: '张',
        receivedFen: 10_000,
        changeFen: 2_000,
      }),
    ).toBe('收您100元，找您20元，请您收好。');
    expect(
      renderScript(stepDefinition(SERVICE_STANDARD, 'call-next').script!, 'zh-CN', {
        title: null,
        surname: null,
        ticket: 'A026',
        counter: '3',
      }),
    ).toBe('请A026号到3号窗口办理业务。');
  });
});

describe('the flow definition', () => {
  it('has the seventeen steps in the standard order with their phases', () => {
    expect(SERVICE_STANDARD.steps.map((step) => step.number)).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
    expect(
      SERVICE_STANDARD.steps.filter((step) => step.applies.kind === 'when').map((step) => step.id),
    ).toEqual([
      'announce-money',
      'both-hands',
      'thank-on-receipt',
      'hand-leaflet',
      'apologise-leaving',
      'thank-returning',
    ]);
  });

  it('refuses a flow with steps out of order or a language missing', () => {
    const swapped = {
      ...SERVICE_STANDARD,
      steps: [
        SERVICE_STANDARD.steps[1],
        SERVICE_STANDARD.steps[0],
        ...SERVICE_STANDARD.steps.slice(2),
      ],
    };
    expect(FlowDefinitionSchema.safeParse(swapped).success).toBe(false);
    const noEnglish = structuredClone(SERVICE_STANDARD) as {
      steps: { script: Record<string, string> | null }[];
    };
    delete noEnglish.steps[2]!.script!.en;
    expect(FlowDefinitionSchema.safeParse(noEnglish).success).toBe(false);
  });
});

describe('tickets', () => {
  it('suggests the next ticket keeping prefix and padding', () => {
    expect([nextTicket('A025'), nextTicket('A099'), nextTicket('B7'), nextTicket('103')]).toEqual([
      'A026',
      'A100',
      'B8',
      '104',
    ]);
  });
});

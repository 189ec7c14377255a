import { describe, expect, it } from 'vitest';
import { nextTicket } from '../../../../core/domain/catalog';
import {
  FlowDefinitionSchema,
  SERVICE_STANDARD,
  STEP_IDS,
  hasOwnCommand,
  stepDefinition,
  type FlowDefinition,
} from '../../../../core/domain/flow/flow-definition';
import { MAX_FEN, formatYuan, parseYuan } from '../../../../core/domain/money';
import { addressCustomer, renderScript } from '../../../../core/domain/script';
import { decideService } from '../../../../core/domain/service/engine';
import { ServiceDriver, context } from '../../helpers/builders';

describe('money input', () => {
  it.each([
    ['100', 10_000],
    ['99.5', 9_950],
    ['99.50', 9_950],
    ['0.05', 5],
    ['100.', 10_000],
    [' 100 ', 10_000],
    ['\u3000100\u3000', 10_000],
    ['007', 700],
    ['1000000', 100_000_000],
    ['１００．５', 10_050],
    ['１２３', 12_300],
    ['８０', 8_000],
  ])('reads %j as %i fen', (input, fen) => {
    expect(parseYuan(input)).toEqual({ ok: true, value: fen });
  });

  it.each([
    ['', 'money-empty'],
    ['   ', 'money-empty'],
    ['-5', 'money-negative'],
    ['−5', 'money-negative'],
    ['10,50', 'money-comma'],
    ['1,050', 'money-comma'],
    [' 1,000 ', 'money-comma'],
    ['10，50', 'money-comma'],
    ['1 00', 'money-space'],
    [' 1 000 ', 'money-space'],
    ['1\u300000', 'money-space'],
    ['99. 50', 'money-space'],
    ['abc', 'money-not-a-number'],
    ['1e3', 'money-not-a-number'],
    ['.5', 'money-not-a-number'],
    ['1.2.3', 'money-not-a-number'],
    ['99.999', 'money-too-precise'],
    ['1.005', 'money-too-precise'],
    ['1000000.01', 'money-out-of-range'],
    ['99999999999', 'money-out-of-range'],
    ['9'.repeat(400), 'money-out-of-range'],
  ])('refuses %j with %s', (input, problem) => {
    expect(parseYuan(input)).toEqual({ ok: false, error: problem });
  });

  it('never reads a comma as a thousands separator or a decimal point', () => {
    for (const input of ['10,50', '1,050', '1,000,000']) {
      const result = parseYuan(input);
      expect(result.ok).toBe(false);
    }
  });

  it('accepts the largest amount and nothing above it', () => {
    expect(parseYuan(formatYuan(MAX_FEN))).toEqual({ ok: true, value: MAX_FEN });
    expect(parseYuan(formatYuan(MAX_FEN + 1))).toEqual({ ok: false, error: 'money-out-of-range' });
  });

  it('says amounts the way a clerk does', () => {
    expect([formatYuan(10_000), formatYuan(9_950), formatYuan(5), formatYuan(0)]).toEqual([
      '100',
      '99.50',
      '0.05',
      '0',
    ]);
  });

  it('reads back every amount it says', () => {
    for (const fen of [0, 1, 5, 10, 99, 100, 101, 9_950, 123_456, MAX_FEN]) {
      expect(parseYuan(formatYuan(fen))).toEqual({ ok: true, value: fen });
    }
  });
});

describe('scripts', () => {
  const hand = stepDefinition(SERVICE_STANDARD, 'both-hands').script!;

  it('addresses the customer by surname and title once known, by title alone before', () => {
    expect(addressCustomer('zh-CN', 'mr', '张')).toBe('张先生');
    expect(addressCustomer('zh-CN', 'ms', null)).toBe('女士');
    expect(addressCustomer('zh-TW', 'ms', '歐陽')).toBe('歐陽女士');
    expect(addressCustomer('en', 'mr', 'Zhang')).toBe('Mr Zhang');
    expect(addressCustomer('en', 'ms', null)).toBe('madam');
    expect(addressCustomer('en', null, 'Zhang')).toBe('Zhang');
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
      renderScript(stepDefinition(SERVICE_STANDARD, 'announce-money').script!, 'en', {
        title: 'ms',
        surname: 'Li',
        dueFen: 8_050,
      }),
    ).toBe('Ms Li, that will be 80.50 yuan, please.');
    expect(
      renderScript(stepDefinition(SERVICE_STANDARD, 'call-next').script!, 'zh-CN', {
        title: null,
        surname: null,
        ticket: 'A026',
        counter: '3',
      }),
    ).toBe('请A026号到3号窗口办理业务。');
  });

  it('leaves a placeholder it does not know as written', () => {
    expect(
      renderScript({ 'zh-CN': '{nope}', 'zh-TW': '{nope}', en: '{nope} {surname}' }, 'en', {
        title: null,
        surname: 'Li',
      }),
    ).toBe('{nope} Li');
  });
});

describe('the flow definition', () => {
  it('has the seventeen steps in the standard order with their phases', () => {
    expect(SERVICE_STANDARD.steps.map((step) => step.id)).toEqual([...STEP_IDS]);
    expect(SERVICE_STANDARD.steps.map((step) => step.number)).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
    expect(SERVICE_STANDARD.steps.map((step) => step.phase)).toEqual([
      ...Array<string>(6).fill('greeting'),
      ...Array<string>(8).fill('service'),
      ...Array<string>(3).fill('farewell'),
    ]);
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
    expect(FlowDefinitionSchema.safeParse(structuredClone(SERVICE_STANDARD)).success).toBe(true);
  });

  it('says which steps have their own command, from each step’s action', () => {
    expect(STEP_IDS.filter((id) => hasOwnCommand(SERVICE_STANDARD, id))).toEqual([
      'announce-money',
      'recommend',
      'apologise-leaving',
      'thank-returning',
      'call-next',
    ]);
  });

  it('takes a configured flow’s actions: a step given a plain Done can be marked done', () => {
    const configured: FlowDefinition = FlowDefinitionSchema.parse({
      ...SERVICE_STANDARD,
      steps: SERVICE_STANDARD.steps.map((step) => {
        if (step.id === 'recommend') {
          const { action: _action, ...plain } = step;
          return plain;
        }
        return step.id === 'hand-leaflet' ? { ...step, action: 'recommendation' } : step;
      }),
    });
    expect(stepDefinition(configured, 'recommend').action).toBe('done');
    expect(hasOwnCommand(configured, 'recommend')).toBe(false);
    expect(hasOwnCommand(configured, 'hand-leaflet')).toBe(true);

    const driver = new ServiceDriver().started();
    const decide = (stepId: 'recommend' | 'hand-leaflet') =>
      decideService(
        driver.state,
        { type: 'mark-done', serviceId: driver.serviceId, stepId },
        { ...context(), flow: configured },
      );
    expect(decide('recommend')).toEqual({
      ok: true,
      value: [{ type: 'step-done', stepId: 'recommend' }],
    });
    expect(decide('hand-leaflet')).toEqual({ ok: false, error: { code: 'step-has-own-command' } });
  });

  it('refuses an unknown action', () => {
    const odd = structuredClone(SERVICE_STANDARD) as { steps: { action: string }[] };
    odd.steps[0]!.action = 'dance';
    expect(FlowDefinitionSchema.safeParse(odd).success).toBe(false);
  });
});

describe('tickets', () => {
  it('suggests the next ticket keeping prefix and padding', () => {
    expect([
      nextTicket('A025'),
      nextTicket('A099'),
      nextTicket('B7'),
      nextTicket('103'),
      nextTicket('AB0999'),
    ]).toEqual(['A026', 'A100', 'B8', '104', 'AB1000']);
  });

  it('leaves a ticket it cannot read as it is', () => {
    expect(nextTicket('next')).toBe('next');
  });
});

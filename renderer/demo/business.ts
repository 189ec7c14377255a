/**
 * What customers come for: the business types with how often each comes and what its services
 * involve (money, items, receipts, leaflets, the clerk leaving the seat, the offers recommended,
 * a typical amount due), how customers pay, their surnames, the notes and skip reasons clerks
 * give, and the every-customer steps of the greeting and farewell.
 */
import type { StepId } from '../../core/domain/flow/flow-definition';
import type { Random } from './random';

export interface Business {
  code: string;
  weight: number;
  /** Probabilities that money is announced, items handed over, something received, a leaflet. */
  money: number;
  items: number;
  receipt: number;
  leaflet: number;
  leave: number;
  offers: readonly string[];
  /** Fen: a typical amount due. */
  due: (random: Random) => number;
}

const roundYuan = (random: Random, choices: readonly number[]) => random.pick(choices) * 100;

export const BUSINESS: readonly Business[] = [
  {
    code: 'bill-payment',
    weight: 44,
    money: 1,
    items: 0.45,
    receipt: 0.85,
    leaflet: 0.1,
    leave: 0.01,
    offers: ['e-billing', 'data-pack', 'family-plan'],
    due: (random) =>
      random.chance(0.55)
        ? roundYuan(random, [30, 50, 50, 100, 100, 100, 200, 300])
        : random.int(1_500, 29_900),
  },
  {
    code: 'enquiry',
    weight: 22,
    money: 0,
    items: 0.1,
    receipt: 0.2,
    leaflet: 0.35,
    leave: 0.02,
    offers: ['broadband', 'family-plan', 'data-pack'],
    due: () => 0,
  },
  {
    code: 'plan-change',
    weight: 12,
    money: 0.2,
    items: 0.6,
    receipt: 0.7,
    leaflet: 0.3,
    leave: 0.03,
    offers: ['5g-plan', 'family-plan', 'data-pack', 'e-billing'],
    due: (random) => roundYuan(random, [10, 20, 30, 50]),
  },
  {
    code: 'sim-service',
    weight: 7,
    money: 0.3,
    items: 1,
    receipt: 1,
    leaflet: 0.1,
    leave: 0.12,
    offers: ['data-pack', 'e-billing'],
    due: (random) => roundYuan(random, [10, 10, 20]),
  },
  {
    code: 'number-selection',
    weight: 4,
    money: 0.6,
    items: 0.9,
    receipt: 0.9,
    leaflet: 0.2,
    leave: 0.08,
    offers: ['5g-plan', 'family-plan', 'broadband'],
    due: (random) => roundYuan(random, [50, 100, 200, 500]),
  },
  {
    code: 'new-subscription',
    weight: 6,
    money: 1,
    items: 1,
    receipt: 1,
    leaflet: 0.5,
    leave: 0.12,
    offers: ['broadband', 'family-plan'],
    due: (random) => roundYuan(random, [58, 88, 128, 199, 299]),
  },
  {
    code: 'complaint',
    weight: 4,
    money: 0,
    items: 0.3,
    receipt: 0.3,
    leaflet: 0.05,
    leave: 0.1,
    offers: ['data-pack'],
    due: () => 0,
  },
];
export const BUSINESS_BY_CODE = new Map(BUSINESS.map((business) => [business.code, business]));

/** Cash is rounded up to the next note; mobile payments are exact. */
export function received(random: Random, dueFen: number): number {
  if (dueFen === 0 || random.chance(0.45)) return dueFen;
  const note = random.pick([1_000, 2_000, 5_000, 10_000]);
  return Math.max(note, Math.ceil(dueFen / note) * note);
}

export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
  '欧阳',
  '司马',
  '诸葛',
  '上官',
];
export const OTHER_NOTES = [
  '顾客在打电话',
  '顾客带着小孩，站着办理',
  '系统卡顿',
  '老顾客，简化流程',
  '顾客行动不便',
  '窗口临时调整',
];
export const SKIP_REASON_MIX: readonly (readonly [string, number])[] = [
  ['customer-in-hurry', 30],
  ['not-possible-now', 25],
  ['customer-declined', 20],
  ['forgot', 17],
  ['other', 8],
];

export const GREETING: readonly StepId[] = [
  'stand-to-greet',
  'eye-contact-smile',
  'greet-aloud',
  'check-ticket',
  'invite-to-sit',
  'ask-needs',
];
export const FAREWELL: readonly StepId[] = ['confirm-anything-else', 'stand-to-see-off'];
/** How likely a plain every-customer step is skipped, before the clerk's own habit. */
export const SKIP_CHANCE: Partial<Record<StepId, number>> = {
  'stand-to-greet': 0.02,
  'invite-to-sit': 0.03,
  'stand-to-see-off': 0.04,
  'confirm-anything-else': 0.015,
};

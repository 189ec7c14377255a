/**
 * The service standard as data: the seventeen steps, their phase, when they apply and the words
 * to say in each language. Validated with zod so a configured flow (a later issue lets managers
 * edit scripts) can never load half-formed.
 */
import { z } from '../zod';
import { LocalizedTextSchema } from '../locale';

export const STEP_IDS = [
  'stand-to-greet',
  'eye-contact-smile',
  'greet-aloud',
  'check-ticket',
  'invite-to-sit',
  'ask-needs',
  'address-by-surname',
  'announce-money',
  'both-hands',
  'thank-on-receipt',
  'hand-leaflet',
  'recommend',
  'apologise-leaving',
  'thank-returning',
  'confirm-anything-else',
  'stand-to-see-off',
  'call-next',
] as const;
export const StepIdSchema = z.enum(STEP_IDS);
export type StepId = z.infer<typeof StepIdSchema>;

export const PhaseSchema = z.enum(['greeting', 'service', 'farewell']);
export type Phase = z.infer<typeof PhaseSchema>;

/** What has to happen in a service for a conditional step to apply. */
export const ConditionSchema = z.enum([
  'money',
  'items',
  'leaves-seat',
  'leaflet',
  /** The complaint flow's 平息怒气: only when the customer is upset. */
  'customer-upset',
]);
export type Condition = z.infer<typeof ConditionSchema>;

export const ApplicabilitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('always') }),
  z.object({ kind: z.literal('when'), condition: ConditionSchema }),
]);
export type Applicability = z.infer<typeof ApplicabilitySchema>;

/**
 * How a step is recorded. Most are a plain Done; a step whose outcome carries data has its own form
 * or command, so the log keeps the amounts, the offer and its answer, the absence or the ticket
 * called rather than a bare "done". The engine refuses a plain Done on those; the screens open the
 * form instead. This is the one place that says which steps those are.
 */
export const StepActionSchema = z.enum([
  'done',
  'money',
  'recommendation',
  'leave-seat',
  'return-to-seat',
  'call-next',
  /** The complaint flow's 采取行动: the complaint record (category, summary, outcome). */
  'complaint-record',
]);
export type StepAction = z.infer<typeof StepActionSchema>;

export const StepDefinitionSchema = z.object({
  id: StepIdSchema,
  number: z.int().check(z.gte(1), z.lte(17)),
  phase: PhaseSchema,
  applies: ApplicabilitySchema,
  /** The words to say; placeholders {customer} {title} {surname} {ticket} {counter} {due} {received} {change}. */
  script: z.nullable(LocalizedTextSchema),
  action: z._default(StepActionSchema, 'done'),
});
export type StepDefinition = z.infer<typeof StepDefinitionSchema>;

export const FlowDefinitionSchema = z
  .object({
    version: z.int().check(z.positive()),
    steps: z.array(StepDefinitionSchema).check(z.length(STEP_IDS.length)),
    moneyScripts: z.object({ withChange: LocalizedTextSchema, exact: LocalizedTextSchema }),
  })
  .check(
    z.superRefine((flow, ctx) => {
      flow.steps.forEach((step, index) => {
        if (step.id !== STEP_IDS[index] || step.number !== index + 1) {
          ctx.addIssue({
            code: 'custom',
            path: ['steps', index],
            message: `step ${index + 1} must be ${STEP_IDS[index]}`,
          });
        }
      });
    }),
  );
export type FlowDefinition = z.infer<typeof FlowDefinitionSchema>;

const always = { kind: 'always' } as const;
const when = (condition: Condition) => ({ kind: 'when', condition }) as const;

/** 服务"十七步" as the carrier's standard writes it (see docs/service-standard.md). */
export const SERVICE_STANDARD: FlowDefinition = FlowDefinitionSchema.parse({
  version: 1,
  steps: [
    { id: 'stand-to-greet', number: 1, phase: 'greeting', applies: always, script: null },
    { id: 'eye-contact-smile', number: 2, phase: 'greeting', applies: always, script: null },
    {
      id: 'greet-aloud',
      number: 3,
      phase: 'greeting',
      applies: always,
      script: {
        'zh-CN': '{customer}您好！',
        'zh-TW': '{customer}您好！',
        en: 'Hello, {customer}!',
      },
    },
    {
      id: 'check-ticket',
      number: 4,
      phase: 'greeting',
      applies: always,
      script: {
        'zh-CN': '{customer}，请您出示一下小票？',
        'zh-TW': '{customer}，請您出示一下號碼牌？',
        en: 'May I see your ticket, please, {customer}?',
      },
    },
    {
      id: 'invite-to-sit',
      number: 5,
      phase: 'greeting',
      applies: always,
      script: {
        'zh-CN': '{customer}您请坐！很高兴为您服务。',
        'zh-TW': '{customer}您請坐！很高興為您服務。',
        en: 'Please have a seat, {customer}. I am glad to help you.',
      },
    },
    {
      id: 'ask-needs',
      number: 6,
      phase: 'greeting',
      applies: always,
      script: {
        'zh-CN': '请问我有什么可以帮助您的吗？',
        'zh-TW': '請問我有什麼可以幫助您的嗎？',
        en: 'How may I help you today?',
      },
    },
    {
      id: 'address-by-surname',
      number: 7,
      phase: 'service',
      applies: always,
      script: {
        'zh-CN': '{customer}，我现在就为您办理。',
        'zh-TW': '{customer}，我現在就為您辦理。',
        en: '{customer}, I will take care of that for you now.',
      },
    },
    {
      id: 'announce-money',
      number: 8,
      phase: 'service',
      applies: when('money'),
      action: 'money',
      script: {
        'zh-CN': '{customer}，请您缴{due}元。',
        'zh-TW': '{customer}，請您繳{due}元。',
        en: '{customer}, that will be {due} yuan, please.',
      },
    },
    {
      id: 'both-hands',
      number: 9,
      phase: 'service',
      applies: when('items'),
      script: {
        'zh-CN': '{customer}，这是您的证件，请收好。',
        'zh-TW': '{customer}，這是您的證件，請收好。',
        en: '{customer}, here is your ID, please keep it.',
      },
    },
    {
      id: 'thank-on-receipt',
      number: 10,
      phase: 'service',
      applies: when('items'),
      script: { 'zh-CN': '谢谢您！', 'zh-TW': '謝謝您！', en: 'Thank you, {customer}.' },
    },
    {
      id: 'hand-leaflet',
      number: 11,
      phase: 'service',
      applies: when('leaflet'),
      script: {
        'zh-CN': '{customer}，这是我们新业务的介绍，您可以看一看。',
        'zh-TW': '{customer}，這是我們新業務的介紹，您可以看一看。',
        en: '{customer}, here is a leaflet about one of our new services.',
      },
    },
    {
      id: 'recommend',
      number: 12,
      phase: 'service',
      applies: always,
      action: 'recommendation',
      script: {
        'zh-CN': '{customer}，我们有一项很适合您的业务，我为您简单介绍一下。',
        'zh-TW': '{customer}，我們有一項很適合您的業務，我為您簡單介紹一下。',
        en: '{customer}, we have a service that may suit you; may I tell you about it?',
      },
    },
    {
      id: 'apologise-leaving',
      number: 13,
      phase: 'service',
      applies: when('leaves-seat'),
      action: 'leave-seat',
      script: {
        'zh-CN': '{customer}请您稍等，我去复印证件。',
        'zh-TW': '{customer}請您稍等，我去影印證件。',
        en: '{customer}, please wait a moment while I copy your ID.',
      },
    },
    {
      id: 'thank-returning',
      number: 14,
      phase: 'service',
      applies: when('leaves-seat'),
      action: 'return-to-seat',
      script: {
        'zh-CN': '感谢{customer}耐心等待。',
        'zh-TW': '感謝{customer}耐心等待。',
        en: 'Thank you for waiting, {customer}.',
      },
    },
    {
      id: 'confirm-anything-else',
      number: 15,
      phase: 'farewell',
      applies: always,
      script: {
        'zh-CN': '您的业务办理完毕，请问{customer}还需要办理其他业务吗？',
        'zh-TW': '您的業務辦理完畢，請問{customer}還需要辦理其他業務嗎？',
        en: 'Your business is done. Is there anything else I can do for you, {customer}?',
      },
    },
    {
      id: 'stand-to-see-off',
      number: 16,
      phase: 'farewell',
      applies: always,
      script: {
        'zh-CN': '{customer}您慢走！',
        'zh-TW': '{customer}您慢走！',
        en: 'Goodbye, {customer}, take care!',
      },
    },
    {
      id: 'call-next',
      number: 17,
      phase: 'farewell',
      applies: always,
      action: 'call-next',
      script: {
        'zh-CN': '请{ticket}号到{counter}号窗口办理业务。',
        'zh-TW': '請{ticket}號到{counter}號窗口辦理業務。',
        en: 'Ticket {ticket}, please come to counter {counter}.',
      },
    },
  ],
  moneyScripts: {
    withChange: {
      'zh-CN': '收您{received}元，找您{change}元，请您收好。',
      'zh-TW': '收您{received}元，找您{change}元，請您收好。',
      en: 'I have received {received} yuan; here is your change, {change} yuan.',
    },
    exact: {
      'zh-CN': '收您{received}元，正好，谢谢您。',
      'zh-TW': '收您{received}元，剛好，謝謝您。',
      en: 'I have received {received} yuan, the exact amount. Thank you.',
    },
  },
});

export function stepDefinition(flow: FlowDefinition, id: StepId): StepDefinition {
  const step = flow.steps.find((candidate) => candidate.id === id);
  // The schema guarantees all seventeen ids are present.
  if (!step) throw new Error(`flow has no step ${id}`);
  return step;
}

export const isConditional = (step: Pick<StepDefinition, 'applies'>): boolean =>
  step.applies.kind === 'when';

/** Steps recorded through their own form or command, never a bare Done. */
export function hasOwnCommand(flow: FlowDefinition, id: StepId): boolean {
  return stepDefinition(flow, id).action !== 'done';
}

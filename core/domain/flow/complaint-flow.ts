/**
 * The complaint flow (投诉处理, the standard's six steps) as data in the same format as the
 * seventeen steps: ids, order, when a step applies, the words to say per language and which step
 * carries a form. The one service engine reads both definitions; this one also says when it
 * starts (the business type that is a complaint, and after which of the seventeen steps).
 */
import { z } from '../zod';
import { CodeSchema } from '../catalog';
import { StepDefinitionSchema, StepIdSchema } from './flow-definition';

export const COMPLAINT_STEP_IDS = [
  'complaint-accept',
  'complaint-calm',
  'complaint-clarify',
  'complaint-explore',
  'complaint-act',
  'complaint-thank',
] as const;
export const ComplaintStepIdSchema = z.enum(COMPLAINT_STEP_IDS);
export type ComplaintStepId = z.infer<typeof ComplaintStepIdSchema>;

export const ComplaintStepDefinitionSchema = z.extend(StepDefinitionSchema, {
  id: ComplaintStepIdSchema,
  number: z.int().check(z.gte(1), z.lte(COMPLAINT_STEP_IDS.length)),
  phase: z.literal('complaint'),
  /** How long the step should take at most; the review compares the recorded time with it. */
  targetSeconds: z.int().check(z.gte(10), z.lte(3600)),
});
export type ComplaintStepDefinition = z.infer<typeof ComplaintStepDefinitionSchema>;

export const ComplaintFlowSchema = z
  .object({
    version: z.int().check(z.positive()),
    steps: z.array(ComplaintStepDefinitionSchema).check(z.length(COMPLAINT_STEP_IDS.length)),
    /**
     * A service of this business type is a complaint from its start; its complaint steps come
     * after this step of the seventeen (the customer is greeted and asked first). A complaint the
     * clerk starts during any other service comes first at once.
     */
    startsWith: z.object({ businessType: CodeSchema, after: StepIdSchema }),
  })
  .check(
    z.superRefine((flow, ctx) => {
      flow.steps.forEach((step, index) => {
        if (step.id !== COMPLAINT_STEP_IDS[index] || step.number !== index + 1) {
          ctx.addIssue({
            code: 'custom',
            path: ['steps', index],
            message: `complaint step ${index + 1} must be ${COMPLAINT_STEP_IDS[index]}`,
          });
        }
      });
    }),
  );
export type ComplaintFlow = z.infer<typeof ComplaintFlowSchema>;

/** 接受投诉 → 平息怒气 → 澄清问题 → 探讨解决 → 采取行动 → 感谢客户 (seed 003). */
export const COMPLAINT_STANDARD: ComplaintFlow = ComplaintFlowSchema.parse({
  version: 1,
  startsWith: { businessType: 'complaint', after: 'ask-needs' },
  steps: [
    {
      id: 'complaint-accept',
      number: 1,
      phase: 'complaint',
      applies: { kind: 'always' },
      targetSeconds: 60,
      script: {
        'zh-CN': '{customer}，非常抱歉给您带来了不便，请您慢慢说，我认真听。',
        'zh-TW': '{customer}，非常抱歉給您帶來了不便，請您慢慢說，我認真聽。',
        en: '{customer}, I am very sorry for the trouble. Please tell me what happened.',
      },
    },
    {
      id: 'complaint-calm',
      number: 2,
      phase: 'complaint',
      applies: { kind: 'when', condition: 'customer-upset' },
      targetSeconds: 120,
      script: {
        'zh-CN': '{customer}，我非常理解您的心情，换作是我也会着急。',
        'zh-TW': '{customer}，我非常理解您的心情，換作是我也會著急。',
        en: '{customer}, I understand how you feel; I would be upset too.',
      },
    },
    {
      id: 'complaint-clarify',
      number: 3,
      phase: 'complaint',
      applies: { kind: 'always' },
      targetSeconds: 180,
      script: {
        'zh-CN': '{customer}，我确认一下：您反映的问题是……，是这样吗？',
        'zh-TW': '{customer}，我確認一下：您反映的問題是……，是這樣嗎？',
        en: '{customer}, let me make sure I have it right: the problem is …, is that correct?',
      },
    },
    {
      id: 'complaint-explore',
      number: 4,
      phase: 'complaint',
      applies: { kind: 'always' },
      targetSeconds: 180,
      script: {
        'zh-CN': '{customer}，原因是……。我们可以这样为您解决：……，您看可以吗？',
        'zh-TW': '{customer}，原因是……。我們可以這樣為您解決：……，您看可以嗎？',
        en: '{customer}, this happened because … . We can solve it this way: … . Would that suit you?',
      },
    },
    {
      id: 'complaint-act',
      number: 5,
      phase: 'complaint',
      applies: { kind: 'always' },
      action: 'complaint-record',
      targetSeconds: 300,
      script: {
        'zh-CN': '{customer}，我现在就为您处理。再次向您表示歉意，我们一定改进。',
        'zh-TW': '{customer}，我現在就為您處理。再次向您表示歉意，我們一定改進。',
        en: '{customer}, I am taking care of it now. Again, I am sorry; we will do better.',
      },
    },
    {
      id: 'complaint-thank',
      number: 6,
      phase: 'complaint',
      applies: { kind: 'always' },
      targetSeconds: 60,
      script: {
        'zh-CN': '感谢{customer}的宝贵意见，您的意见对我们很重要。',
        'zh-TW': '感謝{customer}的寶貴意見，您的意見對我們很重要。',
        en: 'Thank you for telling us, {customer}; what you said matters to us.',
      },
    },
  ],
});

export function complaintStepDefinition(
  flow: ComplaintFlow,
  id: ComplaintStepId,
): ComplaintStepDefinition {
  const step = flow.steps.find((candidate) => candidate.id === id);
  // The schema guarantees all six ids are present.
  if (!step) throw new Error(`complaint flow has no step ${id}`);
  return step;
}

export const isComplaintStep = (id: string): id is ComplaintStepId =>
  (COMPLAINT_STEP_IDS as readonly string[]).includes(id);

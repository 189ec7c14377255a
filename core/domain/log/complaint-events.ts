/**
 * The complaint flow's events (log schema v2, added with it): a complaint started in a service,
 * each complaint step's outcome, the complaint's record, the manager's confirmation of an
 * escalation (the manager's own record, after their PIN), and a follow-up closed.
 */
import { literalOf, z } from '../zod';
import { SkipReasonSchema } from '../catalog';
import { ComplaintStepIdSchema } from '../flow/complaint-flow';
import {
  ComplaintCategorySchema,
  ComplaintOutcomeSchema,
  ComplaintSummarySchema,
  FollowUpResultSchema,
} from '../service/complaint';

export const COMPLAINT_EVENTS = [
  z.object({
    type: z.literal('complaint-started'),
    /** `business-type`: the service is a complaint; `during-service`: the clerk tapped Complaint. */
    trigger: z.enum(['business-type', 'during-service']),
  }),
  /** One complaint step's outcome: done, skipped with a reason, or not applicable. */
  z.object({
    type: z.literal('complaint-step'),
    stepId: ComplaintStepIdSchema,
    outcome: z.enum(['done', 'skipped', 'na']),
    reason: z.nullable(SkipReasonSchema),
    note: z.string().check(z.maxLength(200)),
  }),
  z.object({
    type: z.literal('complaint-recorded'),
    category: ComplaintCategorySchema,
    summary: ComplaintSummarySchema,
    outcome: ComplaintOutcomeSchema,
  }),
  /** By the manager named in the escalation, right after it, on the same device. */
  z.object({ type: z.literal('escalation-confirmed') }),
  z.object({
    type: z.literal('follow-up-closed'),
    /** The service whose complaint promised the follow-up. */
    target: z.uuid(),
    result: FollowUpResultSchema,
    note: z.string().check(z.trim(), z.maxLength(200)),
  }),
] as const;

export const COMPLAINT_EVENT_TYPES: ReadonlySet<string> = new Set(
  COMPLAINT_EVENTS.map((schema) => literalOf(schema.shape.type)),
);

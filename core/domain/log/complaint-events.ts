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
import { CommitmentSchema } from './personal';

/**
 * The complaint events with their free text (`note`, `summary`) as the given schemas: a commitment
 * or the text as stored, the text or null (not held) as read back (personal.ts).
 */
export const complaintEvents = <
  N extends z.ZodMiniType,
  T extends z.ZodMiniType,
  S extends z.ZodMiniType,
>(
  note: N,
  trimmedNote: T,
  summary: S,
) =>
  [
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
      note,
    }),
    z.object({
      type: z.literal('complaint-recorded'),
      category: ComplaintCategorySchema,
      summary,
      outcome: ComplaintOutcomeSchema,
    }),
    /** By the manager named in the escalation, right after it, on the same device. */
    z.object({ type: z.literal('escalation-confirmed') }),
    z.object({
      type: z.literal('follow-up-closed'),
      /** The service whose complaint promised the follow-up. */
      target: z.uuid(),
      result: FollowUpResultSchema,
      note: trimmedNote,
    }),
  ] as const;

/** A note as written: up to 200 characters. */
export const NoteSchema = z.string().check(z.maxLength(200));
/** A note trimmed first (follow-up and spot-check notes). */
export const TrimmedNoteSchema = z.string().check(z.trim(), z.maxLength(200));

/** As stored: each free text is the text (before the rule) or its commitment (personal.ts). */
export const COMPLAINT_EVENTS = complaintEvents(
  z.union([NoteSchema, CommitmentSchema]),
  z.union([TrimmedNoteSchema, CommitmentSchema]),
  z.union([ComplaintSummarySchema, CommitmentSchema]),
);
/** As read back: the text, or null where it is not held. */
export const RECORDED_COMPLAINT_EVENTS = complaintEvents(
  z.nullable(NoteSchema),
  z.nullable(TrimmedNoteSchema),
  z.nullable(ComplaintSummarySchema),
);

export const COMPLAINT_EVENT_TYPES: ReadonlySet<string> = new Set(
  COMPLAINT_EVENTS.map((schema) => literalOf(schema.shape.type)),
);

/**
 * A complaint's record: its category, a short summary and the outcome. The summary is about the
 * problem, never the person: a phone number or an ID number in it is refused (by the command and
 * by the event's schema, so a forged record fails verification too), and the refusal says why.
 */
import { literalOf, z } from '../zod';
import { StaffNumberSchema } from '../catalog';

export const COMPLAINT_CATEGORIES = [
  'billing',
  'network',
  'product',
  'staff-attitude',
  'waiting-time',
  'other',
] as const;
export const ComplaintCategorySchema = z.enum(COMPLAINT_CATEGORIES);
export type ComplaintCategory = z.infer<typeof ComplaintCategorySchema>;

export const MAX_SUMMARY = 200;

export type SummaryProblem = 'empty' | 'too-long' | 'phone-number' | 'id-number';

/**
 * What is wrong with a summary, or null. Digits are read through spaces, hyphens and dots
 * (138 0013 8000); full-width digits count as digits. An ID number: 15 digits, or 17 and a check
 * digit or X (身份证号). A phone number: any other run of 7 digits or more (a mobile has 11, a
 * landline 7–8 plus its area code).
 */
export function summaryProblem(input: string): SummaryProblem | null {
  const text = input.trim();
  if (text === '') return 'empty';
  if (text.length > MAX_SUMMARY) return 'too-long';
  const halfWidth = text.replace(/[０-９Ｘｘ]/g, (char) =>
    String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
  for (const match of halfWidth.matchAll(/\d(?:[\d\s.-]*[\dXx])?/g)) {
    const digits = match[0].replace(/[\s.-]/g, '');
    if (/^\d{17}[\dXx]$/.test(digits) || /^\d{15}$/.test(digits)) return 'id-number';
    if (/^\d{7,}$/.test(digits.replace(/[Xx]$/, ''))) return 'phone-number';
  }
  return null;
}

export const ComplaintSummarySchema = z
  .string()
  .check(
    z.refine((text) => summaryProblem(text) === null, 'no phone or ID numbers, 1–200 characters'),
  );

/** A business day (YYYY-MM-DD) by which someone follows the complaint up. */
const DueSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const ComplaintOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('resolved') }),
  /**
   * Handed to the manager on duty, who confirms with their own PIN (their own record); `due` when
   * a follow-up is promised as well (the manager takes it over, someone calls back by then).
   */
  z.object({
    kind: z.literal('escalated'),
    manager: StaffNumberSchema,
    due: z.optional(DueSchema),
  }),
  z.object({ kind: z.literal('follow-up'), due: DueSchema }),
]);
export type ComplaintOutcome = z.infer<typeof ComplaintOutcomeSchema>;
export type OutcomeKind = ComplaintOutcome['kind'];
/** The outcomes' kinds, in the schema's order. */
export const OUTCOME_KINDS: readonly OutcomeKind[] = ComplaintOutcomeSchema.def.options.map(
  (option) => literalOf(option.shape.kind),
);

/** The day a follow-up was promised by, whether on its own or with an escalation; else null. */
export const promisedDue = (outcome: ComplaintOutcome): string | null =>
  outcome.kind === 'resolved' ? null : (outcome.due ?? null);

export const FollowUpResultSchema = z.enum(['resolved', 'not-resolved', 'customer-unreachable']);
export type FollowUpResult = z.infer<typeof FollowUpResultSchema>;

/** What the clerk's complaint form holds (the act step); the manager's PIN travels apart. */
export interface ComplaintRecord {
  category: ComplaintCategory;
  summary: string;
  outcome: ComplaintOutcome;
}

/**
 * The lists a service refers to by code: business types with their target durations, skip
 * reasons, recommendable offers, customer titles. Codes go into the log; labels come from i18n.
 * These are the built-in defaults; a manager's configuration (config events) can replace the lists.
 */
import { z } from './zod';

export const TitleSchema = z.enum(['mr', 'ms']);
export type Title = z.infer<typeof TitleSchema>;

/** A code a list entry is logged under: lowercase letters, digits and hyphens. */
export const CodeSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{1,31}$/));

/** A configured entry's name in each language (built-in entries are named by i18n instead). */
const Label = z.string().check(z.trim(), z.minLength(1), z.maxLength(40));
export const LabelsSchema = z.nullable(z.object({ 'zh-CN': Label, 'zh-TW': Label, en: Label }));

export const BusinessTypeSchema = z.object({
  code: CodeSchema,
  targetSeconds: z.int().check(z.gte(60), z.lte(4 * 3600)),
  labels: z._default(LabelsSchema, null),
});
export type BusinessType = z.infer<typeof BusinessTypeSchema>;

export const DEFAULT_BUSINESS_TYPES: readonly BusinessType[] = z.array(BusinessTypeSchema).parse([
  { code: 'new-subscription', targetSeconds: 15 * 60 }, // 入网
  { code: 'bill-payment', targetSeconds: 3 * 60 }, // 缴费
  { code: 'number-selection', targetSeconds: 10 * 60 }, // 选号
  { code: 'plan-change', targetSeconds: 8 * 60 }, // 套餐变更
  { code: 'sim-service', targetSeconds: 8 * 60 }, // 补换卡
  { code: 'enquiry', targetSeconds: 5 * 60 }, // 咨询
  { code: 'complaint', targetSeconds: 15 * 60 }, // 投诉
]);

/** A listed entry managers can add to or rename: a skip reason, an offer. */
export const ListEntrySchema = z.object({
  code: CodeSchema,
  labels: z._default(LabelsSchema, null),
});
export type ListEntry = z.infer<typeof ListEntrySchema>;

/** The built-in skip reasons; "other" (which needs a note) is always there. */
export const SKIP_REASONS = [
  'customer-declined',
  'customer-in-hurry',
  'not-possible-now',
  'forgot',
  'other',
] as const;
/** A skip reason's code: a built-in one or one a manager configured. */
export const SkipReasonSchema = CodeSchema;
export type SkipReason = z.infer<typeof SkipReasonSchema>;

export const OFFERS = ['5g-plan', 'broadband', 'data-pack', 'family-plan', 'e-billing'] as const;
export const OfferSchema = CodeSchema;
export type Offer = z.infer<typeof OfferSchema>;

const builtIn = (codes: readonly string[]): ListEntry[] =>
  codes.map((code) => ({ code, labels: null }));
export const DEFAULT_SKIP_REASONS: readonly ListEntry[] = builtIn(SKIP_REASONS);
export const DEFAULT_OFFERS: readonly ListEntry[] = builtIn(OFFERS);

export const RecommendationResponseSchema = z.enum(['accepted', 'interested', 'declined']);
export type RecommendationResponse = z.infer<typeof RecommendationResponseSchema>;

export const AbandonReasonSchema = z.enum(['customer-left', 'no-business']);
export type AbandonReason = z.infer<typeof AbandonReasonSchema>;

/** Queue tickets look like A025, B7 or 103: up to two letters and up to four digits. */
export const TicketSchema = z.string().check(z.regex(/^[A-Z]{0,2}\d{1,4}$/));

export const CounterSchema = z.string().check(z.regex(/^[A-Za-z0-9-]{1,8}$/));
export const StaffNumberSchema = z.string().check(z.regex(/^[A-Za-z0-9]{3,12}$/));

/** The ticket after this one, keeping the letter prefix and zero padding: A025 → A026, A999 → A1000. */
export function nextTicket(ticket: string): string {
  const match = /^([A-Z]{0,2})(\d{1,4})$/.exec(ticket);
  if (!match) return ticket;
  const [, prefix = '', digits = '0'] = match;
  const next = String((Number(digits) + 1) % 10_000).padStart(digits.length, '0');
  return `${prefix}${next}`;
}

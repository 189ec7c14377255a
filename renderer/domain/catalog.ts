/**
 * The lists a service refers to by code: business types with their target durations, skip
 * reasons, recommendable offers, customer titles. Codes go into the log; labels come from i18n.
 * These are the built-in defaults; a manager's configuration (config events) can replace the lists.
 */
import { z } from 'zod';

export const TitleSchema = z.enum(['mr', 'ms']);
export type Title = z.infer<typeof TitleSchema>;

export const BusinessTypeSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,31}$/),
  targetSeconds: z
    .number()
    .int()
    .min(60)
    .max(4 * 3600),
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

export const SKIP_REASONS = [
  'customer-declined',
  'customer-in-hurry',
  'not-possible-now',
  'forgot',
  'other',
] as const;
export const SkipReasonSchema = z.enum(SKIP_REASONS);
export type SkipReason = z.infer<typeof SkipReasonSchema>;

export const OFFERS = ['5g-plan', 'broadband', 'data-pack', 'family-plan', 'e-billing'] as const;
export const OfferSchema = z.enum(OFFERS);
export type Offer = z.infer<typeof OfferSchema>;

export const RecommendationResponseSchema = z.enum(['accepted', 'interested', 'declined']);
export type RecommendationResponse = z.infer<typeof RecommendationResponseSchema>;

export const AbandonReasonSchema = z.enum(['customer-left', 'no-business']);
export type AbandonReason = z.infer<typeof AbandonReasonSchema>;

/** Queue tickets look like A025, B7 or 103: up to two letters and up to four digits. */
export const TicketSchema = z.string().regex(/^[A-Z]{0,2}\d{1,4}$/);

export const CounterSchema = z.string().regex(/^[A-Za-z0-9-]{1,8}$/);
export const StaffNumberSchema = z.string().regex(/^[A-Za-z0-9]{3,12}$/);

/** The ticket after this one, keeping the letter prefix and zero padding: A025 → A026, A999 → A1000. */
export function nextTicket(ticket: string): string {
  const match = /^([A-Z]{0,2})(\d{1,4})$/.exec(ticket);
  if (!match) return ticket;
  const [, prefix = '', digits = '0'] = match;
  const next = String((Number(digits) + 1) % 10_000).padStart(digits.length, '0');
  return `${prefix}${next}`;
}

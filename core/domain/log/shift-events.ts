/**
 * The events around the services (issue 25): the opening check of appearance and counter — the
 * clerk's own (自查) or someone else's (抽查, 互查, 暗访) — an item found Not OK put right, and the
 * handover note for the next clerk at the counter, its acknowledgement and its items closed.
 * Every check copies each item's code, version and text into its record: what a check meant never
 * depends on the list as it is configured later.
 */
import { literalOf, z } from '../zod';
import { CodeSchema, StaffNumberSchema } from '../catalog';
import { ItemTextSchema, OpeningPartSchema } from '../shift/opening-items';

export const OpeningCheckKindSchema = z.enum([
  'self',
  'spot-check',
  'mutual-check',
  'mystery-visit',
]);
export type OpeningCheckKind = z.infer<typeof OpeningCheckKindSchema>;
export const OpeningResultSchema = z.enum(['ok', 'not-ok']);
export type OpeningResult = z.infer<typeof OpeningResultSchema>;

export const CheckedItemSchema = z.object({
  code: CodeSchema,
  part: OpeningPartSchema,
  version: z.int().check(z.gte(1), z.lte(1000)),
  text: ItemTextSchema,
  result: OpeningResultSchema,
  note: z.string().check(z.trim(), z.maxLength(200)),
});
export type CheckedItem = z.infer<typeof CheckedItemSchema>;

export const HANDOVER_NOTE_MAX = 500;
export const HANDOVER_ITEM_MAX = 120;
export const HANDOVER_ITEMS_MAX = 10;

export const SHIFT_EVENTS = [
  z.object({
    type: z.literal('opening-check-recorded'),
    /** Whose appearance and counter were checked (the record's author is who checked). */
    subject: StaffNumberSchema,
    kind: OpeningCheckKindSchema,
    items: z.array(CheckedItemSchema).check(z.minLength(1), z.maxLength(40)),
  }),
  /** An item a check found Not OK, put right by its clerk or acknowledged by a manager. */
  z.object({
    type: z.literal('opening-item-resolved'),
    subject: StaffNumberSchema,
    /** The record of the check that found it. */
    checkSeq: z.int().check(z.positive()),
    code: CodeSchema,
    how: z.enum(['fixed', 'acknowledged']),
  }),
  /** At sign-out: what the next clerk at this counter needs to know, and items still pending. */
  z.object({
    type: z.literal('handover-written'),
    note: z.string().check(z.trim(), z.maxLength(HANDOVER_NOTE_MAX)),
    items: z
      .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(HANDOVER_ITEM_MAX)))
      .check(z.maxLength(HANDOVER_ITEMS_MAX)),
  }),
  /** The next person at the counter read it (the record's author). */
  z.object({ type: z.literal('handover-acknowledged'), handoverSeq: z.int().check(z.positive()) }),
  /** A carried-over item done: which handover, which of its items. */
  z.object({
    type: z.literal('handover-item-closed'),
    handoverSeq: z.int().check(z.positive()),
    index: z.int().check(z.gte(0), z.lt(HANDOVER_ITEMS_MAX)),
    note: z.string().check(z.trim(), z.maxLength(200)),
  }),
] as const;

export const SHIFT_EVENT_TYPES: ReadonlySet<string> = new Set(
  SHIFT_EVENTS.map((schema) => literalOf(schema.shape.type)),
);

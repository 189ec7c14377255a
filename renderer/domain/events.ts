/**
 * Everything that can happen, as the log records it. A `DomainEvent` is what the engine decides;
 * a `LogRecord` wraps it with who, where, when, its place in the device's sequence and its link
 * in the hash chain. Records are read back through `LogRecordSchema`: nothing unvalidated
 * reaches the screens.
 */
import { z } from 'zod';
import {
  AbandonReasonSchema,
  CounterSchema,
  OfferSchema,
  RecommendationResponseSchema,
  SkipReasonSchema,
  StaffNumberSchema,
  SurnameSchema,
  TicketSchema,
  TitleSchema,
} from './catalog';
import { StepIdSchema } from './flow-definition';
import { MAX_FEN } from './money';
import { RoleSchema } from './permissions';
import { ShiftSummarySchema } from './shift-summary';

const Fen = z.number().int().min(0).max(MAX_FEN);
const Millis = z.number().int().min(0);

export const DomainEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('device-set-up'), counter: CounterSchema }),
  // Accounts and access. The subject's staff number is in the payload; the record's own staffNo
  // says who did it (the manager creating an account, the person signing in).
  z.object({ type: z.literal('account-created'), subject: StaffNumberSchema, role: RoleSchema }),
  z.object({ type: z.literal('account-disabled'), subject: StaffNumberSchema }),
  z.object({ type: z.literal('account-enabled'), subject: StaffNumberSchema }),
  z.object({
    type: z.literal('pin-set'),
    subject: StaffNumberSchema,
    reason: z.enum(['created', 'changed', 'reset']),
  }),
  z.object({
    type: z.literal('signed-in'),
    role: RoleSchema,
    /** The session this sign-in ended, when someone else was signed in on this device. */
    replaced: StaffNumberSchema.nullable(),
  }),
  z.object({
    type: z.literal('sign-in-failed'),
    subject: StaffNumberSchema,
    reason: z.enum(['wrong-pin', 'unknown-account', 'account-disabled', 'waiting', 'not-allowed']),
    during: z.enum(['sign-in', 'unlock', 'pin-change']),
    failuresInARow: z.number().int().min(0),
  }),
  z.object({
    type: z.literal('account-locked-out'),
    subject: StaffNumberSchema,
    failuresInARow: z.number().int().positive(),
    waitMs: z.number().int().positive(),
  }),
  z.object({ type: z.literal('signed-out'), summary: ShiftSummarySchema }),
  z.object({ type: z.literal('screen-locked'), reason: z.enum(['idle', 'leave-seat', 'manual']) }),
  z.object({ type: z.literal('screen-unlocked'), as: z.enum(['self', 'manager']) }),
  z.object({
    type: z.literal('config-changed'),
    idleLockMinutes: z.number().int().min(1).max(60),
  }),
  z.object({
    type: z.literal('service-started'),
    ticket: TicketSchema,
    title: TitleSchema,
    surname: SurnameSchema.nullable(),
    businessType: z.string().min(1).max(32),
    targetSeconds: z.number().int().positive(),
  }),
  z.object({ type: z.literal('customer-named'), surname: SurnameSchema }),
  z.object({ type: z.literal('step-done'), stepId: StepIdSchema }),
  z.object({
    type: z.literal('step-skipped'),
    stepId: StepIdSchema,
    reason: SkipReasonSchema,
    note: z.string().max(200),
  }),
  z.object({
    type: z.literal('step-not-applicable'),
    stepId: StepIdSchema,
    /** true when finishing recorded a conditional step whose condition never occurred. */
    auto: z.boolean(),
  }),
  z.object({ type: z.literal('seat-left') }),
  z.object({ type: z.literal('seat-returned'), absenceMs: Millis }),
  z.object({
    type: z.literal('money-announced'),
    dueFen: Fen,
    receivedFen: Fen,
    changeFen: Fen,
  }),
  z.object({
    type: z.literal('recommendation-recorded'),
    offer: OfferSchema,
    response: RecommendationResponseSchema,
  }),
  z.object({ type: z.literal('next-called'), nextTicket: TicketSchema }),
  z.object({ type: z.literal('service-finished'), durationMs: Millis }),
  z.object({
    type: z.literal('service-abandoned'),
    reason: AbandonReasonSchema,
    durationMs: Millis,
  }),
]);
export type DomainEvent = z.infer<typeof DomainEventSchema>;
export type DomainEventType = DomainEvent['type'];

export const HashSchema = z.string().regex(/^[0-9a-f]{64}$/);
export const GENESIS_HASH = '0'.repeat(64);

export const LogRecordSchema = z
  .object({
    v: z.literal(1),
    seq: z.number().int().positive(),
    id: z.string().uuid(),
    /** Wall-clock time, ISO 8601 UTC. */
    at: z.string().datetime(),
    /**
     * Milliseconds since this page load (`boot`) began, from the monotonic clock. Within one boot,
     * a gap between `at` deltas and `mono.ms` deltas shows the wall clock was changed.
     */
    mono: z.object({ boot: z.string().min(1).max(64), ms: z.number().int().min(0) }),
    staffNo: StaffNumberSchema,
    counter: CounterSchema,
    serviceId: z.string().uuid().nullable(),
    event: DomainEventSchema,
    prevHash: HashSchema,
    hash: HashSchema,
  })
  .strict();
export type LogRecord = z.infer<typeof LogRecordSchema>;
export type UnsealedRecord = Omit<LogRecord, 'hash'>;

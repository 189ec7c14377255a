/**
 * Everything that can happen, as the log records it. `DomainEvent` is what the domain decides and
 * the app writes today (log schema v2). `RecordedEvent` is what reading the log can give back: the
 * same shapes, except where a record written by schema v1 lacked a field that v2 has (see
 * records.ts, which restores v1 records into these shapes).
 */
import { literalOf, z } from '../zod';
import {
  AbandonReasonSchema,
  CounterSchema,
  OfferSchema,
  RecommendationResponseSchema,
  SkipReasonSchema,
  StaffNumberSchema,
  TicketSchema,
  TitleSchema,
} from '../catalog';
import { ConfigChangeSchema } from '../device/config';
import { StepIdSchema } from '../flow/flow-definition';
import {
  COMPLAINT_EVENTS,
  COMPLAINT_EVENT_TYPES,
  NoteSchema,
  RECORDED_COMPLAINT_EVENTS,
  TrimmedNoteSchema,
} from './complaint-events';
import { CommitmentSchema } from './personal';
import { SHIFT_EVENTS, SHIFT_EVENT_TYPES } from './shift-events';
import { MAX_FEN } from '../money';
import { RoleSchema } from '../permissions';
import { SurnameSchema } from '../surname';

export const HashSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/));
export const GENESIS_HASH = '0'.repeat(64);

const Fen = z.int().check(z.gte(0), z.lte(MAX_FEN));
const Millis = z.int().check(z.gte(0));
const Count = z.int().check(z.gte(0));

/** A public key as JWK: Ed25519 (OKP) where the platform has it, else ECDSA P-256 (EC). */
export const PublicKeyJwkSchema = z.union([
  z.object({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string().check(z.minLength(1), z.maxLength(100)),
  }),
  z.object({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string().check(z.minLength(1), z.maxLength(100)),
    y: z.string().check(z.minLength(1), z.maxLength(100)),
  }),
]);
export type PublicKeyJwk = z.infer<typeof PublicKeyJwkSchema>;

/** Where a customer's rating was given (rating-proof.ts). */
export const RATING_SOURCES = ['display', 'counter-screen'] as const;
export const RatingSourceSchema = z.enum(RATING_SOURCES);
export type RatingSource = z.infer<typeof RatingSourceSchema>;

const Signature = z.string().check(z.regex(/^[A-Za-z0-9_-]{40,200}$/));

export const DisplayProofSchema = z.strictObject({
  /** The display's public key. */
  key: PublicKeyJwkSchema,
  /** The index of the device key (in force at the rating) that vouches for the display key. */
  keyIndex: z.int().check(z.gte(0)),
  attestation: Signature,
  signature: Signature,
});
export type DisplayProof = z.infer<typeof DisplayProofSchema>;

/** The clerk's self-check at sign-out (自查), kept in the signed-out event. */
const shiftSummary = <N extends z.ZodMiniType>(notReached: N) =>
  z.object({
    services: Count,
    finished: Count,
    abandoned: Count,
    /** Steps done, and steps that applied (done or skipped) in ended services. */
    stepsDone: Count,
    stepsApplicable: Count,
    /** Every-customer steps never reached because the service ended early; not in the ratio. */
    stepsNotReached: notReached,
    averageMs: z.nullable(Count),
    skips: Count,
    skipReasons: z.partialRecord(SkipReasonSchema, z.int().check(z.positive())),
  });
export const ShiftSummarySchema = shiftSummary(Count);
/** v1 summaries counted steps never reached as applicable and did not count them apart. */
export const RecordedShiftSummarySchema = shiftSummary(z.nullable(Count));
export type ShiftSummary = z.infer<typeof RecordedShiftSummarySchema>;

const pinSet = <C extends z.ZodMiniType>(commitment: C) =>
  z.object({
    type: z.literal('pin-set'),
    subject: StaffNumberSchema,
    reason: z.enum(['created', 'changed', 'reset']),
    /**
     * SHA-256 over the new credential's algorithm, iterations, salt and derived key (never the key
     * itself). A stored credential is used only if it matches the latest commitment for its owner.
     */
    commitment,
    /**
     * The public half of the signing key the new PIN unlocks (decision 0063): every record that
     * carries this person's authority from here on is signed with it. Absent before 0063.
     */
    personKey: z.optional(PublicKeyJwkSchema),
  });

const signedOut = <S extends z.ZodMiniType>(summary: S) =>
  z.object({
    type: z.literal('signed-out'),
    /** `replaced`: someone signed in over this locked session, which ends it. */
    reason: z.enum(['self', 'replaced']),
    /** A service left open (an auditor signing out, a session replaced): it stays resumable. */
    openServiceId: z.nullable(z.uuid()),
    summary,
  });

const serviceStarted = <S extends z.ZodMiniType>(surname: S) =>
  z.object({
    type: z.literal('service-started'),
    ticket: TicketSchema,
    title: TitleSchema,
    surname,
    businessType: z.string().check(z.minLength(1), z.maxLength(32)),
    targetSeconds: z.int().check(z.positive()),
  });
const customerNamed = <S extends z.ZodMiniType>(surname: S) =>
  z.object({ type: z.literal('customer-named'), surname });
/**
 * A personal value as stored: the value itself in records written before the privacy rule, its
 * salted commitment after (personal.ts, decision 0068).
 */
const committed = <S extends z.ZodMiniType>(plain: S) => z.union([plain, CommitmentSchema]);
const ServiceStartedSchema = serviceStarted(z.nullable(committed(SurnameSchema)));
const CustomerNamedSchema = customerNamed(committed(SurnameSchema));

/** A business day, as the store's day boundary and time zone make it. */
export const BusinessDaySchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** What a manager can correct in a service after the fact (an amendment never edits a record). */
export const AmendmentSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('business-type'),
    businessType: z.string().check(z.minLength(1), z.maxLength(32)),
  }),
  /** A step recorded wrongly: what should have been recorded (`pending`: no outcome at all). */
  z.object({
    kind: z.literal('step'),
    stepId: StepIdSchema,
    outcome: z.enum(['done', 'skipped', 'na', 'pending']),
    skipReason: z.nullable(SkipReasonSchema),
  }),
]);
export type Amendment = z.infer<typeof AmendmentSchema>;

/** The customer's answer to "how was our service?" on the customer display. */
export const RatingSchema = z.enum(['satisfied', 'neutral', 'dissatisfied', 'unanswered']);
export type Rating = z.infer<typeof RatingSchema>;
export const RATING_REASONS = [
  'waited-too-long',
  'not-solved',
  'attitude',
  'unclear',
  'other',
] as const;
export const RatingReasonSchema = z.enum(RATING_REASONS);

/** What an observer saw of a step (spot-check 抽查, mystery visit 暗访, mutual check 互查). */
export const ObservationSchema = z.enum(['done', 'skipped', 'na', 'not-seen']);
export type Observation = z.infer<typeof ObservationSchema>;
export const SpotCheckKindSchema = z.enum(['spot-check', 'mystery-visit', 'mutual-check']);

/** A day's (or range's) log taken off the device: by whom (the record's author) and its digests. */
export const ExportMadeSchema = z.object({
  type: z.literal('export-made'),
  from: BusinessDaySchema,
  to: BusinessDaySchema,
  firstSeq: z.int().check(z.positive()),
  lastSeq: z.int().check(z.positive()),
  masked: z.boolean(),
  manifestSha256: HashSchema,
  files: z
    .array(
      z.object({ name: z.string().check(z.minLength(1), z.maxLength(64)), sha256: HashSchema }),
    )
    .check(z.maxLength(12)),
});

/**
 * A manager erased the personal values kept beside the log (personal.ts) for records written
 * before `before` (`olderThanDays` days before this record): their commitments stay in the
 * records, so every hash still holds; only the values and their salts are gone.
 */
export const PersonalValuesErasedSchema = z.object({
  type: z.literal('personal-values-erased'),
  olderThanDays: z.int().check(z.gte(1), z.lte(3650)),
  before: z.iso.datetime(),
});

/** Another counter's log added to this device, read-only, from its export. */
export const LogImportedSchema = z.object({
  type: z.literal('log-imported'),
  device: z.uuid(),
  counter: z.nullable(CounterSchema),
  firstSeq: z.int().check(z.positive()),
  lastSeq: z.int().check(z.positive()),
  manifestSha256: HashSchema,
});

/** Event shapes that are the same in every schema version. */
const personalEvents = <
  N extends z.ZodMiniType,
  T extends z.ZodMiniType,
  S extends z.ZodMiniType,
  C extends z.ZodMiniType,
>(
  note: N,
  trimmedNote: T,
  surname: S,
  namedSurname: C,
) =>
  [
    /** What an observer saw of a service, step by step, beside what the clerk recorded. */
    z.object({
      type: z.literal('spot-check-recorded'),
      target: z.uuid(),
      kind: SpotCheckKindSchema,
      observations: z.partialRecord(StepIdSchema, ObservationSchema),
      note: trimmedNote,
    }),
    serviceStarted(surname),
    customerNamed(namedSurname),
    z.object({
      type: z.literal('step-skipped'),
      stepId: StepIdSchema,
      reason: SkipReasonSchema,
      note,
    }),
  ] as const;

/** As stored: each personal value is the value (before the rule) or its commitment. */
const STORED_PERSONAL = personalEvents(
  committed(NoteSchema),
  committed(TrimmedNoteSchema),
  z.nullable(committed(SurnameSchema)),
  committed(SurnameSchema),
);
/** As read back: the value, or null where it is not held (erased, masked, never sent). */
const RECORDED_PERSONAL = personalEvents(
  z.nullable(NoteSchema),
  z.nullable(TrimmedNoteSchema),
  z.nullable(SurnameSchema),
  z.nullable(SurnameSchema),
);

const UNCHANGED = [
  // The device itself (records with no staff number).
  z.object({
    type: z.literal('device-identity'),
    deviceId: z.uuid(),
    algorithm: z.enum(['Ed25519', 'ECDSA-P256']),
    publicKey: PublicKeyJwkSchema,
  }),
  z.object({
    type: z.literal('log-upgraded'),
    fromSchema: z.literal(1),
    /** Commitments to the credentials in force at the upgrade (v1 logs had none). */
    credentials: z
      .array(z.object({ subject: StaffNumberSchema, commitment: HashSchema }))
      .check(z.maxLength(500)),
  }),
  z.object({
    type: z.literal('checkpoint'),
    reason: z.enum(['sign-out', 'day-close', 'every-n', 'export', 'upgrade', 'restore']),
    /** The record before this one, which the signature seals. */
    upToSeq: z.int().check(z.gte(0)),
    upToHash: HashSchema,
    /** Which key signed: 0 is the key in device-identity, n the one named by checkpoint n. */
    keyIndex: z.int().check(z.gte(0)),
    nextKey: PublicKeyJwkSchema,
    signature: z.string().check(z.regex(/^[A-Za-z0-9_-]{40,200}$/)),
  }),
  /**
   * A replaced tablet took over a device's log from its backup: the log continues here, under a
   * new device id and a new key chain (the old private keys never leave a device). Nothing before
   * this record can be signed again by the new keys.
   */
  z.object({
    type: z.literal('device-restored'),
    previousDevice: z.uuid(),
    deviceId: z.uuid(),
    algorithm: z.enum(['Ed25519', 'ECDSA-P256']),
    publicKey: PublicKeyJwkSchema,
  }),
  z.object({ type: z.literal('device-set-up'), counter: CounterSchema }),
  // Accounts and access. The subject's staff number is in the payload; the record's own staffNo
  // says who did it (the manager creating an account, the person signing in).
  z.object({ type: z.literal('account-created'), subject: StaffNumberSchema, role: RoleSchema }),
  z.object({ type: z.literal('account-disabled'), subject: StaffNumberSchema }),
  z.object({ type: z.literal('account-enabled'), subject: StaffNumberSchema }),
  z.object({ type: z.literal('signed-in'), role: RoleSchema }),
  z.object({
    type: z.literal('sign-in-failed'),
    subject: StaffNumberSchema,
    reason: z.enum([
      'wrong-pin',
      'unknown-account',
      'account-disabled',
      'waiting',
      'not-allowed',
      'credential-mismatch',
    ]),
    during: z.enum(['sign-in', 'unlock', 'pin-change', 'escalation']),
    failuresInARow: Count,
  }),
  z.object({
    type: z.literal('account-locked-out'),
    subject: StaffNumberSchema,
    failuresInARow: z.int().check(z.positive()),
    waitMs: z.int().check(z.positive()),
  }),
  z.object({ type: z.literal('screen-locked'), reason: z.enum(['idle', 'leave-seat', 'manual']) }),
  z.object({ type: z.literal('screen-unlocked'), as: z.enum(['self', 'manager']) }),
  z.object({ type: z.literal('config-changed'), change: ConfigChangeSchema }),
  ExportMadeSchema,
  LogImportedSchema,
  PersonalValuesErasedSchema,
  /**
   * The customer's rating of the service that just ended (a device record: the customer is
   * nobody's staff number); `unanswered` when the question timed out. `source` says where it was
   * given and `proof` proves a display's (rating-proof.ts); none on records before sources were.
   */
  z.object({
    type: z.literal('service-rated'),
    rating: RatingSchema,
    reasons: z.array(RatingReasonSchema).check(z.maxLength(5)),
    source: z.optional(RatingSourceSchema),
    proof: z.optional(DisplayProofSchema),
  }),
  /** A manager's correction of a service, with the reason; the service's own records stay. */
  z.object({
    type: z.literal('service-amended'),
    target: z.uuid(),
    change: AmendmentSchema,
    reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  }),
  // A service.
  z.object({ type: z.literal('step-done'), stepId: StepIdSchema }),
  z.object({
    type: z.literal('step-not-applicable'),
    stepId: StepIdSchema,
    /** true when finishing recorded a conditional step whose condition never occurred. */
    auto: z.boolean(),
  }),
  z.object({ type: z.literal('seat-left') }),
  z.object({ type: z.literal('seat-returned'), absenceMs: Millis }),
  z.object({ type: z.literal('money-announced'), dueFen: Fen, receivedFen: Fen, changeFen: Fen }),
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
] as const;

/** What the app writes (schema v2). */
export const DomainEventSchema = z.discriminatedUnion('type', [
  ...UNCHANGED,
  ...STORED_PERSONAL,
  ...COMPLAINT_EVENTS,
  ...SHIFT_EVENTS,
  pinSet(HashSchema),
  signedOut(ShiftSummarySchema),
]);
export type DomainEvent = z.infer<typeof DomainEventSchema>;

/** What reading any schema version gives back (see records.ts). */
export const RecordedEventSchema = z.discriminatedUnion('type', [
  ...UNCHANGED,
  ...RECORDED_PERSONAL,
  ...RECORDED_COMPLAINT_EVENTS,
  ...SHIFT_EVENTS,
  pinSet(z.nullable(HashSchema)),
  signedOut(RecordedShiftSummarySchema),
]);
export type RecordedEvent = z.infer<typeof RecordedEventSchema>;
export type EventType = RecordedEvent['type'];
export type EventOf<T extends EventType> = Extract<RecordedEvent, { type: T }>;
export type CheckpointReason = EventOf<'checkpoint'>['reason'];

/** The v1 shapes of the events that changed in v2, for reading old records (records.ts). */
const V1_CHANGED_EVENTS = {
  'pin-set': z.omit(pinSet(HashSchema), { commitment: true }),
  'signed-out': z.object({
    type: z.literal('signed-out'),
    summary: z.omit(RecordedShiftSummarySchema, { stepsNotReached: true }),
  }),
  'signed-in': z.object({
    type: z.literal('signed-in'),
    role: RoleSchema,
    replaced: z.nullable(StaffNumberSchema),
  }),
  'config-changed': z.object({
    type: z.literal('config-changed'),
    idleLockMinutes: z.int().check(z.gte(1), z.lte(60)),
  }),
  // v1 kept whatever its looser surname rule let through (up to four Chinese characters).
  'service-started': z.extend(ServiceStartedSchema, {
    surname: z.nullable(z.string().check(z.maxLength(30))),
  }),
  'customer-named': z.extend(CustomerNamedSchema, { surname: z.string().check(z.maxLength(30)) }),
} as const;

/** Events that schema v1 did not have. */
const V2_ONLY: ReadonlySet<string> = new Set([
  'device-identity',
  'device-restored',
  'log-upgraded',
  'checkpoint',
  'export-made',
  'service-amended',
  'log-imported',
  'service-rated',
  'spot-check-recorded',
  'personal-values-erased',
]);

/** Every event as schema v1 wrote it (release 0.1.0). */
export const V1EventSchema = z.discriminatedUnion('type', [
  ...[...UNCHANGED, ...STORED_PERSONAL].filter(
    (schema) =>
      !V2_ONLY.has(literalOf(schema.shape.type)) &&
      !COMPLAINT_EVENT_TYPES.has(literalOf(schema.shape.type)) &&
      !SHIFT_EVENT_TYPES.has(literalOf(schema.shape.type)) &&
      !(literalOf(schema.shape.type) in V1_CHANGED_EVENTS),
  ),
  ...Object.values(V1_CHANGED_EVENTS),
] as unknown as [z.ZodMiniObject<{ type: z.ZodMiniLiteral<string> }>]);

type V1Changed = { [K in keyof typeof V1_CHANGED_EVENTS]: z.infer<(typeof V1_CHANGED_EVENTS)[K]> };

/** A v1 event in today's shape: what v1 did not record is null, never invented. */
export function restoreV1Event(event: { type: string }): RecordedEvent {
  switch (event.type) {
    case 'pin-set':
      return { ...(event as V1Changed['pin-set']), commitment: null };
    case 'signed-out': {
      const { summary } = event as V1Changed['signed-out'];
      return {
        type: 'signed-out',
        reason: 'self',
        openServiceId: null,
        summary: { ...summary, stepsNotReached: null },
      };
    }
    case 'signed-in': {
      const { role } = event as V1Changed['signed-in'];
      return { type: 'signed-in', role };
    }
    case 'config-changed': {
      const { idleLockMinutes } = event as V1Changed['config-changed'];
      return {
        type: 'config-changed',
        change: { key: 'idle-lock-minutes', value: idleLockMinutes },
      };
    }
    default:
      return event as RecordedEvent;
  }
}

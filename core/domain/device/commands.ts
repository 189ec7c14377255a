/**
 * Every command the app can ask of the domain, and what deciding one gives back. Commands carry raw
 * input (a typed staff number, a PIN, an amount in fen); the domain checks it. PINs never leave the
 * command path: the storage turns them into evidence (does it match? the new one's commitment)
 * before the domain decides.
 */
import { z } from '../zod';
import { AbandonReasonSchema, RecommendationResponseSchema, TitleSchema } from '../catalog';
import { ComplaintStepIdSchema } from '../flow/complaint-flow';
import { StepIdSchema } from '../flow/flow-definition';
import type { MonoStamp } from '../log/clock';
import type { CheckpointReason, DomainEvent, PublicKeyJwk } from '../log/events';
import type { KeyAlgorithm } from '../log/signing';
import type { Lockout } from '../access/lockout';
import { RoleSchema, type Role } from '../permissions';
import { err, ok, type Result } from '../result';
import { refusal, type Refusal } from '../refusal';
import type { ServiceCommand, ServiceState } from '../service/engine';

export type AccessCommand =
  | { type: 'first-run'; counter: string; staffNo: string; pin: string; confirmation: string }
  /**
   * After a backup was restored onto this (new) tablet: the log goes on here under a new device
   * id and key chain, and a manager from the log sets a new PIN (PINs never travel in a backup).
   */
  | { type: 'finish-restore'; staffNo: string; pin: string; confirmation: string }
  | { type: 'sign-in'; staffNo: string; pin: string }
  | { type: 'lock'; reason: 'idle' | 'manual' }
  /** `staffNo`: whose PIN unlocks; null for the signed-in person's own. */
  | { type: 'unlock'; staffNo: string | null; pin: string }
  | { type: 'sign-out' }
  | { type: 'change-own-pin'; currentPin: string; pin: string; confirmation: string }
  | { type: 'create-account'; staffNo: string; role: Role; pin: string; confirmation: string }
  | { type: 'reset-pin'; subject: string; pin: string; confirmation: string }
  | { type: 'set-account-enabled'; subject: string; enabled: boolean }
  /** `change` is validated by the domain (ConfigChangeSchema), so a form may send what it has. */
  | { type: 'change-config'; change: unknown };

export type AuditCommand =
  /** Before an export: a fresh signed checkpoint, so the export ends sealed. */
  | { type: 'seal-for-export' }
  /** After an export: who took which range off the device, with the files' digests. */
  | { type: 'record-export'; export: unknown }
  /** A manager's correction of an ended service, with the reason. */
  | { type: 'amend-service'; target: string; change: unknown; reason: string }
  /**
   * Erase the personal values (surnames, complaint summaries, notes) kept beside the log for
   * records older than `olderThanDays` days: the records keep their commitments, no hash changes.
   */
  | { type: 'erase-personal-values'; olderThanDays: number }
  /** Another counter's log was added to this device (the storage checked and stored it first). */
  | { type: 'record-import'; import: unknown }
  /** What an observer saw of a service (a clerk may record a mutual check of another's). */
  | {
      type: 'record-spot-check';
      target: string;
      kind: unknown;
      observations: unknown;
      note: string;
    }
  /** The customer's tap on the customer display (or its timeout). */
  | {
      type: 'rate-service';
      serviceId: string;
      rating: unknown;
      reasons: unknown;
      /** A display's proof (rating-proof.ts); none: the rating is the counter screen's. */
      proof?: unknown;
    }
  /** A manager closes a promised follow-up of a complaint, with what came of it. */
  | { type: 'close-follow-up'; target: string; result: string; note: string };

/** The routines around the services (shift/shift-handlers.ts). */
export type ShiftCommand =
  /** `results`: [{ code, result, note }] for the items asked now; the domain adds their texts. */
  | { type: 'record-opening-check'; subject: string; kind: unknown; results: unknown }
  /** An item found Not OK put right (by its clerk) or acknowledged (by a manager). */
  | { type: 'resolve-opening-item'; subject: string; checkSeq: number; code: string }
  | { type: 'write-handover'; note: string; items: string[] }
  | { type: 'acknowledge-handover'; handoverSeq: number }
  | { type: 'close-handover-item'; handoverSeq: number; index: number; note: string };

export type Command = AccessCommand | AuditCommand | ServiceCommand | ShiftCommand;
export type CommandType = Command['type'];

/** The result of checking a PIN typed for `staffNo`, worked out by the storage. */
export interface PinCheck {
  staffNo: string;
  verdict:
    | 'match'
    | 'mismatch'
    /** No account or no credential: answered as a wrong PIN, after the same PBKDF2 time. */
    | 'no-credential'
    /** The stored credential does not match the log's commitment: it was put there by hand. */
    | 'credential-mismatch';
  lockout: Lockout;
}

/** What the domain needs that only the storage or the platform can provide. */
export interface DecideEnv {
  now: number;
  /** The monotonic clock at `now` (durations are measured on it; see log/clock.ts). */
  mono?: MonoStamp | null;
  /** A fresh id, used when the command starts a service. */
  newId: string;
  pin?: PinCheck;
  /**
   * The commitment to the new PIN's credential (hashed only if the PIN met the rules), and the
   * public half of the signing key it unlocks (decision 0063).
   */
  newPin?: { commitment: string; personKey?: PublicKeyJwk };
  /** First run: the device id and first signing key the storage generated. */
  identity?: { deviceId: string; algorithm: KeyAlgorithm; publicKey: PublicKeyJwk };
  /** An amendment or a spot-check: the service it is about, folded from its records. */
  amendTarget?: ServiceState | null;
  /** The command comes from the customer display (Electron: its own window, known to main). */
  fromDisplay?: boolean;
  /** A rating's display proof, checked by the storage (rating-proof.ts); absent: none given. */
  ratingProof?: 'holds' | 'fails';
}

/** A record to append: the event, who did it (null: the device itself) and its service. */
export interface PlannedRecord {
  staffNo: string | null;
  serviceId: string | null;
  event: DomainEvent;
}

/**
 * A decision. A refusal can still come with records: a wrong PIN is refused and also logged. A
 * decision may also ask for a signed checkpoint after its records, whether or not one is due.
 */
export interface Decision {
  records: PlannedRecord[];
  refusal: Refusal | null;
  checkpoint?: CheckpointReason;
}

// ---------------------------------------------------------------------------------------------
// The shape of a command, checked before anything else

/**
 * Raw text from a form: any string up to a length no real input reaches. What the text must be (a
 * staff number, a ticket, a surname) is the deciders' to judge, with a reason of its own.
 */
const Text = z.string().check(z.maxLength(1000));
const Pin = z.string().check(z.maxLength(64));
/** An id a screen sends back (a service, the target of an amendment): compared, never trusted. */
const Id = z.string().check(z.maxLength(100));

const AnyStepIdSchema = z.union([StepIdSchema, ComplaintStepIdSchema]);

const serviceCommand = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), serviceId: Id, ...shape });

/**
 * Every command's shape: types, enumerations and lengths. A command that does not fit (a number
 * where text belongs, an unknown step or role, a megabyte of text, a missing field) is refused as
 * `invalid-command` before any decision, evidence or write: whatever sent it was not a screen.
 */
export const CommandSchema = z.discriminatedUnion('type', [
  // Access.
  z.object({
    type: z.literal('first-run'),
    counter: Text,
    staffNo: Text,
    pin: Pin,
    confirmation: Pin,
  }),
  z.object({ type: z.literal('finish-restore'), staffNo: Text, pin: Pin, confirmation: Pin }),
  z.object({ type: z.literal('sign-in'), staffNo: Text, pin: Pin }),
  z.object({ type: z.literal('lock'), reason: z.enum(['idle', 'manual']) }),
  z.object({ type: z.literal('unlock'), staffNo: z.nullable(Text), pin: Pin }),
  z.object({ type: z.literal('sign-out') }),
  z.object({ type: z.literal('change-own-pin'), currentPin: Pin, pin: Pin, confirmation: Pin }),
  z.object({
    type: z.literal('create-account'),
    staffNo: Text,
    role: RoleSchema,
    pin: Pin,
    confirmation: Pin,
  }),
  z.object({ type: z.literal('reset-pin'), subject: Text, pin: Pin, confirmation: Pin }),
  z.object({ type: z.literal('set-account-enabled'), subject: Text, enabled: z.boolean() }),
  z.object({ type: z.literal('change-config'), change: z.unknown() }),
  // Audit.
  z.object({ type: z.literal('seal-for-export') }),
  z.object({ type: z.literal('record-export'), export: z.unknown() }),
  z.object({ type: z.literal('amend-service'), target: Id, change: z.unknown(), reason: Text }),
  z.object({ type: z.literal('record-import'), import: z.unknown() }),
  z.object({ type: z.literal('erase-personal-values'), olderThanDays: z.number() }),
  z.object({
    type: z.literal('record-spot-check'),
    target: Id,
    kind: z.unknown(),
    observations: z.unknown(),
    note: Text,
  }),
  z.object({
    type: z.literal('rate-service'),
    serviceId: Id,
    rating: z.unknown(),
    reasons: z.unknown(),
    proof: z.optional(z.unknown()),
  }),
  // The shift.
  z.object({
    type: z.literal('record-opening-check'),
    subject: Text,
    kind: z.unknown(),
    results: z.unknown(),
  }),
  z.object({
    type: z.literal('resolve-opening-item'),
    subject: Text,
    checkSeq: z.number(),
    code: Text,
  }),
  z.object({
    type: z.literal('write-handover'),
    note: Text,
    items: z.array(Text).check(z.maxLength(50)),
  }),
  z.object({ type: z.literal('acknowledge-handover'), handoverSeq: z.number() }),
  z.object({
    type: z.literal('close-handover-item'),
    handoverSeq: z.number(),
    index: z.number(),
    note: Text,
  }),
  // Services.
  z.object({
    type: z.literal('start-service'),
    ticket: Text,
    title: TitleSchema,
    surname: z.nullable(Text),
    businessType: Text,
  }),
  serviceCommand('name-customer', { surname: Text }),
  serviceCommand('mark-done', { stepId: AnyStepIdSchema }),
  serviceCommand('skip', { stepId: AnyStepIdSchema, reason: z.nullable(Text), note: Text }),
  serviceCommand('mark-na', { stepId: AnyStepIdSchema }),
  serviceCommand('start-complaint', {}),
  serviceCommand('record-complaint', {
    category: Text,
    summary: Text,
    outcome: z.enum(['resolved', 'escalated', 'follow-up']),
    due: z.nullable(Text),
    manager: z.nullable(Text),
    managerPin: z.nullable(Pin),
  }),
  z.object({ type: z.literal('close-follow-up'), target: Id, result: Text, note: Text }),
  serviceCommand('leave-seat', {}),
  serviceCommand('return-to-seat', {}),
  serviceCommand('announce-money', { dueFen: z.number(), receivedFen: z.number() }),
  serviceCommand('recommend', { offer: Text, response: RecommendationResponseSchema }),
  z.object({ type: z.literal('call-next'), serviceId: z.nullable(Id), nextTicket: Text }),
  serviceCommand('finish', {}),
  serviceCommand('abandon', { reason: AbandonReasonSchema }),
]);

// The schema and the types above describe the same commands.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameCommands: Same<z.output<typeof CommandSchema>, Command> = true;
void _sameCommands;

/**
 * A command that has been through `parseCommand`: the brand lets the storage parse once and hand
 * the result to `decideParsed`, which cannot then be given anything unchecked.
 */
const ParsedCommandSchema = CommandSchema.brand<'ParsedCommand'>();
export type ParsedCommand = z.output<typeof ParsedCommandSchema>;

/** The command, as the domain may read it, or why it cannot be read at all. */
export function parseCommand(input: unknown): Result<ParsedCommand, Refusal> {
  const parsed = ParsedCommandSchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(refusal('invalid-command'));
}

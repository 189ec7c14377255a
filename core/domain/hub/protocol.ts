/**
 * The store hub's protocol, shared by the device (renderer/storage/hub-client.ts) and the hub
 * (hub/): what an enrolment and a push carry, what each signature covers, and the answers. A
 * device proves itself with its own log: the key records from its device identity (the first key,
 * which the hub records at enrolment) to its head, and a signature with the key in force now.
 */
import { z } from '../zod';
import { HashSchema } from '../log/events';

/** Rows in one push: a busy counter's day is ~2,000 records; a week offline goes in several. */
export const MAX_PUSH_ROWS = 1000;
/** Key records in one request (a checkpoint per sign-out, day and 500 records: years of them). */
export const MAX_KEY_RECORDS = 20_000;
/** The largest request body the hub reads (bytes); anything bigger is refused unread. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** A one-time enrolment code as the manager reads it off the hub: 4 groups of 4. */
export const EnrolCodeSchema = z
  .string()
  .check(z.trim(), z.toUpperCase(), z.regex(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/));

const Row = z.record(z.string(), z.unknown());

export const SignatureSchema = z.strictObject({
  keyIndex: z.int().check(z.gte(0)),
  value: z.string().check(z.regex(/^[A-Za-z0-9_-]{40,200}$/)),
});
export type PushSignature = z.infer<typeof SignatureSchema>;

export const HeadSchema = z.strictObject({ seq: z.int().check(z.gte(0)), hash: HashSchema });

/**
 * What the hub holds against a device (hub/witness.ts): a pushed record or a reported head that
 * rewrote one the hub had heard of (`fork`), a head behind one the hub had heard of (`rollback`),
 * a screen that kept calling tickets while its log did not grow (`stalled`).
 */
export const HubAlertSchema = z.object({
  kind: z.enum(['fork', 'rollback', 'stalled']),
  seq: z.nullable(z.int()),
  at: z.int(),
});
export type HubAlert = z.infer<typeof HubAlertSchema>;

/** The device's open alerts, in every answer to a push or a head report (newest first). */
const Alerts = z.optional(z.array(HubAlertSchema).check(z.maxLength(50)));

export const EnrolRequestSchema = z.strictObject({
  code: EnrolCodeSchema,
  /** The log's first device id (its device-identity record's). */
  device: z.uuid(),
  counter: z.nullable(z.string().check(z.minLength(1), z.maxLength(16))),
  /** From the device identity on, every key record up to the device's head. */
  keyRecords: z.array(Row).check(z.minLength(1), z.maxLength(MAX_KEY_RECORDS)),
  signature: SignatureSchema,
});
export type EnrolRequest = z.infer<typeof EnrolRequestSchema>;

export const PushRequestSchema = z.strictObject({
  device: z.uuid(),
  /** Stored rows, exactly as the device holds them, in sequence. */
  rows: z.array(Row).check(z.minLength(1), z.maxLength(MAX_PUSH_ROWS)),
  /** The key records after the hub's head up to the device's head (all of them is fine too). */
  keyRecords: z.array(Row).check(z.maxLength(MAX_KEY_RECORDS)),
  signature: SignatureSchema,
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

/**
 * Where the hub's copy of a log ends, asked by the device itself: signed with its key in force.
 * (No clock in it: a tablet's clock may be wrong, and a replayed request tells only a head.)
 */
export const HeadRequestSchema = z.strictObject({
  device: z.uuid(),
  keyRecords: z.array(Row).check(z.maxLength(MAX_KEY_RECORDS)),
  signature: SignatureSchema,
});
export type HeadRequest = z.infer<typeof HeadRequestSchema>;

/** The answer to a head request: the records held, and the newest head the hub witnessed. */
export const HeadAnswerSchema = z.object({
  head: HeadSchema,
  witnessed: z.optional(z.nullable(HeadSchema)),
});

/**
 * A device's head, reported as soon as it moved (after every finished service and checkpoint, and
 * when a screen opens): the hub keeps every head it heard of, so that a head behind one of them, or
 * another record where one of them was, is an alert within one report (hub/witness.ts). `anchor`
 * is the device's own record at the newest head the hub witnessed (its head request's answer), or
 * null there when the device has no record there; `calls` counts the tickets this screen (`screen`,
 * one per page load) called aloud since it opened, outside the log. Signed with the key in force.
 */
export const WitnessRequestSchema = z.strictObject({
  device: z.uuid(),
  head: HeadSchema,
  anchor: z.nullable(
    z.strictObject({ seq: z.int().check(z.gte(0)), hash: z.nullable(HashSchema) }),
  ),
  calls: z.int().check(z.gte(0)),
  screen: z.uuid(),
  keyRecords: z.array(Row).check(z.maxLength(MAX_KEY_RECORDS)),
  signature: SignatureSchema,
});
export type WitnessRequest = z.infer<typeof WitnessRequestSchema>;

export const WitnessAnswerSchema = z.object({
  /** The newest head the hub witnessed of this device (this one, unless it was refused). */
  witnessed: HeadSchema,
  alerts: z.array(HubAlertSchema).check(z.maxLength(50)),
});
export type WitnessAnswer = z.infer<typeof WitnessAnswerSchema>;

/** What a head report's signature covers: everything it reports. */
export const witnessPayload = (
  input: Pick<WitnessRequest, 'device' | 'head' | 'anchor' | 'calls' | 'screen'> & {
    keyIndex: number;
  },
) => ({ purpose: 'counter-steps/hub-witness', ...input });

/**
 * A restored tablet's approval: the one-time restore code a hub manager made for the log's device,
 * with the key records up to the device's head (through its device-restored record), signed with
 * the key in force on the restored tablet (proof that it holds the restore's new keys).
 */
export const RestoreRequestSchema = z.strictObject({
  code: EnrolCodeSchema,
  device: z.uuid(),
  keyRecords: z.array(Row).check(z.minLength(1), z.maxLength(MAX_KEY_RECORDS)),
  signature: SignatureSchema,
});
export type RestoreRequest = z.infer<typeof RestoreRequestSchema>;

export const RestoreAnswerSchema = z.object({
  device: z.uuid(),
  /**
   * How many restore records this code approved (a tablet restored twice before a push: 2; 0 when
   * they were approved already, and the code was not used).
   */
  approved: z.int().check(z.gte(0)),
});
export type RestoreAnswer = z.infer<typeof RestoreAnswerSchema>;

export const PushAnswerSchema = z.object({
  status: z.enum(['stored', 'duplicate']),
  added: z.int().check(z.gte(0)),
  head: HeadSchema,
  alerts: Alerts,
});
export type PushAnswer = z.infer<typeof PushAnswerSchema>;

export const HubErrorSchema = z.object({
  error: z.enum([
    'malformed',
    'too-large',
    'not-enrolled',
    'bad-code',
    'already-enrolled',
    'bad-signature',
    /** A device-restored record whose new key no hub manager approved (with a restore code). */
    'restore-not-approved',
    'gap',
    'fork',
    'not-intact',
    'busy',
    /** Too many attempts from this address: wait (codes and PINs are rate-limited). */
    'rate-limited',
    'internal',
  ]),
  /** gap: the first sequence number the hub needs. */
  expected: z.optional(z.int()),
  /** fork / not-intact: where. */
  seq: z.optional(z.nullable(z.int())),
  detail: z.optional(z.string().check(z.maxLength(500))),
  /** not-intact: what the hub's verifier found, for the device to say in Verify's own words. */
  problem: z.optional(
    z.object({
      kind: z.enum([
        'invalid-record',
        'sequence-gap',
        'broken-link',
        'hash-mismatch',
        'rule',
        'checkpoint-link',
        'checkpoint-key',
        'checkpoint-signature',
        'first-key-mismatch',
        'records-missing',
        'witness-mismatch',
      ]),
      seq: z.optional(z.nullable(z.int())),
      expected: z.optional(z.int()),
      rule: z.optional(z.string().check(z.maxLength(100))),
      eventType: z.optional(z.string().check(z.maxLength(100))),
      staffNo: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
    }),
  ),
});
export type HubError = z.infer<typeof HubErrorSchema>;
export type HubErrorCode = HubError['error'];

export const EnrolAnswerSchema = z.object({
  device: z.uuid(),
  store: z.object({ id: z.string(), name: z.string() }),
  head: HeadSchema,
});
export type EnrolAnswer = z.infer<typeof EnrolAnswerSchema>;

/** What an enrolment's signature covers (with the key in force on the device). */
export const enrolPayload = (input: { code: string; device: string; keyIndex: number }) => ({
  purpose: 'counter-steps/hub-enrol',
  ...input,
});

/** What a restore approval's signature covers (with the key in force on the restored tablet). */
export const restorePayload = (input: { code: string; device: string; keyIndex: number }) => ({
  purpose: 'counter-steps/hub-restore',
  ...input,
});

/** What a head request's signature covers. */
export const headPayload = (input: { device: string; keyIndex: number }) => ({
  purpose: 'counter-steps/hub-head',
  ...input,
});

/** What a push's signature covers: the rows are hash-linked, so their two ends pin them all. */
export const pushPayload = (input: {
  device: string;
  keyIndex: number;
  first: { seq: number; prevHash: string };
  last: { seq: number; hash: string };
  count: number;
}) => ({ purpose: 'counter-steps/hub-push', ...input });

/**
 * How a device reaches its hub: one JSON request, one answer (status and parsed body). The
 * platform provides it (renderer/platform), confined to the configured hub's origin; it throws
 * when the hub cannot be reached at all.
 */
export interface HubTransport {
  (request: { method: 'GET' | 'POST'; path: string; body?: unknown }): Promise<{
    status: number;
    body: unknown;
  }>;
}

/**
 * The export format (version 2): one zip per device and range of business days, holding
 *
 * - `services.csv`, `step-events.csv`, `complaints.csv` — UTF-8 with BOM, RFC 4180, one row per
 *   service / per step outcome / per complaint (columns below, stable names; localised names
 *   beside the codes);
 * - `log.jsonl` — every record of the range exactly as stored (canonical JSON), in sequence;
 * - `log.schema.json` — the JSON Schema those records follow (schema v1 and v2 records);
 * - `log.xlsx` — services, step events, a daily summary and the complaints, for people;
 * - `manifest.json` — what the export is (device, first key, range, first and last records, the
 *   previous export's end, the key records that prove the checkpoints), who made it, the SHA-256
 *   of every file, and a signature with the device's key in force.
 *
 * The app writes it (build-export.ts) and everyone checks it with the same code
 * (verify-export.ts): the app's "verify a file" and `npx counter-steps verify`. Version 2 added
 * `complaints.csv` and the workbook's complaints sheet; version 3 records that hold a personal
 * value as a salted commitment (`{"commitment": …}`) and, in a full export, `personal.jsonl`
 * with the values and their salts (decision 0068); version 4 an export whose key chain starts
 * where the previous export's ended (`keyChainFrom`, decision 0074). The verifier reads 1 to 4.
 */
import { z } from '../domain/zod';
import { CounterSchema, StaffNumberSchema } from '../domain/catalog';
import { LocaleSchema } from '../domain/locale';
import { BusinessDaySchema, HashSchema, PublicKeyJwkSchema } from '../domain/log/events';
import { RoleSchema } from '../domain/permissions';

export const EXPORT_FORMAT = 'counter-steps-export';
export const EXPORT_FORMAT_VERSION = 4;
/** The version of a stand-alone export: version 4 is written only with `keyChainFrom`. */
export const STANDALONE_FORMAT_VERSION = 3;

export const FILES = {
  services: 'services.csv',
  stepEvents: 'step-events.csv',
  complaints: 'complaints.csv',
  log: 'log.jsonl',
  schema: 'log.schema.json',
  workbook: 'log.xlsx',
  /**
   * The personal values the records commit to, with their salts (a full export only; a masked one
   * has no such file): one JSON object a line, `{commitment, salt, seq, value}` (personal.ts).
   */
  personal: 'personal.jsonl',
  /** The codebook: a Frictionless Tabular Data Package descriptor of the CSV files. */
  dataPackage: 'datapackage.json',
  manifest: 'manifest.json',
} as const;

/** The largest export a device or the verifier will open (a counter-year is well under this). */
export const MAX_EXPORT_BYTES = 2 * 1024 ** 3;
/** The largest single file inside one. */
export const MAX_FILE_BYTES = 1024 ** 3;

const Seq = z.int().check(z.positive());

export const ManifestSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.int().check(z.gte(1), z.lte(EXPORT_FORMAT_VERSION)),
  app: z.strictObject({ version: z.string().check(z.maxLength(32)) }),
  device: z.strictObject({
    id: z.uuid(),
    counter: z.nullable(CounterSchema),
    firstKey: PublicKeyJwkSchema,
    fingerprint: z.string().check(z.maxLength(64)),
  }),
  range: z.strictObject({
    from: BusinessDaySchema,
    to: BusinessDaySchema,
    timeZone: z.string().check(z.minLength(1), z.maxLength(64)),
    dayStartMinutes: z.int().check(z.gte(0), z.lte(1439)),
  }),
  records: z.strictObject({
    count: z.int().check(z.positive()),
    first: z.strictObject({ seq: Seq, prevHash: HashSchema, hash: HashSchema }),
    last: z.strictObject({ seq: Seq, hash: HashSchema }),
  }),
  /** Where the export before this one ended, as the log says: the next export continues it. */
  previousExport: z.nullable(z.strictObject({ lastSeq: Seq, lastHash: HashSchema })),
  /**
   * The stored rows that carry the key chain, from the log's start to this export's end: the
   * device identity, any restore, every checkpoint. Each checkpoint's signature is checked with
   * the key before it, from the first key on.
   */
  keyRecords: z.array(z.record(z.string(), z.unknown())).check(z.maxLength(200_000)),
  /**
   * Set when the key chain starts where the previous export's ended (decision 0074): the last key
   * record that export held, the key in force after it (its index, the key, its fingerprint).
   * `keyRecords` then holds only the key records after it; `--previous` supplies the start.
   */
  keyChainFrom: z.optional(
    z.strictObject({
      seq: Seq,
      keyIndex: z.int().check(z.gte(0)),
      key: PublicKeyJwkSchema,
      fingerprint: z.string().check(z.maxLength(64)),
    }),
  ),
  /**
   * The stored `pin-set` rows that commit a person's signing key, from the log's start to this
   * export's end (decision 0063): what checking the people's signatures in a slice needs. Absent
   * before 0063 and in hub exports.
   */
  personKeyRecords: z.optional(
    z.array(z.record(z.string(), z.unknown())).check(z.maxLength(200_000)),
  ),
  exportedBy: z.strictObject({ staffNo: StaffNumberSchema, role: RoleSchema }),
  exportedAt: z.iso.datetime(),
  masking: z.enum(['none', 'surname']),
  locale: LocaleSchema,
  files: z
    .array(
      z.strictObject({
        name: z.string().check(z.minLength(1), z.maxLength(64)),
        sha256: HashSchema,
        bytes: z.int().check(z.gte(0)),
      }),
    )
    .check(z.minLength(1), z.maxLength(12)),
  /** Plain-language notes about what the files hold (e.g. a workbook shortened). */
  notes: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(20)),
  /**
   * An export made by the store hub from the records devices pushed to it: the hub cannot sign
   * with a device's key, so it signs the manifest with its own (`signature.signer: 'hub'`). The
   * records inside are still the device's, sealed by the device's own checkpoints.
   */
  hub: z.optional(
    z.strictObject({
      name: z.string().check(z.minLength(1), z.maxLength(80)),
      publicKey: PublicKeyJwkSchema,
      fingerprint: z.string().check(z.maxLength(64)),
    }),
  ),
  signature: z.strictObject({
    keyIndex: z.int().check(z.gte(0)),
    algorithm: z.enum(['Ed25519', 'ECDSA-P256']),
    value: z.string().check(z.regex(/^[A-Za-z0-9_-]{40,200}$/)),
    /** Who signed: the device (absent) or the store hub (with `hub` above). */
    signer: z.optional(z.literal('hub')),
  }),
});
export type Manifest = z.infer<typeof ManifestSchema>;
export type UnsignedManifest = Omit<Manifest, 'signature'>;

/** What a manifest's signature covers. */
export const manifestPayload = (manifest: UnsignedManifest) => ({
  purpose: 'counter-steps/export-manifest',
  manifest,
});

/** `counter-steps-3-2026-11-23.zip`, or with a range `…-2026-11-01_2026-11-30.zip`. */
export function exportFileName(counter: string | null, from: string, to: string): string {
  const days = from === to ? from : `${from}_${to}`;
  return `counter-steps-${counter ?? 'device'}-${days}.zip`;
}

export const SERVICE_COLUMNS = [
  'service_id',
  'business_day',
  'device_id',
  'counter',
  'clerk',
  'ticket',
  'title',
  'surname',
  'business_type',
  'business_type_name',
  'business_type_recorded',
  'started_at',
  'ended_at',
  'duration_s',
  'target_s',
  'over_target',
  'outcome',
  'abandon_reason',
  'steps_done',
  'steps_skipped',
  'steps_not_applicable',
  'steps_not_reached',
  'steps_applicable',
  'steps_kept_pct',
  'steps_out_of_order',
  'money_due_yuan',
  'money_received_yuan',
  'money_change_yuan',
  'recommendations',
  'amendments',
] as const;

export const STEP_EVENT_COLUMNS = [
  'seq',
  'at',
  'business_day',
  'service_id',
  'ticket',
  'clerk',
  'counter',
  'step_number',
  'step_id',
  'step_name',
  'outcome',
  'automatic',
  'skip_reason',
  'note',
  'offset_s',
  'amendment_reason',
] as const;

/**
 * One row per complaint, its record as the log holds it at the export's end: who and where, how
 * it started, what it was about and its outcome, the manager's confirmation of an escalation, the
 * promised follow-up and its closing, and each complaint step's outcome (`done`, `na`,
 * `skipped:<reason>`) with the time it was first given.
 */
export const COMPLAINT_COLUMNS = [
  'service_id',
  'business_day',
  'counter',
  'clerk',
  'ticket',
  'trigger',
  'started_at',
  'category',
  'category_name',
  'summary',
  'outcome',
  'recorded_at',
  'escalated_to',
  'escalation_confirmed_by',
  'follow_up_due',
  'follow_up_result',
  'follow_up_closed_by',
  'follow_up_closed_at',
  'follow_up_note',
  'step_accept',
  'step_accept_at',
  'step_calm',
  'step_calm_at',
  'step_clarify',
  'step_clarify_at',
  'step_explore',
  'step_explore_at',
  'step_act',
  'step_act_at',
  'step_thank',
  'step_thank_at',
] as const;

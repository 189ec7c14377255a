/**
 * The device's configuration: what a manager can change (each change a `config-changed` event) and
 * the built-in defaults. The domain decides with it and the screens read it from the same device
 * state, so a change shows everywhere at once.
 */
import { z } from '../zod';
import {
  BusinessTypeSchema,
  DEFAULT_BUSINESS_TYPES,
  DEFAULT_OFFERS,
  DEFAULT_SKIP_REASONS,
  ListEntrySchema,
  type BusinessType,
  type ListEntry,
} from '../catalog';
import { LocalizedTextSchema } from '../locale';
import { PhraseChangeSchemas, applyPhraseChange, type AddedPhrase } from './config-phrases';
import {
  COMPLAINT_STANDARD,
  ComplaintStepIdSchema,
  isComplaintStep,
  type ComplaintFlow,
} from '../flow/complaint-flow';
import { SERVICE_STANDARD, StepIdSchema, type FlowDefinition } from '../flow/flow-definition';
import { scriptProblem } from '../script';
import {
  DEFAULT_OPENING_ITEMS,
  OpeningItemsSchema,
  type OpeningItem,
} from '../shift/opening-items';
import type { ServiceContext } from '../service/context';
import type { MonoStamp } from '../log/clock';

export { businessDay } from './business-day';

/** What makes a service look pencil-whipped (ticked off faster than it can be done). */
export const FlagThresholdsSchema = z.strictObject({
  /** A step recorded sooner than this after the one before is a fast step. */
  minStepSeconds: z.number().check(z.gte(0.5), z.lte(60)),
  /** This many steps or more within `burstSeconds` is a burst. */
  burstSteps: z.int().check(z.gte(3), z.lte(17)),
  burstSeconds: z.number().check(z.gte(1), z.lte(60)),
  /** A service longer than this many times its target is far over it. */
  overTargetFactor: z.number().check(z.gte(1.2), z.lte(10)),
  /** The same timing pattern this many times in a clerk's day is flagged. */
  patternRepeats: z.int().check(z.gte(2), z.lte(20)),
});
export type FlagThresholds = z.infer<typeof FlagThresholdsSchema>;

const uniqueCodes = <T extends { code: string }>(entries: readonly T[]) =>
  new Set(entries.map((entry) => entry.code)).size === entries.length;
const ScriptTextSchema = LocalizedTextSchema.check(
  z.refine(
    (text) => Object.values(text).every((value) => scriptProblem(value) === null),
    'a placeholder is not one the scripts know',
  ),
);

export const ConfigChangeSchema = z.discriminatedUnion('key', [
  /** Minutes without a touch before the screen locks itself. */
  z.object({ key: z.literal('idle-lock-minutes'), value: z.int().check(z.gte(1), z.lte(60)) }),
  /**
   * A newly shown step's Done and Skip ignore taps for this long, so the second tap of an
   * accidental double tap does not land on the next step (painted ~30–70 ms after the first).
   */
  z.object({ key: z.literal('tap-guard-ms'), value: z.int().check(z.gte(0), z.lte(2000)) }),
  /**
   * A record dated more than this many seconds before the one before it is refused: the device's
   * clock went back (time-rules.ts). Small, for a clock set right by a few seconds or a minute.
   */
  z.object({
    key: z.literal('clock-tolerance-seconds'),
    value: z.int().check(z.gte(10), z.lte(900)),
  }),
  /** At most this many records between two signed checkpoints. */
  z.object({
    key: z.literal('checkpoint-every'),
    value: z.int().check(z.gte(10), z.lte(10_000)),
  }),
  /** The store's business day: its time zone (IANA) and the local time it starts at. */
  z.object({
    key: z.literal('business-day'),
    timeZone: z
      .string()
      .check(z.minLength(1), z.maxLength(64), z.refine(isTimeZone, 'unknown time zone')),
    startMinutes: z.int().check(z.gte(0), z.lte(23 * 60 + 59)),
  }),
  z.object({
    key: z.literal('business-types'),
    value: z
      .array(BusinessTypeSchema)
      .check(z.minLength(1), z.maxLength(30), z.refine(uniqueCodes, 'codes repeat')),
  }),
  z.object({
    key: z.literal('skip-reasons'),
    value: z.array(ListEntrySchema).check(
      z.minLength(1),
      z.maxLength(30),
      z.refine(uniqueCodes, 'codes repeat'),
      z.refine((entries) => entries.some((entry) => entry.code === 'other'), '"other" must stay'),
    ),
  }),
  z.object({
    key: z.literal('offers'),
    value: z
      .array(ListEntrySchema)
      .check(z.minLength(1), z.maxLength(30), z.refine(uniqueCodes, 'codes repeat')),
  }),
  z.object({ key: z.literal('flag-thresholds'), value: FlagThresholdsSchema }),
  /** The opening check's items, the whole list (retired ones stay; see shift/opening-items.ts). */
  z.object({ key: z.literal('opening-items'), value: OpeningItemsSchema }),
  /** A step's words to say, per language; null: back to the standard's own. */
  z.object({
    key: z.literal('script'),
    /** A step of either flow: the seventeen or the complaint's. */
    stepId: z.union([StepIdSchema, ComplaintStepIdSchema]),
    text: z.nullable(ScriptTextSchema),
  }),
  /** A pair of words never to say and what to say instead, added or retired (config-phrases.ts). */
  ...PhraseChangeSchemas,
]);
export type ConfigChange = z.infer<typeof ConfigChangeSchema>;
export type ConfigKey = ConfigChange['key'];

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface Config {
  idleLockMinutes: number;
  tapGuardMs: number;
  checkpointEvery: number;
  /** How far back a record may be dated from the one before it (see time-rules.ts). */
  clockToleranceSeconds: number;
  timeZone: string;
  dayStartMinutes: number;
  flow: FlowDefinition;
  complaintFlow: ComplaintFlow;
  businessTypes: readonly BusinessType[];
  skipReasons: readonly ListEntry[];
  offers: readonly ListEntry[];
  flags: FlagThresholds;
  /** The store's own words never to say, in the order added, the retired ones included. */
  phrases: readonly AddedPhrase[];
  /** The opening check's items, retired ones included. */
  openingItems: readonly OpeningItem[];
}

export const DEFAULT_FLAG_THRESHOLDS: FlagThresholds = {
  minStepSeconds: 2,
  burstSteps: 8,
  burstSeconds: 5,
  overTargetFactor: 2,
  patternRepeats: 3,
};

export const DEFAULT_CONFIG: Config = {
  idleLockMinutes: 3,
  tapGuardMs: 300,
  checkpointEvery: 500,
  clockToleranceSeconds: 120,
  // Until a manager sets the store's zone, the device's own.
  timeZone: new Intl.DateTimeFormat().resolvedOptions().timeZone,
  dayStartMinutes: 0,
  flow: SERVICE_STANDARD,
  complaintFlow: COMPLAINT_STANDARD,
  businessTypes: DEFAULT_BUSINESS_TYPES,
  skipReasons: DEFAULT_SKIP_REASONS,
  offers: DEFAULT_OFFERS,
  flags: DEFAULT_FLAG_THRESHOLDS,
  phrases: [],
  openingItems: DEFAULT_OPENING_ITEMS,
};

export function applyConfigChange(config: Config, change: ConfigChange): Config {
  switch (change.key) {
    case 'idle-lock-minutes':
      return { ...config, idleLockMinutes: change.value };
    case 'tap-guard-ms':
      return { ...config, tapGuardMs: change.value };
    case 'checkpoint-every':
      return { ...config, checkpointEvery: change.value };
    case 'clock-tolerance-seconds':
      return { ...config, clockToleranceSeconds: change.value };
    case 'business-day':
      return { ...config, timeZone: change.timeZone, dayStartMinutes: change.startMinutes };
    case 'business-types':
      return { ...config, businessTypes: change.value };
    case 'skip-reasons':
      return { ...config, skipReasons: change.value };
    case 'offers':
      return { ...config, offers: change.value };
    case 'flag-thresholds':
      return { ...config, flags: change.value };
    case 'opening-items':
      return { ...config, openingItems: change.value };
    case 'phrase-added':
    case 'phrase-retired':
      return { ...config, phrases: applyPhraseChange(config.phrases, change) };
    case 'script': {
      const { stepId } = change;
      if (isComplaintStep(stepId)) {
        const original =
          COMPLAINT_STANDARD.steps.find((step) => step.id === stepId)?.script ?? null;
        const steps = config.complaintFlow.steps.map((step) =>
          step.id === stepId ? { ...step, script: change.text ?? original } : step,
        );
        return { ...config, complaintFlow: { ...config.complaintFlow, steps } };
      }
      const standard =
        SERVICE_STANDARD.steps.find((step) => step.id === change.stepId)?.script ?? null;
      const steps = config.flow.steps.map((step) =>
        step.id === change.stepId ? { ...step, script: change.text ?? standard } : step,
      );
      return { ...config, flow: { ...config.flow, steps } };
    }
  }
}

/** What the service engine decides with: the flow and the lists as configured now, the clocks now. */
export const serviceContext = (
  config: Config,
  now: number,
  mono: MonoStamp | null = null,
): ServiceContext => ({
  flow: config.flow,
  complaintFlow: config.complaintFlow,
  day: { timeZone: config.timeZone, dayStartMinutes: config.dayStartMinutes },
  businessTypes: config.businessTypes,
  skipReasons: config.skipReasons,
  offers: config.offers,
  now,
  mono,
});

/**
 * What is wrong with a configuration change the domain refused, precisely enough for a screen to
 * say it next to the field: which number is out of which range, which code repeats, which
 * language's script uses a placeholder the scripts do not know. The schema (config.ts) decides;
 * this only explains its refusal.
 */
import { BusinessTypeSchema, CodeSchema, LabelsSchema } from '../catalog';
import { LOCALES, type Locale } from '../locale';
import { StepIdSchema } from '../flow/flow-definition';
import { scriptProblem } from '../script';
import { ConfigChangeSchema, FlagThresholdsSchema, isTimeZone } from './config';
import { phraseTextProblem, type PhraseProblem } from './config-phrases';

/** Every number a manager types, with its bounds (the schema's, repeated for the messages). */
export const NUMBER_LIMITS = {
  'idle-lock-minutes': { min: 1, max: 60, whole: true },
  'tap-guard-ms': { min: 0, max: 2000, whole: true },
  'checkpoint-every': { min: 10, max: 10_000, whole: true },
  'clock-tolerance-seconds': { min: 10, max: 900, whole: true },
  minStepSeconds: { min: 0.5, max: 60, whole: false },
  burstSteps: { min: 3, max: 17, whole: true },
  burstSeconds: { min: 1, max: 60, whole: false },
  overTargetFactor: { min: 1.2, max: 10, whole: false },
  patternRepeats: { min: 2, max: 20, whole: true },
} as const;
export type NumberField = keyof typeof NUMBER_LIMITS;
export const FLAG_FIELDS = [
  'minStepSeconds',
  'burstSteps',
  'burstSeconds',
  'overTargetFactor',
  'patternRepeats',
] as const satisfies readonly NumberField[];

/** A business type's target time, as the manager types it (whole minutes). */
export const TARGET_MINUTES = { min: 1, max: 240 } as const;
export const LIST_MAX = 30;

export type ConfigProblemKind =
  | 'out-of-range'
  | 'out-of-range-whole'
  | 'time-zone'
  | 'day-start'
  | 'code-format'
  | 'code-repeat'
  | 'labels-missing'
  | 'target-range'
  | 'other-must-stay'
  | 'list-empty'
  | 'list-full'
  | 'script-empty'
  | 'script-brace'
  | 'script-placeholder';

export type ConfigProblem =
  | { kind: 'out-of-range' | 'out-of-range-whole'; field: NumberField; min: number; max: number }
  | { kind: 'time-zone'; zone: string }
  | { kind: 'day-start' | 'other-must-stay' | 'list-empty' }
  | { kind: 'list-full'; max: number }
  | { kind: 'code-format' | 'code-repeat' | 'labels-missing'; code: string }
  | { kind: 'target-range'; code: string; min: number; max: number }
  | { kind: 'script-empty' | 'script-brace'; locale: Locale }
  | { kind: 'script-placeholder'; locale: Locale; name: string }
  // The words never to say: their kinds are PhraseProblemKind (config-phrases.ts).
  | PhraseProblem;

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

const outOfRange = (field: NumberField): ConfigProblem => {
  const { min, max, whole } = NUMBER_LIMITS[field];
  return { kind: whole ? 'out-of-range-whole' : 'out-of-range', field, min, max };
};

function listProblem(key: string, value: unknown): ConfigProblem | null {
  if (!Array.isArray(value)) return null;
  if (value.length === 0) return { kind: 'list-empty' };
  if (value.length > LIST_MAX) return { kind: 'list-full', max: LIST_MAX };
  const seen = new Set<string>();
  for (const item of value) {
    const entry = record(item);
    const code = String(entry.code ?? '');
    if (!LabelsSchema.safeParse(entry.labels ?? null).success)
      return { kind: 'labels-missing', code };
    if (!CodeSchema.safeParse(entry.code).success) return { kind: 'code-format', code };
    if (seen.has(code)) return { kind: 'code-repeat', code };
    seen.add(code);
    if (
      key === 'business-types' &&
      !BusinessTypeSchema.shape.targetSeconds.safeParse(entry.targetSeconds).success
    )
      return { kind: 'target-range', code, ...TARGET_MINUTES };
  }
  if (key === 'skip-reasons' && !seen.has('other')) return { kind: 'other-must-stay' };
  return null;
}

function scriptTextProblem(change: Record<string, unknown>): ConfigProblem | null {
  if (!StepIdSchema.safeParse(change.stepId).success || change.text === null) return null;
  const text = record(change.text);
  for (const locale of LOCALES) {
    const value = text[locale];
    if (typeof value !== 'string' || value.trim() === '') return { kind: 'script-empty', locale };
    const problem = scriptProblem(value);
    if (problem?.kind === 'unknown-placeholder')
      return { kind: 'script-placeholder', locale, name: problem.name };
    if (problem) return { kind: 'script-brace', locale };
  }
  return null;
}

/**
 * Why `input` is not a valid config change, or null when it is valid or when nothing more
 * specific than "not a valid change" can be said (an unknown key, a malformed shape).
 */
export function configProblem(input: unknown): ConfigProblem | null {
  if (ConfigChangeSchema.safeParse(input).success) return null;
  const change = record(input);
  const key = typeof change.key === 'string' ? change.key : '';
  switch (key) {
    case 'idle-lock-minutes':
    case 'tap-guard-ms':
    case 'checkpoint-every':
    case 'clock-tolerance-seconds':
      return outOfRange(key);
    case 'business-day': {
      const zone = change.timeZone;
      if (typeof zone !== 'string' || zone === '' || zone.length > 64 || !isTimeZone(zone))
        return { kind: 'time-zone', zone: String(zone ?? '') };
      return { kind: 'day-start' };
    }
    case 'flag-thresholds': {
      const value = record(change.value);
      const field = FLAG_FIELDS.find(
        (name) => !FlagThresholdsSchema.shape[name].safeParse(value[name]).success,
      );
      return field ? outOfRange(field) : null;
    }
    case 'business-types':
    case 'skip-reasons':
    case 'offers':
      return listProblem(key, change.value);
    case 'script':
      return scriptTextProblem(change);
    case 'phrase-added':
      return phraseTextProblem(change.text);
    default:
      return null;
  }
}

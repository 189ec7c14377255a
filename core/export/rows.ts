/**
 * Rows of the export's tables, from service summaries and log records: plain values (strings and
 * numbers) in the order of format.ts's columns. Labels come from the caller (the user's language)
 * and surnames can be masked (张* / Z.) — the stored data never changes, only what leaves.
 */
import { stepDefinition, type FlowDefinition, type StepId } from '../domain/flow/flow-definition';
import { formatYuan } from '../domain/money';
import type { LogRecord } from '../domain/log/records';
import { businessDay, type Config } from '../domain/device/config';
import type { ComplaintCategory } from '../domain/service/complaint';
import { isOverTarget } from '../domain/review/service-row';
import { stepOf, type ServiceSummary } from '../domain/service/projection';
import type { SERVICE_COLUMNS, STEP_EVENT_COLUMNS } from './format';

export type Cell = string | number;
export type ServiceRow = Record<(typeof SERVICE_COLUMNS)[number], Cell>;
export type StepEventRow = Record<(typeof STEP_EVENT_COLUMNS)[number], Cell>;

export interface Labels {
  business(code: string): string;
  step(id: StepId): string;
  complaintCategory(code: ComplaintCategory): string;
}

export type Masking = 'none' | 'surname';

/** 张* for a Chinese surname, Z. for a Latin one. */
export function maskSurname(surname: string | null, masking: Masking): string {
  if (!surname) return '';
  if (masking === 'none') return surname;
  const first = [...surname][0] ?? '';
  return /\p{Script=Han}/u.test(first) ? `${first}*` : `${first.toUpperCase()}.`;
}

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
const seconds = (ms: number | null) => (ms === null ? '' : Math.round(ms / 1000));

export function serviceRow(
  summary: ServiceSummary,
  labels: Labels,
  masking: Masking,
  flow: FlowDefinition,
): ServiceRow {
  const { counts } = summary;
  const kept =
    counts.applicable === 0 ? '' : Math.round((counts.done / counts.applicable) * 1000) / 10;
  return {
    service_id: summary.serviceId,
    business_day: summary.businessDay,
    device_id: summary.device ?? '',
    counter: summary.counter ?? '',
    clerk: summary.clerk ?? '',
    ticket: summary.ticket,
    title: summary.title,
    surname: maskSurname(summary.surname, masking),
    business_type: summary.businessType,
    business_type_name: labels.business(summary.businessType),
    business_type_recorded: summary.recordedBusinessType,
    started_at: iso(summary.startedAt),
    ended_at: iso(summary.endedAt),
    duration_s: seconds(summary.durationMs),
    target_s: summary.targetSeconds,
    // The review's rule: only a finished service counts over its target; an untimed one is blank.
    over_target: summary.durationMs === null ? '' : isOverTarget(summary) ? 'yes' : 'no',
    outcome: summary.outcome,
    abandon_reason: summary.abandonReason ?? '',
    steps_done: counts.done,
    steps_skipped: counts.skipped,
    steps_not_applicable: counts.na,
    steps_not_reached: counts.notReached,
    steps_applicable: counts.applicable,
    steps_kept_pct: kept,
    steps_out_of_order: flow.steps
      .filter((step) => summary.steps[step.id].late)
      .map((step) => step.number)
      .join(' '),
    money_due_yuan: summary.money.times ? formatYuan(summary.money.dueFen) : '',
    money_received_yuan: summary.money.times ? formatYuan(summary.money.receivedFen) : '',
    money_change_yuan: summary.money.times ? formatYuan(summary.money.changeFen) : '',
    recommendations: summary.recommendations
      .map((entry) => `${entry.offer}:${entry.response}`)
      .join(' '),
    amendments: summary.amendments
      .map((amendment) => `#${amendment.seq} ${amendment.by ?? ''}: ${amendment.reason}`)
      .join(' | '),
  };
}

/**
 * Step-event rows: one per recorded step outcome, and one per amendment of a step (so an export
 * carries both what was recorded and what a manager corrected). `startedAt` gives each service's
 * start, for the offset column, when the service started within the export.
 */
export function stepEventRows(
  record: LogRecord,
  context: {
    flow: FlowDefinition;
    config: Pick<Config, 'timeZone' | 'dayStartMinutes'>;
    labels: Labels;
    services: ReadonlyMap<string, { startedAt: number; ticket: string }>;
  },
): StepEventRow[] {
  const { event } = record;
  const stepId = event.type === 'service-amended' ? null : stepOf(record);
  // Most records are not step outcomes: they give no row, so nothing is worked out for them.
  if (event.type === 'service-amended' ? event.change.kind !== 'step' : !stepId) return [];
  const atMs = Date.parse(record.at);
  const base = {
    seq: record.seq,
    at: record.at,
    business_day: businessDay(atMs, context.config),
    clerk: record.staffNo ?? '',
    counter: record.counter ?? '',
  };
  if (event.type === 'service-amended') {
    if (event.change.kind !== 'step') return [];
    const step = stepDefinition(context.flow, event.change.stepId);
    const service = context.services.get(event.target);
    return [
      {
        ...base,
        service_id: event.target,
        ticket: service?.ticket ?? '',
        step_number: step.number,
        step_id: step.id,
        step_name: context.labels.step(step.id),
        outcome: `amended:${event.change.outcome}`,
        automatic: '',
        skip_reason: event.change.skipReason ?? '',
        note: '',
        offset_s: '',
        amendment_reason: event.reason,
      },
    ];
  }
  if (!stepId || !record.serviceId) return [];
  const step = stepDefinition(context.flow, stepId);
  const service = context.services.get(record.serviceId);
  const outcome =
    event.type === 'step-skipped'
      ? 'skipped'
      : event.type === 'step-not-applicable'
        ? 'na'
        : 'done';
  return [
    {
      ...base,
      service_id: record.serviceId,
      ticket: service?.ticket ?? '',
      step_number: step.number,
      step_id: step.id,
      step_name: context.labels.step(step.id),
      outcome,
      automatic: event.type === 'step-not-applicable' && event.auto ? 'yes' : '',
      skip_reason: event.type === 'step-skipped' ? event.reason : '',
      note: event.type === 'step-skipped' ? (event.note ?? '') : '',
      offset_s: service ? Math.round((atMs - service.startedAt) / 1000) : '',
      amendment_reason: '',
    },
  ];
}

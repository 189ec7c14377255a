/**
 * The complaints table of an export (format.ts's COMPLAINT_COLUMNS), one row per complaint, from
 * the log's records as they pass in sequence order. A complaint's row is complete when its service
 * ends — unless it promised a follow-up (a follow-up, or an escalation with a due day) that is
 * not closed yet: that row waits for the manager's `follow-up-closed`, or for the end of the
 * range. So rows come in the order complaints are complete, and memory holds the services still
 * open and the follow-ups still open, never the range. A follow-up closed within the range for a
 * complaint made before it gives a row of its own, its closing filled in and the rest empty
 * (that complaint's row is in the export of its own day).
 */
import { COMPLAINT_STEP_IDS, type ComplaintStepId } from '../domain/flow/complaint-flow';
import { businessDay, type Config } from '../domain/device/config';
import type { LogRecord } from '../domain/log/records';
import { promisedDue } from '../domain/service/complaint';
import type { COMPLAINT_COLUMNS } from './format';
import type { Cell, Labels } from './rows';

export type ComplaintRow = Record<(typeof COMPLAINT_COLUMNS)[number], Cell>;

const stepColumn = (id: ComplaintStepId) =>
  `step_${id.replace('complaint-', '')}` as `step_${'accept' | 'calm' | 'clarify' | 'explore' | 'act' | 'thank'}`;

function emptyRow(serviceId: string): ComplaintRow {
  const row = {
    service_id: serviceId,
    business_day: '',
    counter: '',
    clerk: '',
    ticket: '',
    trigger: '',
    started_at: '',
    category: '',
    category_name: '',
    summary: '',
    outcome: '',
    recorded_at: '',
    escalated_to: '',
    escalation_confirmed_by: '',
    follow_up_due: '',
    follow_up_result: '',
    follow_up_closed_by: '',
    follow_up_closed_at: '',
    follow_up_note: '',
  } as ComplaintRow;
  for (const id of COMPLAINT_STEP_IDS) {
    row[stepColumn(id)] = '';
    row[`${stepColumn(id)}_at`] = '';
  }
  return row;
}

/** A step's outcome on the row: done stays done (as the service's state keeps it), with its time. */
function setStep(row: ComplaintRow, id: ComplaintStepId, outcome: string, at: string) {
  const column = stepColumn(id);
  if (row[column] === 'done' || row[column] === outcome) return;
  row[column] = outcome;
  row[`${column}_at`] = at;
}

export class ComplaintRows {
  /** Services still open: their tickets, for a complaint started in them. */
  private readonly services = new Map<string, string>();
  /** Complaints whose service is still open. */
  private readonly open = new Map<string, ComplaintRow>();
  /** Complaints whose service ended, waiting for their follow-up to be closed. */
  private readonly awaiting = new Map<string, ComplaintRow>();

  constructor(
    private readonly config: Pick<Config, 'timeZone' | 'dayStartMinutes'>,
    private readonly labels: Pick<Labels, 'complaintCategory'>,
  ) {}

  /** The rows this record completes (none, mostly). */
  push(record: LogRecord): ComplaintRow[] {
    const { event, serviceId } = record;
    if (event.type === 'follow-up-closed') return this.closed(record, event);
    if (!serviceId) return [];
    switch (event.type) {
      case 'service-started':
        this.services.set(serviceId, event.ticket);
        return [];
      case 'complaint-started': {
        if (this.open.has(serviceId)) return [];
        const row = emptyRow(serviceId);
        row.business_day = businessDay(Date.parse(record.at), this.config);
        row.counter = record.counter ?? '';
        row.clerk = record.staffNo ?? '';
        row.ticket = this.services.get(serviceId) ?? '';
        row.trigger = event.trigger;
        row.started_at = record.at;
        this.open.set(serviceId, row);
        return [];
      }
      case 'complaint-step': {
        const row = this.open.get(serviceId);
        if (row) {
          const outcome =
            event.outcome === 'skipped' ? `skipped:${event.reason ?? 'other'}` : event.outcome;
          setStep(row, event.stepId, outcome, record.at);
        }
        return [];
      }
      case 'complaint-recorded': {
        const row = this.open.get(serviceId);
        if (!row) return [];
        row.category = event.category;
        row.category_name = this.labels.complaintCategory(event.category);
        row.summary = event.summary ?? '';
        row.outcome = event.outcome.kind;
        row.recorded_at = record.at;
        row.escalated_to = event.outcome.kind === 'escalated' ? event.outcome.manager : '';
        row.follow_up_due = promisedDue(event.outcome) ?? '';
        setStep(row, 'complaint-act', 'done', record.at);
        return [];
      }
      case 'escalation-confirmed': {
        const row = this.open.get(serviceId);
        if (row) row.escalation_confirmed_by = record.staffNo ?? '';
        return [];
      }
      case 'service-finished':
      case 'service-abandoned': {
        this.services.delete(serviceId);
        const row = this.open.get(serviceId);
        if (!row) return [];
        this.open.delete(serviceId);
        if (row.follow_up_due !== '' && row.follow_up_result === '') {
          this.awaiting.set(serviceId, row);
          return [];
        }
        return [row];
      }
      default:
        return [];
    }
  }

  /** The complaints not complete at the range's end (services or follow-ups still open). */
  rest(): ComplaintRow[] {
    return [...this.open.values(), ...this.awaiting.values()].sort((a, b) =>
      String(a.started_at).localeCompare(String(b.started_at)),
    );
  }

  private closed(
    record: LogRecord,
    event: Extract<LogRecord['event'], { type: 'follow-up-closed' }>,
  ): ComplaintRow[] {
    const waiting = this.awaiting.get(event.target);
    const row = waiting ?? this.open.get(event.target) ?? emptyRow(event.target);
    row.follow_up_result = event.result;
    row.follow_up_closed_by = record.staffNo ?? '';
    row.follow_up_closed_at = record.at;
    row.follow_up_note = event.note ?? '';
    if (waiting) this.awaiting.delete(event.target);
    return waiting || !this.open.has(event.target) ? [row] : [];
  }
}

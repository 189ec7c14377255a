/**
 * What the log says, for the crash loop (see crash-loop.spec.ts), worked out here from the raw
 * rows and not by the app's code: each step's outcome, the services that ended, and the commands
 * whose records are not all there.
 */
import { SERVICE_STANDARD } from '../../core/domain/flow/flow-definition';

export type Row = Record<string, unknown> & {
  seq: number;
  serviceId: string | null;
  event: { type: string; stepId?: string };
};

const ALWAYS = SERVICE_STANDARD.steps
  .filter((step) => step.applies.kind === 'always')
  .map((step) => step.id);

/** The step a record gives an outcome to, and which outcome. */
function outcomeOf(row: Row): [string, 'done' | 'skipped' | 'na'] | null {
  const { event } = row;
  switch (event.type) {
    case 'step-done':
      return [event.stepId!, 'done'];
    case 'step-skipped':
      return [event.stepId!, 'skipped'];
    case 'step-not-applicable':
      return [event.stepId!, 'na'];
    case 'seat-left':
      return ['apologise-leaving', 'done'];
    case 'seat-returned':
      return ['thank-returning', 'done'];
    case 'money-announced':
      return ['announce-money', 'done'];
    case 'recommendation-recorded':
      return ['recommend', 'done'];
    case 'next-called':
      return row.serviceId ? ['call-next', 'done'] : null;
    default:
      return null;
  }
}

interface LogView {
  open: { serviceId: string; steps: Record<string, string>; card: string | null } | null;
  locked: boolean;
  outcomes: Set<string>;
  ended: Set<string>;
}

export function viewOf(rows: readonly Row[]): LogView {
  const outcomes = new Set<string>();
  const ended = new Set<string>();
  let open: { serviceId: string; steps: Record<string, string> } | null = null;
  let locked = false;
  for (const row of rows) {
    const { type } = row.event;
    if (type === 'screen-locked') locked = true;
    if (type === 'screen-unlocked' || type === 'signed-in' || type === 'signed-out') locked = false;
    if (type === 'service-started' && row.serviceId) {
      open = {
        serviceId: row.serviceId,
        steps: Object.fromEntries(SERVICE_STANDARD.steps.map((step) => [step.id, 'pending'])),
      };
      continue;
    }
    if ((type === 'service-finished' || type === 'service-abandoned') && row.serviceId) {
      ended.add(row.serviceId);
      if (open?.serviceId === row.serviceId) open = null;
      continue;
    }
    const outcome = outcomeOf(row);
    if (!outcome || !row.serviceId) continue;
    const [step, status] = outcome;
    outcomes.add(`${row.serviceId}|${step}|${status}`);
    // Done is final; skipped and not applicable give way to each other but never undo done.
    if (open?.serviceId === row.serviceId && open.steps[step] !== 'done') open.steps[step] = status;
  }
  const card = open ? (ALWAYS.find((id) => open.steps[id] === 'pending') ?? null) : null;
  return { open: open && { ...open, card }, locked, outcomes, ended };
}

/** A command's records are all there or none: the pairs one transaction writes together. */
export function halfWritten(rows: readonly Row[]): string[] {
  const problems: string[] = [];
  rows.forEach((row, index) => {
    const next = rows[index + 1];
    if (row.event.type === 'seat-left' && next?.event.type !== 'screen-locked') {
      problems.push(`seat-left at ${row.seq} without its lock`);
    }
    if (row.event.type === 'next-called' && row.serviceId) {
      const end = rows
        .slice(index + 1)
        .find(
          (later) => later.serviceId !== row.serviceId || later.event.type === 'service-finished',
        );
      if (end?.event.type !== 'service-finished') {
        problems.push(`next-called at ${row.seq} without the service's end`);
      }
    }
  });
  return problems;
}

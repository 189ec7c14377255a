/**
 * The review's figures computed again, independently, from the raw records of exports (their
 * `log.jsonl`, read with fflate's unzip and JSON.parse): no app code. The review spec compares
 * what the screen shows with these.
 *
 * The rules, as the README states them: a service counts on the business day it started, once it
 * ended (finished or ended early). A step's outcome is the last recorded for it, an amendment
 * included; a step done stays done (a later skip or n/a of it changes nothing), and the steps
 * with their own form are done by their own record: money announced (announce the amount),
 * a recommendation (recommend), leaving and coming back to the seat (apologise, thank), the
 * next ticket called (call next). Steps kept = done ÷ (done + skipped); not applicable never counts. Agreement compares
 * each observed step of a spot-check (not "not seen") with what the clerk recorded, before any
 * amendment: seen done ⇔ recorded done; seen skipped ⇔ recorded skipped or nothing; seen n/a ⇔
 * recorded n/a. A corrected business type holds the service to that type's target (over target).
 */
import { strFromU8, unzipSync } from 'fflate';

type Outcome = 'done' | 'skipped' | 'na';

export interface Row {
  seq: number;
  at: string;
  staffNo: string | null;
  serviceId: string | null;
  event: Record<string, unknown> & { type: string };
}

interface Service {
  key: string;
  sid: string;
  clerk: string;
  day: string;
  targetMs: number;
  businessType: string;
  /** The business type an amendment corrected it to, if any. */
  amendedType: string | null;
  ended: 'finished' | 'abandoned' | null;
  durationMs: number;
  recorded: Map<string, Outcome>;
  now: Map<string, Outcome>;
  reasons: Map<string, string>;
  rating: string | null;
}

export interface Tally {
  done: number;
  skipped: number;
  na: number;
}

export interface Expected {
  services: number;
  finished: number;
  abandoned: number;
  done: number;
  applicable: number;
  averageMs: number | null;
  overTarget: number;
  satisfied: number;
  answered: number;
  checks: number;
  agree: number;
  observed: number;
  /** Per step. */
  steps: Map<string, Tally>;
  /** Per `${step}|${clerk}`. */
  cells: Map<string, Tally>;
  skipReasons: Map<string, number>;
  /** Service ids per clerk (for the flag check). */
  serviceIds: Set<string>;
}

export function logOf(zip: Uint8Array): Row[] {
  const files = unzipSync(zip);
  const log = files['log.jsonl'];
  if (!log) throw new Error('no log.jsonl in the export');
  return strFromU8(log)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Row);
}

export function dayIn(at: string, timeZone: string, startMinutes: number): string {
  const shifted = new Date(Date.parse(at) - startMinutes * 60_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(shifted);
}

/** The steps done by a record of their own (the standard's steps with a form). */
const OWN_RECORD: Record<string, string | undefined> = {
  'money-announced': 'announce-money',
  'recommendation-recorded': 'recommend',
  'seat-left': 'apologise-leaving',
  'seat-returned': 'thank-returning',
  'next-called': 'call-next',
};

const bump = (map: Map<string, Tally>, key: string, outcome: Outcome) => {
  const tally = map.get(key) ?? { done: 0, skipped: 0, na: 0 };
  tally[outcome] += 1;
  map.set(key, tally);
};

/** The figures over every export's log, for services started from `from` to `to`. */
export function expectedFigures(logs: Row[][], from: string, to: string): Expected {
  const all: Service[] = [];
  const checks: { service: Service; observations: Record<string, string> }[] = [];
  for (const rows of logs) {
    let zone = { timeZone: 'Asia/Shanghai', startMinutes: 0 };
    const services = new Map<string, Service>();
    for (const row of rows) {
      const { event } = row;
      if (event.type === 'config-changed') {
        const change = event.change as { key: string; timeZone?: string; startMinutes?: number };
        if (change.key === 'business-day')
          zone = { timeZone: change.timeZone!, startMinutes: change.startMinutes! };
      }
      if (event.type === 'service-started') {
        services.set(row.serviceId!, {
          key: row.serviceId!,
          sid: row.serviceId!,
          clerk: row.staffNo!,
          day: dayIn(row.at, zone.timeZone, zone.startMinutes),
          targetMs: (event.targetSeconds as number) * 1000,
          businessType: event.businessType as string,
          amendedType: null,
          ended: null,
          durationMs: 0,
          recorded: new Map(),
          now: new Map(),
          reasons: new Map(),
          rating: null,
        });
        continue;
      }
      const target = (event.target as string | undefined) ?? row.serviceId;
      const service = target ? services.get(target) : undefined;
      if (!service) continue;
      const mark = (outcome: Outcome, step = event.stepId as string, reason?: string) => {
        if (outcome !== 'done' && service.recorded.get(step) === 'done') return;
        service.recorded.set(step, outcome);
        service.now.set(step, outcome);
        if (reason) service.reasons.set(step, reason);
      };
      const byOwnRecord = OWN_RECORD[event.type];
      if (byOwnRecord) mark('done', byOwnRecord);
      switch (event.type) {
        case 'step-done':
          mark('done');
          break;
        case 'step-skipped':
          mark('skipped', event.stepId as string, event.reason as string);
          break;
        case 'step-not-applicable':
          mark('na');
          break;
        case 'service-finished':
        case 'service-abandoned':
          service.ended = event.type === 'service-finished' ? 'finished' : 'abandoned';
          service.durationMs = event.durationMs as number;
          break;
        case 'service-rated':
          service.rating = event.rating as string;
          break;
        case 'service-amended': {
          const change = event.change as {
            kind: string;
            stepId: string;
            outcome: Outcome | 'pending';
            skipReason: string | null;
          };
          if (change.kind === 'business-type') {
            service.amendedType = (event.change as { businessType: string }).businessType;
            break;
          }
          if (change.kind !== 'step') break;
          if (change.outcome === 'pending') service.now.delete(change.stepId);
          else service.now.set(change.stepId, change.outcome);
          if (change.skipReason) service.reasons.set(change.stepId, change.skipReason);
          break;
        }
        case 'spot-check-recorded':
          checks.push({ service, observations: event.observations as Record<string, string> });
          break;
      }
    }
    all.push(...services.values());
  }
  // A service whose business type was corrected is held to the corrected type's target: the
  // target other services of that type started with (the demo's types never change target).
  const targets = new Map(all.map((s) => [s.businessType, s.targetMs]));
  for (const s of all) {
    if (s.amendedType !== null && s.amendedType !== s.businessType) {
      s.targetMs = targets.get(s.amendedType) ?? s.targetMs;
    }
  }

  const inPeriod = all.filter((s) => s.ended !== null && s.day >= from && s.day <= to);
  const finished = inPeriod.filter((s) => s.ended === 'finished');
  const steps = new Map<string, Tally>();
  const cells = new Map<string, Tally>();
  const skipReasons = new Map<string, number>();
  for (const service of inPeriod) {
    for (const [step, outcome] of service.now) {
      bump(steps, step, outcome);
      bump(cells, `${step}|${service.clerk}`, outcome);
      if (outcome === 'skipped') {
        const reason = service.reasons.get(step)!;
        skipReasons.set(reason, (skipReasons.get(reason) ?? 0) + 1);
      }
    }
  }
  const done = [...steps.values()].reduce((sum, tally) => sum + tally.done, 0);
  const skipped = [...steps.values()].reduce((sum, tally) => sum + tally.skipped, 0);
  const ratings = inPeriod.map((s) => s.rating).filter((r) => r !== null && r !== 'unanswered');
  let agree = 0;
  let observed = 0;
  const checked = checks.filter(({ service }) => inPeriod.includes(service));
  for (const { service, observations } of checked) {
    for (const [step, seen] of Object.entries(observations)) {
      if (seen === 'not-seen') continue;
      observed += 1;
      const recorded = service.recorded.get(step) ?? 'skipped';
      if (recorded === seen) agree += 1;
    }
  }
  return {
    services: inPeriod.length,
    finished: finished.length,
    abandoned: inPeriod.length - finished.length,
    done,
    applicable: done + skipped,
    averageMs:
      finished.length > 0
        ? Math.round(finished.reduce((sum, s) => sum + s.durationMs, 0) / finished.length)
        : null,
    overTarget: finished.filter((s) => s.durationMs > s.targetMs).length,
    satisfied: ratings.filter((r) => r === 'satisfied').length,
    answered: ratings.length,
    checks: checked.length,
    agree,
    observed,
    steps,
    cells,
    skipReasons,
    serviceIds: new Set(inPeriod.map((s) => s.sid)),
  };
}

/** As the review prints a duration: m:ss, or h:mm:ss from an hour. */
export function duration(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

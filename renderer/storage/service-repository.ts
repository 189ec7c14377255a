/**
 * Services at this counter: the latest one (folded from its events) and the command path.
 * `execute` checks who is signed in and may run services, reads the state, asks the engine to
 * decide and appends the result, all while holding the log, so what the clerk tapped is judged
 * against exactly what is stored.
 */
import type { BusinessType } from '../domain/catalog';
import {
  decide,
  foldService,
  type Command,
  type DecideContext,
  type Refusal,
  type ServiceState,
} from '../domain/engine';
import type { DomainEvent, LogRecord } from '../domain/events';
import type { FlowDefinition } from '../domain/flow-definition';
import { can } from '../domain/permissions';
import type { EventLog, InvalidRecord } from './event-log';
import { readSession } from './session-state';

export interface ServiceView {
  /** The latest service, open or not: a finished one still shows its next ticket. */
  service: ServiceState | null;
  /** Staff number of whoever started it. */
  startedBy: string | null;
  /** Records of that service that failed validation; the screen warns about them. */
  invalid: InvalidRecord[];
}

export type ExecuteResult = { ok: true; records: LogRecord[] } | { ok: false; refusal: Refusal };

export class ServiceRepository {
  constructor(
    private readonly log: EventLog,
    private readonly flow: FlowDefinition,
    private readonly businessTypes: readonly BusinessType[],
  ) {}

  decideContext(now: number): DecideContext {
    return { flow: this.flow, businessTypes: this.businessTypes, now };
  }

  async latest(): Promise<ServiceView> {
    const started = await this.log.lastOfType('service-started');
    const first = started.records[0];
    if (!first?.serviceId) return { service: null, startedBy: null, invalid: started.invalid };
    const { records, invalid } = await this.log.readService(first.serviceId);
    const service = foldService(
      records.map((record) => ({
        serviceId: record.serviceId,
        atMs: Date.parse(record.at),
        event: record.event,
      })),
    );
    return { service, startedBy: first.staffNo, invalid };
  }

  async lastCalledTicket(): Promise<string | null> {
    const { records } = await this.log.lastOfType('next-called');
    const event = records[0]?.event;
    return event?.type === 'next-called' ? event.nextTicket : null;
  }

  execute(command: Command): Promise<ExecuteResult> {
    return this.log.exclusive(async () => {
      const session = await readSession(this.log);
      if (!session) return { ok: false, refusal: { code: 'not-signed-in' } };
      if (session.locked) return { ok: false, refusal: { code: 'screen-locked' } };
      if (session.mustChangePin) return { ok: false, refusal: { code: 'pin-change-required' } };
      if (!can(session.role, 'run-service')) return { ok: false, refusal: { code: 'forbidden' } };

      const { service } = await this.latest();
      const decision = decide(service, command, this.decideContext(this.log.now));
      if (!decision.ok) return { ok: false, refusal: decision.refusal };
      const open = service?.outcome === 'open' ? service : null;
      const serviceId =
        command.type === 'start-service'
          ? globalThis.crypto.randomUUID()
          : (open?.serviceId ?? null);
      // Leaving the seat locks the screen (离席时需锁屏) in the same step.
      const events: DomainEvent[] =
        command.type === 'leave-seat'
          ? [...decision.value, { type: 'screen-locked', reason: 'leave-seat' }]
          : decision.value;
      const records = await this.log.appendHeld(
        { staffNo: session.staffNo, counter: session.counter, serviceId },
        events,
      );
      return { ok: true, records };
    });
  }
}

/**
 * Services at this counter: the open one (folded from its events) and the command path.
 * `execute` reads the state, asks the engine to decide and appends the result while holding the
 * log, so what the clerk tapped is judged against exactly what is stored.
 */
import type { BusinessType } from '../domain/catalog';
import {
  decide,
  foldService,
  type Command,
  type Refusal,
  type ServiceState,
} from '../domain/engine';
import type { LogRecord } from '../domain/events';
import type { FlowDefinition } from '../domain/flow-definition';
import type { EventLog, InvalidRecord } from './event-log';
import type { CurrentSession } from './session-repository';

export interface ServiceView {
  /** The latest service, open or not: a finished one still shows its next ticket. */
  service: ServiceState | null;
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

  async latest(): Promise<ServiceView> {
    const started = await this.log.lastOfType('service-started');
    const serviceId = started.records[0]?.serviceId;
    if (!serviceId) return { service: null, invalid: started.invalid };
    const { records, invalid } = await this.log.readService(serviceId);
    const service = foldService(
      records.map((record) => ({
        serviceId: record.serviceId,
        atMs: Date.parse(record.at),
        event: record.event,
      })),
    );
    return { service, invalid };
  }

  async lastCalledTicket(): Promise<string | null> {
    const { records } = await this.log.lastOfType('next-called');
    const event = records[0]?.event;
    return event?.type === 'next-called' ? event.nextTicket : null;
  }

  execute(session: CurrentSession, command: Command): Promise<ExecuteResult> {
    return this.log.exclusive(async () => {
      const { service } = await this.latest();
      const now = this.log.now;
      const decision = decide(service, command, {
        flow: this.flow,
        businessTypes: this.businessTypes,
        now,
      });
      if (!decision.ok) return { ok: false, refusal: decision.refusal };
      const open = service?.outcome === 'open' ? service : null;
      const serviceId =
        command.type === 'start-service'
          ? globalThis.crypto.randomUUID()
          : (open?.serviceId ?? null);
      const records = await this.log.appendHeld(
        { staffNo: session.staffNo, counter: session.counter, serviceId },
        decision.value,
      );
      return { ok: true, records };
    });
  }
}

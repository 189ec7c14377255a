/**
 * The one entry to the domain's decisions: any command, against the device's state, gives the
 * records to append or a refusal. One handler map, keyed by command type, routes it: access
 * (access/*-handlers.ts), audit (audit/decide-audit.ts) and services (the session gate, then the
 * service engine). A command that does not even have a command's shape is refused as
 * `invalid-command` first. The storage runs this under its single-writer lock: read state →
 * decide → append.
 */
import { activeSession } from '../access/active-session';
import { accessHandlers } from '../access/decide-access';
import { judgePin } from '../access/judge-pin';
import { can } from '../permissions';
import { refusal, type Refusal } from '../refusal';
import type { EventOf } from '../log/events';
import { clockRefusal, ticketRepeated } from '../log/time-rules';
import { auditHandlers } from '../audit/decide-audit';
import { shiftHandlers } from '../shift/shift-handlers';
import { decideService, type ServiceCommand } from '../service/engine';
import {
  parseCommand,
  type AccessCommand,
  type AuditCommand,
  type Command,
  type ShiftCommand,
  type Decision,
  type DecideEnv,
  type ParsedCommand,
  type PlannedRecord,
} from './commands';
import { serviceContext } from './config';
import { dispatch, type Handler, type HandlersFor } from './handlers';
import { openService, type DeviceState } from './state';

/** Every command type's handler: the areas' maps together, each command type exactly once. */
type Handlers = HandlersFor<AccessCommand> &
  HandlersFor<AuditCommand> &
  HandlersFor<ServiceCommand> &
  HandlersFor<ShiftCommand>;

export function decide(state: DeviceState, input: Command, env: DecideEnv): Decision {
  // Whatever arrives is checked for shape first: a command from a screen always fits.
  const parsed = parseCommand(input);
  if (!parsed.ok) return { records: [], refusal: parsed.error };
  return decideParsed(state, parsed.value, env);
}

/** `decide` for a command the caller has already parsed (the storage parses before its lock). */
export function decideParsed(state: DeviceState, command: ParsedCommand, env: DecideEnv): Decision {
  // Time only moves forward, and a ticket or a service is not told twice (log/time-rules.ts).
  const refused = timeOrRepeatRefusal(state, command, env);
  if (refused) return { records: [], refusal: refused };
  return dispatch(handlers, state, command, env);
}

/**
 * Refused before anything is decided: any command while the device's clock reads earlier than the
 * log's last record (beyond the tolerance); a call of a ticket already called this business day,
 * a service started for a ticket already served, or under the id of the service before.
 */
function timeOrRepeatRefusal(
  state: DeviceState,
  command: ParsedCommand,
  env: DecideEnv,
): Refusal | null {
  const v1 = state.legacy && !state.identity;
  const back = clockRefusal({ atMs: state.head.atMs, v1 }, state.config, env.now);
  if (back) return back;
  if (command.type === 'call-next') {
    const event = { type: 'next-called', nextTicket: command.nextTicket } as const;
    if (ticketRepeated(state.tickets, event, env.now, state.config)) {
      return refusal('ticket-already-called', { ticket: command.nextTicket });
    }
  }
  if (command.type === 'start-service') {
    if (state.service?.serviceId === env.newId) return refusal('service-id-repeated');
    const event = { type: 'service-started', ticket: command.ticket } as EventOf<'service-started'>;
    if (ticketRepeated(state.tickets, event, env.now, state.config)) {
      return refusal('ticket-already-served', { ticket: command.ticket });
    }
  }
  return null;
}

/**
 * Every service command passes the session gate (signed in, unlocked, own PIN chosen, allowed to
 * serve) and is judged by the service engine, which routes it by type itself.
 */
const runService: Handler<ServiceCommand> = (state, command, env) => {
  const active = activeSession(state, 'run-service');
  if ('refusal' in active) return { records: [], refusal: active.refusal };
  const author = active.session.staffNo;
  const decision = decideService(state.service, command, {
    ...serviceContext(state.config, env.now, env.mono),
    clerk: author,
  });
  if (!decision.ok) return { records: [], refusal: decision.error };

  const serviceId =
    command.type === 'start-service' ? env.newId : (openService(state)?.serviceId ?? null);
  const records: PlannedRecord[] = decision.value.map((event) => ({
    staffNo: author,
    serviceId,
    event,
  }));
  if (command.type === 'record-complaint' && command.outcome === 'escalated') {
    return withEscalation(state, command.manager?.trim() ?? '', records, env);
  }
  // Leaving the seat locks the screen (离席时需锁屏) in the same step.
  if (command.type === 'leave-seat') {
    records.push({
      staffNo: author,
      serviceId: null,
      event: { type: 'screen-locked', reason: 'leave-seat' },
    });
  }
  return { records, refusal: null };
};

const serviceHandlers = {
  'start-service': runService,
  'name-customer': runService,
  'mark-done': runService,
  skip: runService,
  'mark-na': runService,
  'start-complaint': runService,
  'record-complaint': runService,
  'leave-seat': runService,
  'return-to-seat': runService,
  'announce-money': runService,
  recommend: runService,
  'call-next': runService,
  finish: runService,
  abandon: runService,
} satisfies HandlersFor<ServiceCommand>;

const handlers = {
  ...accessHandlers,
  ...auditHandlers,
  ...serviceHandlers,
  ...shiftHandlers,
} satisfies Handlers;

/**
 * An escalation is confirmed by the manager on duty with their own PIN on this tablet: the clerk's
 * record of the complaint and the manager's confirmation go in together, the confirmation as the
 * manager's own record. A wrong PIN is refused and logged under the manager's staff number, with
 * the same growing waits as a sign-in; someone who is not an enabled manager cannot confirm.
 */
function withEscalation(
  state: DeviceState,
  manager: string,
  records: PlannedRecord[],
  env: DecideEnv,
): Decision {
  const judged = judgePin(state, env.pin, 'escalation', env.now);
  if (judged) return judged;
  const account = state.accounts.get(manager);
  if (!account || !can(account.role, 'confirm-escalation')) {
    return {
      records: [
        {
          staffNo: manager,
          serviceId: null,
          event: {
            type: 'sign-in-failed',
            subject: manager,
            reason: 'not-allowed',
            during: 'escalation',
            failuresInARow: 0,
          },
        },
      ],
      refusal: refusal('escalation-not-manager'),
    };
  }
  const serviceId = records[0]?.serviceId ?? null;
  return {
    records: [...records, { staffNo: manager, serviceId, event: { type: 'escalation-confirmed' } }],
    refusal: null,
  };
}

/**
 * What a clerk asks of a service. Every command after the start names the service it acts on,
 * and step commands name the step, so a tap from a screen that has since changed is refused as
 * stale (service/engine.ts decides them).
 */
import type { AbandonReason, Offer, RecommendationResponse, SkipReason, Title } from '../catalog';
import type { ComplaintStepId } from '../flow/complaint-flow';
import type { StepId } from '../flow/flow-definition';
import type { OutcomeKind } from './complaint';

/** A step of either flow: the seventeen, or the complaint's six. */
export type AnyStepId = StepId | ComplaintStepId;

/**
 * What a clerk asks for. Raw input (ticket text, typed surname, amounts in fen from the keypad) is
 * checked here, which refuses with a reason rather than trusting the screen.
 */
export type ServiceCommand =
  | {
      type: 'start-service';
      ticket: string;
      title: Title;
      surname: string | null;
      businessType: string;
    }
  | { type: 'name-customer'; serviceId: string; surname: string }
  | { type: 'mark-done'; serviceId: string; stepId: AnyStepId }
  | { type: 'skip'; serviceId: string; stepId: AnyStepId; reason: SkipReason | null; note: string }
  | { type: 'mark-na'; serviceId: string; stepId: AnyStepId }
  /** The customer complains during a service: the complaint flow comes first, then the service's own. */
  | { type: 'start-complaint'; serviceId: string }
  /**
   * The complaint's record (its act step). `managerPin`: an escalation is confirmed by the
   * manager on duty typing their own PIN on this tablet (checked by the storage, like an unlock).
   */
  | {
      type: 'record-complaint';
      serviceId: string;
      category: string;
      summary: string;
      outcome: OutcomeKind;
      due: string | null;
      manager: string | null;
      managerPin: string | null;
    }
  | { type: 'leave-seat'; serviceId: string }
  | { type: 'return-to-seat'; serviceId: string }
  | { type: 'announce-money'; serviceId: string; dueFen: number; receivedFen: number }
  | { type: 'recommend'; serviceId: string; offer: Offer; response: RecommendationResponse }
  /** `serviceId`: the open service this call finishes, or null to call the shift's first ticket. */
  | { type: 'call-next'; serviceId: string | null; nextTicket: string }
  | { type: 'finish'; serviceId: string }
  | { type: 'abandon'; serviceId: string; reason: AbandonReason };

export const SERVICE_COMMAND_TYPES: ReadonlySet<string> = new Set<ServiceCommand['type']>([
  'start-service',
  'name-customer',
  'mark-done',
  'skip',
  'mark-na',
  'start-complaint',
  'record-complaint',
  'leave-seat',
  'return-to-seat',
  'announce-money',
  'recommend',
  'call-next',
  'finish',
  'abandon',
]);

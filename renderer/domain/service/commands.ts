/**
 * What a clerk asks of a service. Every command after the start names the service it acts on,
 * and step commands name the step, so a tap from a screen that has since changed is refused as
 * stale (service/engine.ts decides them).
 */
import type { AbandonReason, Offer, RecommendationResponse, SkipReason, Title } from '../catalog';
import type { StepId } from '../flow/flow-definition';

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
  | { type: 'mark-done'; serviceId: string; stepId: StepId }
  | { type: 'skip'; serviceId: string; stepId: StepId; reason: SkipReason | null; note: string }
  | { type: 'mark-na'; serviceId: string; stepId: StepId }
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
  'leave-seat',
  'return-to-seat',
  'announce-money',
  'recommend',
  'call-next',
  'finish',
  'abandon',
]);

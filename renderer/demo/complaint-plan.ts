/**
 * The demo's complaint services: the complaint flow's six steps, after the greeting, resolved on
 * the spot (kept apart from generate.ts, which plans every other part of a service).
 */
import type { ServiceStep } from './memory-device';
import { COMPLAINT_STEP_IDS } from '../domain/flow/complaint-flow';

/** The complaint flow's steps for a complaint service (none for any other business), resolved. */
export function complaintSteps(business: string): ServiceStep[] {
  if (business !== 'complaint') return [];
  return [
    ...COMPLAINT_STEP_IDS.filter(
      (stepId) => stepId !== 'complaint-act' && stepId !== 'complaint-thank',
    ).map((stepId): ServiceStep => ({ type: 'mark-done', stepId })),
    {
      type: 'record-complaint',
      category: 'billing',
      summary: '话费疑问，已当场核对并解释',
      outcome: 'resolved',
      due: null,
      manager: null,
      managerPin: null,
    },
    { type: 'mark-done', stepId: 'complaint-thank' },
  ];
}

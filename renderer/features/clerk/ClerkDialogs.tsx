/**
 * The clerk's quick tasks as dialogs (skip, money, recommendation, call next, customer left,
 * surname, the complaint's record).
 */
import type { Command } from '../../../core/domain/device/commands';
import type { AnyStepId } from '../../../core/domain/service/commands';
import type { ScriptFacts } from '../../../core/domain/script';
import type { ServiceState } from '../../../core/domain/service/engine';
import { useDeviceState } from '../shared/store-context';
import { AbandonDialog } from './AbandonDialog';
import { CallNextDialog } from './CallNextDialog';
import { ComplaintDialog } from './ComplaintDialog';
import { MoneyDialog } from './MoneyDialog';
import { RecommendDialog } from './RecommendDialog';
import { SkipDialog } from './SkipDialog';
import { SurnameDialog } from './SurnameDialog';

export type OpenDialog =
  | { kind: 'skip'; stepId: AnyStepId }
  | { kind: 'money' | 'recommend' | 'call-next' | 'abandon' | 'surname' | 'complaint' };

export function ClerkDialogs({
  dialog,
  service,
  facts,
  suggestedNext,
  onClose,
  onCommand,
  onCallNext,
}: {
  dialog: OpenDialog | null;
  service: ServiceState | null;
  facts: ScriptFacts;
  suggestedNext: string;
  onClose: () => void;
  onCommand: (command: Command) => Promise<boolean>;
  onCallNext: (ticket: string) => void;
}) {
  const { flow } = useDeviceState().config;
  if (!dialog) return null;
  if (dialog.kind === 'call-next') {
    return <CallNextDialog suggested={suggestedNext} onCancel={onClose} onConfirm={onCallNext} />;
  }
  if (!service) return null;
  const serviceId = service.serviceId;
  const send = (command: Command) => void onCommand(command);
  switch (dialog.kind) {
    case 'skip':
      return (
        <SkipDialog
          stepId={dialog.stepId}
          onCancel={onClose}
          onConfirm={(reason, note) =>
            send({ type: 'skip', serviceId, stepId: dialog.stepId, reason, note })
          }
        />
      );
    case 'money':
      return (
        <MoneyDialog
          flow={flow}
          facts={facts}
          onCancel={onClose}
          onConfirm={(dueFen, receivedFen) =>
            send({ type: 'announce-money', serviceId, dueFen, receivedFen })
          }
        />
      );
    case 'recommend':
      return (
        <RecommendDialog
          onCancel={onClose}
          onConfirm={(offer, response) => send({ type: 'recommend', serviceId, offer, response })}
        />
      );
    case 'abandon':
      return (
        <AbandonDialog
          onCancel={onClose}
          onConfirm={(reason) => send({ type: 'abandon', serviceId, reason })}
        />
      );
    case 'complaint':
      return (
        <ComplaintDialog
          onCancel={onClose}
          onConfirm={(form) => send({ type: 'record-complaint', serviceId, ...form })}
        />
      );
    case 'surname':
      return (
        <SurnameDialog
          onCancel={onClose}
          onConfirm={(surname) => send({ type: 'name-customer', serviceId, surname })}
        />
      );
  }
}

/** What can happen at any time in a service: leave the seat, money, hand over, recommend, surname, customer left. */
import { useTranslation } from 'react-i18next';
import type { Command } from '../../../core/domain/device/commands';
import type { ServiceState } from '../../../core/domain/service/engine';
import type { OpenDialog } from './ClerkDialogs';

export function QuickActions({
  service,
  onCommand,
  onDialog,
}: {
  service: ServiceState;
  onCommand: (command: Command) => void;
  onDialog: (dialog: OpenDialog) => void;
}) {
  const { t } = useTranslation();
  const { serviceId } = service;
  const actions: { key: string; label: string; run: () => void; danger?: boolean }[] = [
    {
      key: 'leaveSeat',
      label: t('quick.leaveSeat'),
      run: () => onCommand({ type: 'leave-seat', serviceId }),
    },
    { key: 'money', label: t('quick.money'), run: () => onDialog({ kind: 'money' }) },
    {
      key: 'handOver',
      label: t('quick.handOver'),
      run: () => onCommand({ type: 'mark-done', serviceId, stepId: 'both-hands' }),
    },
    { key: 'recommend', label: t('quick.recommend'), run: () => onDialog({ kind: 'recommend' }) },
    ...(service.surname
      ? []
      : [{ key: 'surname', label: t('quick.surname'), run: () => onDialog({ kind: 'surname' }) }]),
    {
      key: 'abandon',
      label: t('quick.abandon'),
      run: () => onDialog({ kind: 'abandon' }),
      danger: true,
    },
  ];
  return (
    <section className="quick-section" aria-labelledby="quick-title">
      <h3 id="quick-title">{t('quick.heading')}</h3>
      <div className="quick">
        {actions.map((action) => (
          <button
            key={action.key}
            type="button"
            className={action.danger ? 'quick-button danger' : 'quick-button'}
            onClick={action.run}
          >
            {action.label}
          </button>
        ))}
      </div>
    </section>
  );
}

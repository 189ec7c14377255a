/**
 * The clerk's own opening check (自查) in place of the start panel: the list, "Later" back to the
 * counter (the reminder stays until the check is recorded), and the record once every item is
 * answered. Items found Not OK then stay on the counter screen until put right.
 */
import '../shared/shift.css';
import { useTranslation } from 'react-i18next';
import type { Command } from '../../../core/domain/device/commands';
import type { OpeningItem } from '../../../core/domain/shift/opening-items';
import { OpeningCheckForm } from '../shared/OpeningCheckForm';

export function OpeningCheck({
  staffNo,
  items,
  onRun,
  onClose,
}: {
  staffNo: string;
  items: readonly OpeningItem[];
  onRun: (command: Command) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <main className="opening-screen" aria-labelledby="opening-title">
      <h2 id="opening-title">{t('shift.checkTitle')}</h2>
      <p>{t('shift.checkIntro')}</p>
      <OpeningCheckForm
        items={items}
        requireAll
        submitLabel={t('shift.recordOwn')}
        onLater={onClose}
        onSubmit={async (answers) => {
          const stored = await onRun({
            type: 'record-opening-check',
            subject: staffNo,
            kind: 'self',
            results: answers,
          });
          if (stored) onClose();
          return stored;
        }}
      />
    </main>
  );
}

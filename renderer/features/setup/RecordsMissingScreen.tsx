/**
 * The log is empty but its witness says records were there: the browser's storage was cleared, or
 * found damaged and discarded. First run is not offered — a new, empty log must never start over
 * an old one — only restoring the latest backup, and the advice to tell the manager or auditor.
 */
import { useTranslation } from 'react-i18next';
import { SetupPage } from '../../ui/SetupPage';
import { LazyRestorePanel as RestorePanel } from './LazyRestorePanel';

export function RecordsMissingScreen({ witnessSeq }: { witnessSeq: number }) {
  const { t } = useTranslation();
  return (
    <SetupPage title={t('missing.title')}>
      <section className="setup-form" role="alert" data-startup="records-missing">
        <p>{t('missing.body', { count: witnessSeq })}</p>
        <p className="hint">{t('missing.todo')}</p>
      </section>
      <RestorePanel />
    </SetupPage>
  );
}

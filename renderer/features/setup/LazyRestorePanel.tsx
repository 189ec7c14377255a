/**
 * Restoring a backup brings the export's reader and verifier (unzipping, the synchronous hash):
 * loaded only when someone opens it, never with the clerk's screen.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { loadLaterWords } from '../../i18n';

const RestorePanel = lazy(() =>
  Promise.all([import('./RestorePanel'), loadLaterWords()]).then(([module]) => ({
    default: module.RestorePanel,
  })),
);

export function LazyRestorePanel({ finishing = false }: { finishing?: boolean }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
      <RestorePanel finishing={finishing} />
    </Suspense>
  );
}

/**
 * The device's log, for auditors and managers: verify it — every hash, every link, every record
 * allowed for its author at that point, every checkpoint's signature, and the head against its
 * witness — and see where it breaks, if it does; export a range of days; verify an export file.
 * Nothing here changes the log (an export is recorded, as who took what).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../core/domain/log/verify';
import { FormError } from '../../ui/FormError';
import { useDeviceState, useStore } from '../shared/store-context';
import { useBusy } from '../shared/use-busy';
import { useStorageErrorMessage } from '../shared/use-refusal-message';
import { can } from '../../../core/domain/permissions';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { VerdictView } from './VerdictView';
import { VerifyFilePanel } from './VerifyFilePanel';

export function LogScreen() {
  const { t } = useTranslation();
  const store = useStore();
  const { session } = useDeviceState();
  const storageMessage = useStorageErrorMessage();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { busy, whileBusy } = useBusy();

  const check = () =>
    whileBusy(async () => {
      try {
        setVerdict(await store.verify());
        setError(null);
      } catch (failure) {
        setError(storageMessage(failure));
      }
    });

  return (
    <main className="admin">
      <section className="panel" aria-labelledby="log-title">
        <h2 id="log-title">{t('audit.title')}</h2>
        <p className="hint">{t('audit.readOnly')}</p>
        <button type="button" className="primary big" disabled={busy} onClick={() => void check()}>
          {busy ? t('audit.verifying') : t('audit.verify')}
        </button>
        <FormError message={error} />
        {verdict && <VerdictView verdict={verdict} />}
      </section>
      <ExportPanel />
      <VerifyFilePanel />
      {session && can(session.role, 'import-log') && <ImportPanel />}
    </main>
  );
}

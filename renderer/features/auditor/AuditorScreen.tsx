/**
 * The auditor's view of this device's log: check the hash chain and see where it breaks, if it
 * does. Read-only: nothing here writes. (Day exports arrive with the auditor issue.)
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainVerdict } from '../../domain/hash-chain';
import { useRepositories } from '../../storage/provider';
import { FormError } from '../../ui/FormError';

export function AuditorScreen() {
  const { t } = useTranslation();
  const { audit } = useRepositories();
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async () => {
    setBusy(true);
    const result = await audit.verify();
    setBusy(false);
    if (result.ok) {
      setVerdict(result.verdict);
      setError(null);
    } else setError(t(`auth.${result.refusal}`));
  };

  return (
    <main className="admin">
      <section className="panel" aria-labelledby="log-title">
        <h2 id="log-title">{t('audit.title')}</h2>
        <p className="hint">{t('audit.readOnly')}</p>
        <button type="button" className="primary big" disabled={busy} onClick={() => void check()}>
          {t('audit.verify')}
        </button>
        <FormError message={error} />
        {verdict && (
          <p className={verdict.intact ? 'verdict ok' : 'verdict bad'} role="status">
            {verdict.intact
              ? t('audit.intact', { count: verdict.count })
              : t('audit.broken', {
                  seq: verdict.firstBadSeq ?? '?',
                  problem: t(`audit.problem.${verdict.problem}`),
                })}
          </p>
        )}
      </section>
    </main>
  );
}

/**
 * Tells everyone at the device when the log disagrees with its witness (records removed from the
 * end, or history rewritten), or when checkpoints can no longer be signed. It stays until the
 * cause is dealt with: a manager or auditor verifies the log and reports it.
 */
import { useTranslation } from 'react-i18next';
import { useSnapshot } from './store-context';

export function IntegrityBanner() {
  const { t } = useTranslation();
  const { integrity, invalid, signingKeyMissing } = useSnapshot();
  const messages = [
    integrity?.kind === 'records-missing' &&
      t('integrity.recordsMissing', { after: integrity.afterSeq, witness: integrity.witnessSeq }),
    integrity?.kind === 'witness-mismatch' &&
      t('integrity.witnessMismatch', { seq: integrity.seq }),
    invalid.length > 0 &&
      t('integrity.invalidRecords', {
        count: invalid.length,
        seqs: invalid.map((item) => item.seq ?? '?').join(', '),
      }),
    signingKeyMissing && t('integrity.signingKeyMissing'),
  ].filter((message): message is string => Boolean(message));
  if (messages.length === 0) return null;
  return (
    <div className="integrity-banner" role="alert">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

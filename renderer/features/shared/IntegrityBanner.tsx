/**
 * Tells everyone at the device when the log disagrees with its witness (records removed from the
 * end, or history rewritten), when the check of the whole log behind the screens found a record
 * wrong (in the words Verify uses for it), or when checkpoints can no longer be signed. It stays
 * until the cause is dealt with: a manager or auditor verifies the log and reports it.
 */
import { useEffect, useState } from 'react';
import { loadLaterWords } from '../../i18n';
import { useTranslation } from 'react-i18next';
import { logProblemText } from '../../../core/export/messages';
import { useSnapshot } from './store-context';

export function IntegrityBanner() {
  const { t } = useTranslation();
  const { integrity, logCheck, invalid, signingKeyMissing } = useSnapshot();
  // Verify's words for a problem come with the Log screen's (i18n/parts.ts); the check behind the
  // screens finds one before any such screen opened, so they are loaded first.
  const [verifyWords, setVerifyWords] = useState(false);
  useEffect(() => {
    if (logCheck && !verifyWords) void loadLaterWords().then(() => setVerifyWords(true));
  }, [logCheck, verifyWords]);
  const messages = [
    integrity?.kind === 'records-missing' &&
      t('integrity.recordsMissing', { after: integrity.afterSeq, witness: integrity.witnessSeq }),
    integrity?.kind === 'witness-mismatch' &&
      t('integrity.witnessMismatch', { seq: integrity.seq }),
    logCheck && verifyWords && t('integrity.logCheck', { problem: logProblemText(t, logCheck) }),
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

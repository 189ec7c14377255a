/**
 * Settings → Store hub on a tablet restored from a backup, once the hub refused its push because
 * nobody approved the restore: the one-time restore code a manager made for this device on the
 * hub's devices page. The hub takes the tablet's new keys when it gets the code signed with them;
 * then the automatic push goes on at once.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubProblem } from '../../storage';
import { platform } from '../../platform';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { hubRestoreApproved } from '../shared/auto-push-status';
import { useStore } from '../shared/store-context';

export function RestoreApproval({
  origin,
  problemText,
  onApproved,
}: {
  origin: string;
  problemText: (problem: HubProblem) => string;
  onApproved: () => void;
}) {
  const { t } = useTranslation();
  const store = useStore();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const approve = async () => {
    setProblem(null);
    setBusy(true);
    const result = await store.hub.approveRestore(platform().hubTransport(origin), code);
    setBusy(false);
    if (!result.ok) {
      const { error } = result;
      setProblem(
        error.kind === 'refused' && error.error.error === 'bad-code'
          ? t('hub.restore.badCode')
          : problemText(error),
      );
      return;
    }
    setCode('');
    hubRestoreApproved();
    onApproved();
  };

  return (
    <div className="setting" data-restore-approval>
      <p className="hint">{t('hub.restore.intro')}</p>
      <TextField label={t('hub.restore.code')} value={code} onChange={setCode} maxLength={24} />
      <button type="button" className="primary" disabled={busy} onClick={approve}>
        {t('hub.restore.approve')}
      </button>
      <FormError message={problem} />
    </div>
  );
}

/**
 * A replaced tablet takes over a counter's log from its backup (an export from the log's
 * beginning): the backup is checked in full, its records go in as they were, and the log goes on
 * here under this tablet's own id and key chain. PINs never travel in a backup, so a manager of
 * that log sets a new one here and is signed in; everyone else gets a new PIN from them.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { ZipFileField } from '../../ui/ZipFileField';
import { useStore } from '../shared/store-context';
import { useBusy } from '../shared/use-busy';
import { useImportMessage } from '../shared/use-import-message';
import { NewPinPair } from './NewPinPair';

/** `finishing`: the backup's records are in already (the app closed before the restore finished). */
export function RestorePanel({ finishing = false }: { finishing?: boolean }) {
  const { t } = useTranslation();
  const store = useStore();
  const importMessage = useImportMessage();
  const [file, setFile] = useState<File | null>(null);
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { busy, whileBusy } = useBusy();

  const restore = async () => {
    if (!finishing && !file) return setError(t('restoring.chooseFile'));
    await whileBusy(async () => {
      const manager = { staffNo, pin, confirmation };
      const result =
        finishing || !file
          ? await store.execute({ type: 'finish-restore', ...manager })
          : await store.archive.restoreBackup(new Uint8Array(await file.arrayBuffer()), manager);
      if (!result.ok) setError(importMessage(result.error));
    });
  };

  return (
    <section className="setup-form" aria-labelledby="restore-title">
      <h2 id="restore-title">{t('restoring.title')}</h2>
      <p>{finishing ? t('restoring.finishIntro') : t('restoring.intro')}</p>
      {!finishing && <ZipFileField label={t('restoring.file')} onChange={setFile} />}
      <TextField
        label={t('restoring.manager')}
        value={staffNo}
        onChange={setStaffNo}
        maxLength={12}
      />
      <NewPinPair
        pin={pin}
        confirmation={confirmation}
        onPin={setPin}
        onConfirmation={setConfirmation}
      />
      <FormError message={error} />
      <button
        type="button"
        className="secondary big"
        disabled={busy}
        onClick={() => void restore()}
      >
        {busy ? t('restoring.running') : t('restoring.submit')}
      </button>
    </section>
  );
}

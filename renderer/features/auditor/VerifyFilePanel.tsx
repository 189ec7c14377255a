/**
 * Verify an export file on this device, with the same code as `npx counter-steps verify`: pick
 * the zip (and, to check it continues it, the export before it); give the device's key
 * fingerprint if you hold it. Nothing is stored. The file is read a part at a time as it is
 * checked (a counter-year's export is never held whole), with progress and a cancel button.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgressRow } from '../../ui/ProgressRow';
import { TextField } from '../../ui/TextField';
import { ZipFileField } from '../../ui/ZipFileField';
import { checkExportFile, type FileCheck } from './check-export-file';

export function VerifyFilePanel() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [previous, setPrevious] = useState<File | null>(null);
  const [key, setKey] = useState('');
  const [result, setResult] = useState<FileCheck | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const busy = progress !== null;

  const check = async () => {
    if (!file) return;
    const abort = new AbortController();
    controller.current = abort;
    setResult(null);
    setCancelled(false);
    setProgress({ done: 0, total: 1 });
    try {
      const checked = await checkExportFile(t, {
        file,
        previous,
        key,
        signal: abort.signal,
        onProgress: (done, total) => setProgress({ done, total: Math.max(total, 1) }),
      });
      if (checked) setResult(checked);
      else setCancelled(true);
    } finally {
      controller.current = null;
      setProgress(null);
    }
  };

  const ok = result?.verdict?.status === 'intact';
  return (
    <section className="panel" aria-labelledby="verify-file-title">
      <h2 id="verify-file-title">{t('verifyFile.title')}</h2>
      <ZipFileField label={t('verifyFile.file')} onChange={setFile} />
      <ZipFileField label={t('verifyFile.previous')} onChange={setPrevious} />
      <TextField label={t('verifyFile.key')} value={key} onChange={setKey} maxLength={600} />
      {progress && (
        <ProgressRow
          value={progress.done}
          max={progress.total}
          label={t('verifyFile.progress', {
            percent: Math.round((progress.done / progress.total) * 100),
          })}
          cancelLabel={t('verifyFile.cancel')}
          onCancel={() => controller.current?.abort()}
        />
      )}
      {cancelled && <p role="status">{t('verifyFile.cancelled')}</p>}
      <button
        type="button"
        className="primary big"
        disabled={!file || busy}
        onClick={() => void check()}
      >
        {busy ? t('audit.verifying') : t('verifyFile.check')}
      </button>
      {result && (
        <div
          className={ok ? 'verdict ok' : 'verdict bad'}
          role="status"
          data-verdict={result.verdict?.status ?? 'unusable'}
        >
          {result.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </section>
  );
}

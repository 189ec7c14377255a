/**
 * Verify an export file on this device, with the same code as `npx counter-steps verify`: pick
 * the zip (and, to check it continues it, the export before it); give the device's key
 * fingerprint if you hold it. Nothing is stored.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportProblemText, verdictLines } from '../../export/messages';
import { readExportZip, type ReadExportProblem } from '../../export/read-export';
import { verifyExport, type ExportVerdict } from '../../export/verify-export';
import { TextField } from '../../ui/TextField';
import { ZipFileField } from '../../ui/ZipFileField';
import { useBusy } from '../shared/use-busy';

async function open(file: File) {
  return readExportZip(new Uint8Array(await file.arrayBuffer()));
}

export function VerifyFilePanel() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [previous, setPrevious] = useState<File | null>(null);
  const [key, setKey] = useState('');
  const [result, setResult] = useState<{ verdict: ExportVerdict | null; lines: string[] } | null>(
    null,
  );
  const { busy, whileBusy } = useBusy();

  /** A file that could not be read as an export: no verdict, only why. */
  const unusable = (kind: ReadExportProblem) => {
    const problem = exportProblemText(t, { kind });
    setResult({ verdict: null, lines: [t('verifyFile.unusable', { problem })] });
  };

  const check = async () => {
    if (!file) return;
    await whileBusy(async () => {
      const opened = await open(file);
      if (!opened.ok) return unusable(opened.error);
      const earlier = previous ? await open(previous) : null;
      if (earlier && !earlier.ok) return unusable(earlier.error);
      const verdict = await verifyExport(opened.value, {
        expectedKey: key.trim() || undefined,
        previous: earlier?.ok ? earlier.value : undefined,
      });
      setResult({ verdict, lines: verdictLines(t, verdict) });
    });
  };

  const ok = result?.verdict?.status === 'intact';
  return (
    <section className="panel" aria-labelledby="verify-file-title">
      <h2 id="verify-file-title">{t('verifyFile.title')}</h2>
      <ZipFileField label={t('verifyFile.file')} onChange={setFile} />
      <ZipFileField label={t('verifyFile.previous')} onChange={setPrevious} />
      <TextField label={t('verifyFile.key')} value={key} onChange={setKey} maxLength={600} />
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

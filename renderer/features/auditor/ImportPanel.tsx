/**
 * Managers add other counters' logs to this device from their exports, read-only, to review
 * them here before the store hub exists. Each export is checked in full first; nothing is written
 * unless it is intact and continues what is held of that counter.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainRow } from '../../storage';
import { FormError } from '../../ui/FormError';
import { ZipFileField } from '../../ui/ZipFileField';
import { useStore } from '../shared/store-context';
import { useBusy } from '../shared/use-busy';
import { cautionLines, useImportMessage } from '../shared/use-import-message';

export function ImportPanel() {
  const { t } = useTranslation();
  const store = useStore();
  const importMessage = useImportMessage();
  const [chains, setChains] = useState<ChainRow[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  /** Why the export chosen waits for confirmation (a new device, mid-log, a counter in use). */
  const [cautions, setCautions] = useState<string[] | null>(null);
  const { busy, whileBusy } = useBusy();

  useEffect(() => {
    void store.archive.chains().then(setChains);
  }, [store]);

  const add = async (confirmed = false) => {
    if (!file) return;
    await whileBusy(async () => {
      setCautions(null);
      const result = await store.archive.importChain(new Uint8Array(await file.arrayBuffer()), {
        confirmed,
      });
      if (!result.ok && 'kind' in result.error && result.error.kind === 'needs-confirmation') {
        setMessage(null);
        return setCautions(cautionLines(t, result.error));
      }
      if (!result.ok) return setMessage({ ok: false, text: importMessage(result.error) });
      setChains(await store.archive.chains());
      setMessage({
        ok: true,
        text:
          result.value.added === 0
            ? t('importing.alreadyHeld', { counter: result.value.chain.counter ?? '—' })
            : t('importing.added', {
                count: result.value.added,
                counter: result.value.chain.counter ?? '—',
              }),
      });
    });
  };

  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('importing.title')}</h2>
      <p className="hint">{t('importing.intro')}</p>
      {chains.length > 0 && (
        <table className="accounts">
          <thead>
            <tr>
              <th>{t('importing.counter')}</th>
              <th>{t('importing.records')}</th>
              <th>{t('device.fingerprint')}</th>
            </tr>
          </thead>
          <tbody>
            {chains.map((chain) => (
              <tr key={chain.device} data-chain={chain.device}>
                <td>{chain.counter ?? '—'}</td>
                <td>{t('importing.range', { first: chain.firstSeq, last: chain.headSeq })}</td>
                <td className="fingerprint">{chain.fingerprint}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ZipFileField
        label={t('verifyFile.file')}
        onChange={(chosen) => {
          setFile(chosen);
          setCautions(null);
        }}
      />
      {cautions && (
        <div role="alertdialog" aria-labelledby="import-confirm-title" className="confirm">
          <h3 id="import-confirm-title">{t('importing.confirm.title')}</h3>
          <ul>
            {cautions.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <button type="button" disabled={busy} onClick={() => void add(true)}>
            {t('importing.confirm.add')}
          </button>
          <button type="button" disabled={busy} onClick={() => setCautions(null)}>
            {t('importing.confirm.cancel')}
          </button>
        </div>
      )}
      {message && !message.ok && <FormError message={message.text} />}
      {message?.ok && <p role="status">{message.text}</p>}
      <button
        type="button"
        className="primary big"
        disabled={!file || busy || cautions !== null}
        onClick={() => void add()}
      >
        {t('importing.add')}
      </button>
    </section>
  );
}

/**
 * Making an export, as the auditor's Export button does: seal the log (a fresh checkpoint), plan
 * the range, build the zip in passes with the files streaming to the platform (Electron's exports
 * folder, or a download), then record the export in the log with its digests. Progress and
 * cancel; a failure at any point drops the partial file and says why.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fingerprint } from '../../../core/domain/log/signing';
import { currentLocale } from '../../i18n';
import { buildExport } from '../../../core/export/build-export';
import { exportFileName } from '../../../core/export/format';
import type { Masking } from '../../../core/export/rows';
import { platform } from '../../platform';
import { useStore } from '../shared/store-context';
import { useListLabel } from '../shared/use-list-label';
import { useRefusalMessage, useStorageErrorMessage } from '../shared/use-refusal-message';

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'saved'; path: string; records: number }
  | { phase: 'failed'; message: string };

/** Gathers the zip's small chunks into writes of about a megabyte. */
function batched(write: (chunk: Uint8Array<ArrayBuffer>) => Promise<void>) {
  let parts: Uint8Array[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const chunk = new Uint8Array(size);
    let offset = 0;
    for (const part of parts) {
      chunk.set(part, offset);
      offset += part.length;
    }
    parts = [];
    size = 0;
    await write(chunk);
  };
  return {
    push: async (chunk: Uint8Array) => {
      parts.push(chunk);
      size += chunk.length;
      if (size >= 1024 * 1024) await flush();
    },
    flush,
  };
}

export function useExport() {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const label = useListLabel();
  const refusalMessage = useRefusalMessage();
  const storageMessage = useStorageErrorMessage();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(
    async (range: { from: string; to: string }, masking: Masking) => {
      const abort = new AbortController();
      controller.current = abort;
      setState({ phase: 'running', done: 0, total: 1 });
      const bridge = platform();
      let handle: string | null = null;
      try {
        const sealed = await store.execute({ type: 'seal-for-export' });
        if (!sealed.ok) return setState({ phase: 'failed', message: refusalMessage(sealed.error) });
        const plan = await store.archive.planExport(range);
        if (!plan.ok)
          return setState({ phase: 'failed', message: t(`exporting.problem.${plan.error}`) });
        const { state: device } = store.snapshot;
        if (!device.identity || !device.session)
          return setState({ phase: 'failed', message: t('refusal.not-signed-in') });
        const { days } = plan.value;
        const begun = await bridge.beginExport({
          fileName: exportFileName(device.counter, days.from, days.to),
        });
        if (!begun.ok)
          return setState({ phase: 'failed', message: t('exporting.problem.write-failed') });
        handle = begun.value.handle;
        const fileHandle = handle;
        const sink = batched(async (chunk) => {
          const written = await bridge.writeExport({ handle: fileHandle, chunk });
          if (!written.ok) throw new Error(written.error);
        });
        const result = await buildExport({
          ...plan.value,
          range: {
            ...days,
            timeZone: device.config.timeZone,
            dayStartMinutes: device.config.dayStartMinutes,
          },
          device: {
            id: device.identity.deviceId,
            counter: device.counter,
            firstKey: device.identity.firstKey,
            fingerprint: await fingerprint(device.identity.firstKey),
          },
          exportedBy: { staffNo: device.session.staffNo, role: device.session.role },
          exportedAt: new Date().toISOString(),
          masking,
          locale: currentLocale(i18n.language),
          appVersion: __APP_VERSION__,
          config: device.config,
          labels: {
            business: (code) => label('business-types', code),
            step: (id) => t(`steps.${id}.name`),
            complaintCategory: (code) => t(`complaint.category.${code}`),
          },
          sink: sink.push,
          signal: abort.signal,
          onProgress: (done, total) => setState({ phase: 'running', done, total }),
        });
        await sink.flush();
        const finished = await bridge.finishExport({ handle });
        handle = null;
        if (!finished.ok)
          return setState({ phase: 'failed', message: t('exporting.problem.write-failed') });
        const recorded = await store.execute({
          type: 'record-export',
          export: {
            from: days.from,
            to: days.to,
            firstSeq: result.manifest.records.first.seq,
            lastSeq: result.manifest.records.last.seq,
            masked: masking !== 'none',
            manifestSha256: result.manifestSha256,
            files: result.files.map(({ name, sha256 }) => ({ name, sha256 })),
          },
        });
        if (!recorded.ok)
          return setState({ phase: 'failed', message: refusalMessage(recorded.error) });
        setState({
          phase: 'saved',
          path: finished.value.path,
          records: result.manifest.records.count,
        });
      } catch (error) {
        const cancelled = error instanceof DOMException && error.name === 'AbortError';
        setState({
          phase: 'failed',
          message: cancelled
            ? t('exporting.cancelled')
            : error instanceof Error && error.name === 'StorageError'
              ? storageMessage(error)
              : t('exporting.problem.write-failed'),
        });
      } finally {
        if (handle) await bridge.abortExport({ handle });
        controller.current = null;
      }
    },
    [store, t, i18n.language, label, refusalMessage, storageMessage],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, start, cancel };
}

/**
 * The auditor's Export button: runs the store's export workflow (storage/export-service.ts: seal,
 * plan, build, record) into the platform's file (Electron's exports folder, or a download) and
 * shows its progress, a cancel, and what went wrong in words.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import type { Masking } from '../../../core/export/rows';
import { platform } from '../../platform';
import { makeExport, type ExportTarget } from '../../storage';
import { useStore } from '../shared/store-context';
import { useListLabel } from '../shared/use-list-label';
import { useRefusalMessage, useStorageErrorMessage } from '../shared/use-refusal-message';

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'saved'; path: string; records: number }
  | { phase: 'failed'; message: string };

/** The platform's export files as the export workflow's target. */
function platformTarget(): ExportTarget {
  const bridge = platform();
  return {
    begin: async (fileName) => {
      const begun = await bridge.beginExport({ fileName });
      return begun.ok ? begun.value.handle : null;
    },
    write: async (handle, chunk) => (await bridge.writeExport({ handle, chunk })).ok,
    finish: async (handle) => {
      const finished = await bridge.finishExport({ handle });
      return finished.ok ? finished.value.path : null;
    },
    abort: async (handle) => void (await bridge.abortExport({ handle })),
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
      try {
        const made = await makeExport(
          store,
          {
            range,
            masking,
            locale: currentLocale(i18n.language),
            appVersion: __APP_VERSION__,
            labels: {
              business: (code) => label('business-types', code),
              step: (id) => t(`steps.${id}.name`),
              complaintCategory: (code) => t(`complaint.category.${code}`),
            },
            signal: abort.signal,
            onProgress: (done, total) => setState({ phase: 'running', done, total }),
          },
          platformTarget(),
        );
        if (made.ok) {
          return setState({
            phase: 'saved',
            path: made.value.path,
            records: made.value.result.manifest.records.count,
          });
        }
        const failure = made.error;
        setState({
          phase: 'failed',
          message:
            failure.kind === 'refused'
              ? refusalMessage(failure.refusal)
              : failure.kind === 'plan'
                ? t(`exporting.problem.${failure.problem}`)
                : failure.kind === 'not-signed-in'
                  ? t('refusal.not-signed-in')
                  : t('exporting.problem.write-failed'),
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
        controller.current = null;
      }
    },
    [store, t, i18n.language, label, refusalMessage, storageMessage],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, start, cancel };
}

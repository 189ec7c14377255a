/**
 * "Verify a file" without holding it: the picked zip (and the export before it) are read from the
 * File a part at a time and checked as they stream (verify-export.ts), with progress and cancel.
 * Returns the verdict in lines for the panel, or null when cancelled.
 */
import { exportProblemText, verdictLines } from '../../export/messages';
import { verifyExport, type ExportVerdict } from '../../export/verify-export';
import { blobSource, openZip } from '../../export/zip-entries';

type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface FileCheck {
  verdict: ExportVerdict | null;
  lines: string[];
}

export async function checkExportFile(
  t: Translate,
  request: {
    file: Blob;
    previous?: Blob | null;
    key?: string;
    signal?: AbortSignal;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<FileCheck | null> {
  const unusable = (kind: Parameters<typeof exportProblemText>[1]): FileCheck => ({
    verdict: null,
    lines: [t('verifyFile.unusable', { problem: exportProblemText(t, kind) })],
  });
  const opened = await openZip(blobSource(request.file));
  if (!opened.ok) return unusable({ kind: opened.error });
  const earlier = request.previous ? await openZip(blobSource(request.previous)) : null;
  if (earlier && !earlier.ok) return unusable({ kind: earlier.error });
  try {
    const verdict = await verifyExport(opened.value, {
      expectedKey: request.key?.trim() || undefined,
      previous: earlier?.ok ? earlier.value : undefined,
      signal: request.signal,
      onProgress: request.onProgress,
    });
    return { verdict, lines: verdictLines(t, verdict) };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    throw error;
  }
}

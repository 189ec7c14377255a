/**
 * "Verify a file" without holding it: the picked zip (and the export before it) are checked in a
 * worker, read from the File a part at a time as they stream (verify-messages.ts), with progress
 * and cancel. Returns the verdict in lines for the panel, or null when cancelled.
 */
import type { TFunction } from 'i18next';
import { exportProblemText, verdictLines } from '../../../core/export/messages';
import {
  checkFile,
  type FileCheckOptions,
  type FileCheckRequest,
} from '../../../core/export/verify-messages';
import type { ExportVerdict } from '../../../core/export/verify-export';

type Translate = TFunction<'translation'>;

export interface FileCheck {
  verdict: ExportVerdict | null;
  lines: string[];
}

export async function checkExportFile(
  t: Translate,
  request: FileCheckRequest & FileCheckOptions,
): Promise<FileCheck | null> {
  const { signal, onProgress, ...files } = request;
  const outcome = await checkFile(files, { signal, onProgress });
  if (outcome.kind === 'cancelled') return null;
  if (outcome.kind === 'unusable')
    return {
      verdict: null,
      lines: [
        t('verifyFile.unusable', { problem: exportProblemText(t, { kind: outcome.problem }) }),
      ],
    };
  return { verdict: outcome.verdict, lines: verdictLines(t, outcome.verdict) };
}

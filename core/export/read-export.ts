/**
 * Opens an export zip into its files, refusing what is not one before decompressing anything
 * large: a file that is not a zip, one bigger than MAX_EXPORT_BYTES, an entry in a folder or
 * bigger than MAX_FILE_BYTES. The answer says which, for a clear message.
 */
import { unzipSync } from 'fflate';
import { err, ok, type Result } from '../domain/result';
import { MAX_EXPORT_BYTES, MAX_FILE_BYTES } from './format';

export type ReadExportProblem = 'too-large' | 'not-a-zip' | 'entry-too-large' | 'entry-in-folder';

export function readExportZip(
  bytes: Uint8Array,
): Result<Map<string, Uint8Array>, ReadExportProblem> {
  if (bytes.length > MAX_EXPORT_BYTES) return err('too-large');
  // "PK\x03\x04": every zip starts with a local file header.
  if (
    bytes.length < 4 ||
    bytes[0] !== 0x50 ||
    bytes[1] !== 0x4b ||
    bytes[2] !== 3 ||
    bytes[3] !== 4
  ) {
    return err('not-a-zip');
  }
  let problem: ReadExportProblem | null = null;
  try {
    const entries = unzipSync(bytes, {
      filter: (file) => {
        if (file.name.includes('/') || file.name.includes('\\')) problem ??= 'entry-in-folder';
        if (file.originalSize > MAX_FILE_BYTES) problem ??= 'entry-too-large';
        return problem === null;
      },
    });
    if (problem) return err(problem);
    return ok(new Map(Object.entries(entries)));
  } catch {
    return err(problem ?? 'not-a-zip');
  }
}

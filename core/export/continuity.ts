/**
 * One export continuing another (`--previous`): by sequence, with no record between them, and —
 * for an export whose key chain starts at the previous export's end (decision 0074) — from the
 * very key that export's chain ended with. verify-export.ts runs these once both are checked.
 */
import { canonicalize } from '../domain/log/canonical';
import type { ExportProblem } from './export-problem';
import type { Manifest } from './format';
import { keyChainAt } from './key-anchor';

/**
 * Whether `manifest` picks up where `earlier` ended: the earlier export ends before this one
 * starts (not the same export, not the pair reversed, no overlap), with no record between them,
 * and this one's first record links to its last.
 */
export function continuesFrom(earlier: Manifest, manifest: Manifest): ExportProblem | null {
  if (canonicalize(earlier.device.firstKey) !== canonicalize(manifest.device.firstKey)) {
    return { kind: 'previous-other-device' };
  }
  if (canonicalize(earlier) === canonicalize(manifest)) return { kind: 'previous-same' };
  const end = earlier.records.last;
  const start = manifest.records.first;
  if (end.seq >= start.seq) {
    return {
      kind: 'previous-not-before',
      previousLast: end.seq,
      first: start.seq,
      last: manifest.records.last.seq,
    };
  }
  if (end.seq + 1 < start.seq)
    return { kind: 'previous-gap', from: end.seq + 1, to: start.seq - 1 };
  return start.prevHash === end.hash ? null : { kind: 'previous-fork', seq: start.seq };
}

/** The key chain `start` names is where `earlier`'s (checked) chain stood at its last record. */
export function startsWhereEnded(earlier: Manifest, start: NonNullable<Manifest['keyChainFrom']>) {
  const ended =
    keyChainAt(earlier.keyRecords, earlier.records.last.seq) ??
    (earlier.keyChainFrom
      ? {
          seq: earlier.keyChainFrom.seq,
          keyIndex: earlier.keyChainFrom.keyIndex,
          key: earlier.keyChainFrom.key,
        }
      : null);
  return (
    ended !== null &&
    ended.seq === start.seq &&
    ended.keyIndex === start.keyIndex &&
    canonicalize(ended.key) === canonicalize(start.key)
  );
}

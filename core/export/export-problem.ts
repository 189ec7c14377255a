/**
 * What can be wrong with an export, in the order the verifier meets it (verify-export.ts). Its own
 * file because the log's line-by-line check (log-check.ts) reports in it too: in verify-export.ts
 * the two imported each other.
 */
import type { VerifyProblem } from '../domain/log/verify';

export type ExportProblem =
  /** The input is not something this verifier can judge (exit code 2). */
  | { kind: 'not-an-export'; detail: string }
  | { kind: 'manifest-unreadable'; detail: string }
  | { kind: 'unsupported-version'; detail: string }
  /** The device key given to check against is neither a fingerprint nor a public key (JWK). */
  | { kind: 'key-unreadable' }
  /** Its key chain starts at the previous export's end (decision 0074): only with it can it be checked. */
  | { kind: 'needs-previous'; seq: number }
  /** The input is an export, and it is not intact (exit code 1). */
  | { kind: 'file-missing'; file: string }
  | { kind: 'file-not-listed'; file: string }
  /** Two entries of the zip have the same name: which one a reader takes is anyone's guess. */
  | { kind: 'file-twice'; file: string }
  | { kind: 'file-changed'; file: string }
  | { kind: 'log-line-unreadable'; line: number }
  /** A line of personal.jsonl is not a value (with its salt) that its record commits to. */
  | { kind: 'personal-value'; line: number }
  | { kind: 'manifest-mismatch'; field: 'first' | 'last' | 'count' | 'device' }
  | {
      kind: 'key-record';
      seq: number | null;
      detail: 'hash' | 'order' | 'first' | 'key' | 'signature';
    }
  | { kind: 'first-key-mismatch' }
  | { kind: 'manifest-signature' }
  | { kind: 'log'; problem: VerifyProblem }
  | { kind: 'previous-other-device' }
  /** The "previous" export is this very export. */
  | { kind: 'previous-same' }
  /** The "previous" export does not end before this one starts (the pair reversed, or overlapping). */
  | { kind: 'previous-not-before'; previousLast: number; first: number; last: number }
  | { kind: 'previous-gap'; from: number; to: number }
  | { kind: 'previous-fork'; seq: number }
  /** The key chain does not start where the previous export's ended (decision 0074). */
  | { kind: 'previous-key-mismatch'; seq: number }
  | { kind: 'previous-not-intact'; problem: ExportProblem };

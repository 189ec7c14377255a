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
  /** The input is an export, and it is not intact (exit code 1). */
  | { kind: 'file-missing'; file: string }
  | { kind: 'file-not-listed'; file: string }
  | { kind: 'file-changed'; file: string }
  | { kind: 'log-line-unreadable'; line: number }
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
  | { kind: 'previous-gap'; from: number; to: number }
  | { kind: 'previous-fork'; seq: number }
  | { kind: 'previous-not-intact'; problem: ExportProblem };

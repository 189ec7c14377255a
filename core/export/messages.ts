/**
 * An export verdict in words, in the reader's language, for the app's "verify a file" and the
 * command-line verifier alike. `t` is i18next's, in the 'translation' namespace (the app's, or the
 * CLI's own over the same locale files); its keys are typed, so each problem kind needs its words.
 */
import type { TFunction } from 'i18next';
import { formatDuration } from '../domain/duration';
import type { DatedAhead } from '../domain/log/time-rules';
import type { Verdict, VerifyProblem } from '../domain/log/verify';
import type { ReadExportProblem } from './read-export';
import type { ExportProblem } from './export-problem';
import type { ExportVerdict } from './verify-export';

type Translate = TFunction<'translation'>;

export function logProblemText(t: Translate, problem: VerifyProblem): string {
  switch (problem.kind) {
    case 'rule':
      return t('audit.problem.rule', {
        seq: problem.seq,
        rule: t(`audit.rule.${problem.rule}`),
        event: problem.eventType,
        staffNo: problem.staffNo ?? '—',
      });
    case 'records-missing':
      return t('audit.problem.records-missing', {
        after: problem.afterSeq,
        witness: problem.witnessSeq,
      });
    default:
      return t(`audit.problem.${problem.kind}`, { seq: problem.seq ?? '?' });
  }
}

/**
 * A device log's verdict as the lines the Log screen shows, one message from top to bottom: when
 * intact, the count and how far checkpoints seal it; when not, the first problem and what the
 * records before it were found to be — never the seal line, whose "no checkpoint yet" would
 * contradict a problem found at a checkpoint (the verifier counts only checkpoints before it).
 */
export function logVerdictLines(t: Translate, verdict: Verdict): string[] {
  return [...verdictOnly(t, verdict), ...datedAheadLines(t, verdict.datedAhead)];
}

/** A record dated after the verifier's own clock, said after the verdict (a warning). */
export function datedAheadLines(t: Translate, ahead: DatedAhead | null): string[] {
  if (!ahead) return [];
  return [t('audit.datedAhead', { seq: ahead.seq, ahead: formatDuration(ahead.aheadMs) })];
}

function verdictOnly(t: Translate, verdict: Verdict): string[] {
  if (verdict.intact) {
    return [
      t('audit.intact', { count: verdict.count }),
      verdict.checkpoints === 0
        ? t('audit.notSealed')
        : t('audit.sealed', {
            sealed: verdict.sealedUpTo,
            count: verdict.checkpoints,
            total: verdict.head.seq,
          }),
      ...(verdict.predateSignatures > 0
        ? [t('audit.predateSignatures', { count: verdict.predateSignatures })]
        : []),
    ];
  }
  const lines = [t('audit.broken', { problem: logProblemText(t, verdict.problem) })];
  // Missing or rewritten records are seen at the end, against the witness: every record there is
  // was read, and they hold among themselves.
  const atEnd =
    verdict.problem.kind === 'records-missing' || verdict.problem.kind === 'witness-mismatch';
  if (atEnd) lines.push(t('audit.heldAmongThemselves', { count: verdict.count }));
  else if (verdict.count > 0) lines.push(t('audit.heldBefore', { count: verdict.count }));
  return lines;
}

/** The store hub's refusal of a push its verifier found not intact, in Verify's words. */
export function hubNotIntactText(t: Translate, problem: VerifyProblem): string {
  return t('hub.problem.notIntact', { problem: logProblemText(t, problem) });
}

export function exportProblemText(
  t: Translate,
  problem: ExportProblem | { kind: ReadExportProblem | 'not-found'; path?: string },
): string {
  if (problem.kind === 'log') return logProblemText(t, problem.problem);
  if (problem.kind === 'previous-not-intact') {
    return t('verifyFile.problem.previous-not-intact', {
      problem: exportProblemText(t, problem.problem),
    });
  }
  // The verifier's codes for what is wrong are said in the reader's language, never as code.
  if (problem.kind === 'key-record') {
    return t('verifyFile.problem.key-record', {
      seq: problem.seq ?? '?',
      detail: t(`verifyFile.keyRecordDetail.${problem.detail}`),
    });
  }
  if (problem.kind === 'manifest-mismatch') {
    return t('verifyFile.problem.manifest-mismatch', {
      field: t(`verifyFile.manifestField.${problem.field}`),
    });
  }
  return t(`verifyFile.problem.${problem.kind}`, problem as Record<string, unknown>);
}

/** The verdict as lines to show or print, the first one saying intact or not. */
export function verdictLines(t: Translate, verdict: ExportVerdict): string[] {
  if (verdict.status !== 'intact' || !verdict.manifest) {
    const problem = verdict.problem ? exportProblemText(t, verdict.problem) : '';
    return [
      t(verdict.status === 'unusable' ? 'verifyFile.unusable' : 'verifyFile.notIntact', {
        problem,
      }),
    ];
  }
  const { manifest } = verdict;
  const lines = [
    t('verifyFile.intact', {
      count: verdict.records,
      first: manifest.records.first.seq,
      last: manifest.records.last.seq,
      from: manifest.range.from,
      to: manifest.range.to,
      device: manifest.device.id,
      counter: manifest.device.counter ?? '—',
    }),
    t('verifyFile.sealed', { sealed: verdict.sealedUpTo }),
  ];
  if (verdict.sealedUpTo < manifest.records.last.seq - 1) {
    lines.push(t('verifyFile.unsealedTail', { sealed: verdict.sealedUpTo }));
  }
  lines.push(
    verdict.rulesChecked
      ? t('verifyFile.rulesChecked')
      : t('verifyFile.rulesNotChecked', { first: manifest.records.first.seq }),
    verdict.keyCheck === 'matched'
      ? t('verifyFile.keyMatched', { fingerprint: verdict.fingerprint })
      : t('verifyFile.selfConsistent', { fingerprint: verdict.fingerprint }),
  );
  if (verdict.signedBy === 'hub') {
    lines.push(
      t('verifyFile.signedByHub', {
        hub: manifest.hub?.name ?? '—',
        fingerprint: verdict.hubFingerprint,
        sealed: verdict.sealedUpTo,
      }),
    );
  }
  if (verdict.personalValues !== null)
    lines.push(t('verifyFile.personalChecked', { count: verdict.personalValues }));
  if (verdict.continuesPrevious) lines.push(t('verifyFile.continues'));
  lines.push(...datedAheadLines(t, verdict.datedAhead));
  return lines;
}

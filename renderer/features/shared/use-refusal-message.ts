/**
 * Turns a refusal or a storage failure into a sentence in the user's language: which steps are
 * pending, how many tries are left, when to try again, what is wrong with a surname or with a
 * complaint's summary.
 */
import { useCallback } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ConfigProblem } from '../../../core/domain/device/config-problem';
import type { Refusal } from '../../../core/domain/refusal';
import { StorageError } from '../../storage';

export function useRefusalMessage(): (refusal: Refusal) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (refusal: Refusal) => {
      if (refusal.code === 'invalid-surname' && refusal.surname) {
        return t(`surnameProblem.${refusal.surname}`);
      }
      if (refusal.code === 'invalid-complaint-summary' && refusal.summary) {
        return t(`summaryProblem.${refusal.summary}`);
      }
      if (refusal.code === 'invalid-config' && refusal.config) {
        return configProblemText(t, refusal.config);
      }
      if (refusal.code === 'clock-went-back' && refusal.clock) {
        const when = (ms: number) => new Date(ms).toLocaleString(i18n.language, { hour12: false });
        return t('refusal.clock-went-back', {
          now: when(refusal.clock.nowMs),
          last: when(refusal.clock.lastAtMs),
        });
      }
      const steps = (refusal.steps ?? [])
        .map((id) => t(`steps.${id}.name`))
        .join(t('list.separator'));
      return t(`refusal.${refusal.code}`, {
        steps,
        count: refusal.attemptsLeft ?? refusal.steps?.length ?? 0,
        ticket: refusal.ticket ?? '',
        time: refusal.retryAt
          ? new Date(refusal.retryAt).toLocaleTimeString(i18n.language, { hour12: false })
          : '',
      });
    },
    [t, i18n.language],
  );
}

/** A refused configuration change, said precisely: which field, which code, which language. */
export function configProblemText(t: TFunction, problem: ConfigProblem): string {
  switch (problem.kind) {
    case 'out-of-range':
    case 'out-of-range-whole':
      return t(`configProblem.${problem.kind}`, {
        field: t(`configField.${problem.field}`),
        min: problem.min,
        max: problem.max,
      });
    case 'script-empty':
    case 'script-brace':
      return t(`configProblem.${problem.kind}`, { language: t(`language.${problem.locale}`) });
    case 'script-placeholder':
      return t('configProblem.script-placeholder', {
        language: t(`language.${problem.locale}`),
        placeholder: `{${problem.name}}`,
      });
    case 'phrase-never-missing':
    case 'phrase-instead-missing':
    case 'phrase-one-line':
      return t(`configProblem.${problem.kind}`, { language: t(`language.${problem.locale}`) });
    case 'phrase-too-long':
      return t('configProblem.phrase-too-long', {
        language: t(`language.${problem.locale}`),
        side: t(`phrases.${problem.side}`),
        max: problem.max,
      });
    default:
      return t(`configProblem.${problem.kind}`, problem);
  }
}

export function useStorageErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) =>
      t(`storageError.${error instanceof StorageError ? error.code : 'write-failed'}`),
    [t],
  );
}

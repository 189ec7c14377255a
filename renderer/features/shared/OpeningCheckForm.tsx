/**
 * The opening check's list (服务仪表, 服务设施): each item OK or Not OK (with a note), one tap each,
 * the appearance part first. The counter part's "All OK" answers its items only once each of them
 * has been on screen. The same form records a clerk's own check and someone else's check of a
 * clerk (抽查, 互查, 暗访); the domain adds each item's text and version to the record.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpeningResult } from '../../../core/domain/log/shift-events';
import {
  OpeningPartSchema,
  activeItems,
  type OpeningItem,
} from '../../../core/domain/shift/opening-items';
import { currentLocale } from '../../i18n';

export interface OpeningAnswer {
  code: string;
  result: OpeningResult;
  note: string;
}

export function OpeningCheckForm({
  items,
  requireAll,
  submitLabel,
  onSubmit,
  onLater,
}: {
  items: readonly OpeningItem[];
  /** The clerk's own check answers every item; someone else's may answer some. */
  requireAll: boolean;
  submitLabel: string;
  onSubmit: (answers: OpeningAnswer[]) => Promise<boolean>;
  onLater?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const asked = activeItems(items);
  const [answers, setAnswers] = useState<Record<string, OpeningAnswer>>({});
  // Without an observer (an old engine), every item counts as seen.
  const [seen, setSeen] = useState<ReadonlySet<string>>(() =>
    typeof IntersectionObserver === 'undefined'
      ? new Set(items.map((item) => item.code))
      : new Set(),
  );
  const rows = useRef(new Map<string, HTMLElement>());

  // Which counter items have been on screen (the "All OK" for that part waits for them).
  useEffect(() => {
    if (typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      const shown = entries
        .filter((entry) => entry.isIntersecting)
        .map((entry) => (entry.target as HTMLElement).dataset.item ?? '');
      if (shown.length > 0) setSeen((before) => new Set([...before, ...shown]));
    });
    for (const element of rows.current.values()) observer.observe(element);
    return () => observer.disconnect();
    // The rows are the items asked: observe again when the list changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asked.map((item) => `${item.code}@${item.version}`).join()]);

  const answer = (code: string, result: OpeningResult) =>
    setAnswers((before) => ({
      ...before,
      [code]: { code, result, note: result === 'ok' ? '' : (before[code]?.note ?? '') },
    }));
  const note = (code: string, text: string) =>
    setAnswers((before) => ({ ...before, [code]: { code, result: 'not-ok', note: text } }));

  const given = asked.filter((item) => answers[item.code]).length;
  const ready = requireAll ? given === asked.length : given > 0;
  const submit = async () => {
    const list = asked.flatMap((item) => {
      const found = answers[item.code];
      return found ? [found] : [];
    });
    if (await onSubmit(list)) setAnswers({});
  };

  return (
    <form
      className="opening-check"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {OpeningPartSchema.options.map((part) => {
        const partItems = asked.filter((item) => item.part === part);
        const allSeen = partItems.every((item) => seen.has(item.code));
        return (
          <fieldset key={part} className="opening-part">
            <legend>{t(`shift.part.${part}`)}</legend>
            <ul>
              {partItems.map((item) => {
                const given = answers[item.code];
                const label = item.text[locale];
                return (
                  <li
                    key={item.code}
                    data-item={item.code}
                    data-result={given?.result ?? 'none'}
                    ref={(element) => {
                      if (element) rows.current.set(item.code, element);
                      else rows.current.delete(item.code);
                    }}
                  >
                    <span className="opening-text" id={`opening-${item.code}`}>
                      {label}
                    </span>
                    <span
                      className="opening-buttons"
                      role="group"
                      aria-labelledby={`opening-${item.code}`}
                    >
                      <button
                        type="button"
                        className="choice"
                        aria-pressed={given?.result === 'ok'}
                        aria-label={t('shift.okItem', { item: label })}
                        onClick={() => answer(item.code, 'ok')}
                      >
                        {t('shift.ok')}
                      </button>
                      <button
                        type="button"
                        className="choice"
                        aria-pressed={given?.result === 'not-ok'}
                        aria-label={t('shift.notOkItem', { item: label })}
                        onClick={() => answer(item.code, 'not-ok')}
                      >
                        {t('shift.notOk')}
                      </button>
                    </span>
                    {given?.result === 'not-ok' && (
                      <label className="field opening-note">
                        {t('shift.note')}
                        <input
                          type="text"
                          maxLength={200}
                          value={given.note}
                          placeholder={t('shift.notePlaceholder')}
                          onChange={(event) => note(item.code, event.target.value)}
                        />
                      </label>
                    )}
                  </li>
                );
              })}
            </ul>
            {part === 'counter' && (
              <button
                type="button"
                className="secondary"
                disabled={!allSeen}
                onClick={() => {
                  for (const item of partItems) if (!answers[item.code]) answer(item.code, 'ok');
                }}
              >
                {t('shift.allOk')}
              </button>
            )}
          </fieldset>
        );
      })}
      <div className="opening-actions">
        <span className="opening-count">
          {t('shift.answered', { count: given, total: asked.length })}
        </span>
        {onLater && (
          <button type="button" className="secondary" onClick={onLater}>
            {t('shift.later')}
          </button>
        )}
        <button type="submit" disabled={!ready}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

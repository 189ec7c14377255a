/**
 * Adding an entry to a list (a business type, an offer, a skip reason) or editing one: its name in
 * each language, its code (made from the English name for a new one, shown, and editable), and a
 * business type's target time. Saved as one config change: the whole new list.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessType, ListEntry } from '../../../core/domain/catalog';
import {
  addEntry,
  codeFromName,
  minutesToSeconds,
  renameEntry,
  setTarget,
  trimLabels,
} from '../../../core/domain/device/config-edits';
import { LOCALES, type LocalizedText } from '../../../core/domain/locale';
import { currentLocale } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { LIST_I18N_PREFIX, type ListName } from '../../../core/words/list-label';

export type Entry = ListEntry & { targetSeconds?: number };

const same = (a: LocalizedText, b: LocalizedText) =>
  LOCALES.every((locale) => a[locale] === b[locale]);

export function EntryDialog({
  list,
  entry,
  entries,
  busy,
  error,
  onSave,
  onRemove,
  onClose,
}: {
  list: ListName;
  /** null: a new entry. */
  entry: Entry | null;
  entries: readonly Entry[];
  busy: boolean;
  error: string | null;
  onSave: (next: Entry[]) => void;
  /** Asks to remove the entry; null when it must stay (the last one, the skip reason "other"). */
  onRemove: (() => void) | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const types = list === 'business-types';
  const [initial] = useState<LocalizedText>(() => {
    if (entry?.labels) return entry.labels;
    const key = `${LIST_I18N_PREFIX[list]}.${entry?.code ?? ''}`;
    const name = (locale: string) =>
      entry ? i18n.getFixedT(locale)(key, { defaultValue: entry.code }) : '';
    return { 'zh-CN': name('zh-CN'), 'zh-TW': name('zh-TW'), en: name('en') };
  });
  const [names, setNames] = useState<LocalizedText>(initial);
  const [typedCode, setTypedCode] = useState<string | null>(null);
  const [minutes, setMinutes] = useState(
    entry?.targetSeconds === undefined ? '10' : String(entry.targetSeconds / 60),
  );
  const code =
    entry?.code ??
    typedCode ??
    (names.en.trim()
      ? codeFromName(
          names.en,
          entries.map((other) => other.code),
        )
      : '');
  const name = entry ? initial[currentLocale(i18n.language)] || entry.code : '';

  const submit = () => {
    const labels = trimLabels(names);
    // A built-in entry keeps being named by i18n until a manager actually renames it.
    const renamed = !(entry && entry.labels === null && same(labels, initial));
    if (!entry) {
      const added: Entry = { code, labels };
      onSave(
        addEntry(entries, types ? { ...added, targetSeconds: minutesToSeconds(minutes) } : added),
      );
      return;
    }
    let next: Entry[] = renamed ? renameEntry(entries, entry.code, labels) : [...entries];
    if (types) next = setTarget(next as BusinessType[], entry.code, minutesToSeconds(minutes));
    onSave(next);
  };

  return (
    <Dialog
      title={
        entry
          ? t('settings.lists.editTitle', { name })
          : t('settings.lists.addTitle', { list: t(`settings.lists.${list}.title`) })
      }
      onClose={onClose}
      confirm={{ label: t('settings.save'), onClick: submit, disabled: busy }}
    >
      <div className="name-fields">
        {LOCALES.map((locale) => (
          <TextField
            key={locale}
            label={t('settings.lists.nameIn', { language: t(`language.${locale}`) })}
            value={names[locale]}
            onChange={(text) => setNames((current) => ({ ...current, [locale]: text }))}
            maxLength={40}
          />
        ))}
      </div>
      {entry ? (
        <p className="hint">{t('settings.lists.codeFixed', { code })}</p>
      ) : (
        <>
          <TextField
            label={t('settings.lists.code')}
            value={code}
            onChange={(text) => setTypedCode(text.toLowerCase())}
            maxLength={32}
          />
          <p className="hint">{t('settings.lists.codeHint')}</p>
        </>
      )}
      {types && (
        <TextField
          label={t('settings.lists.target')}
          value={minutes}
          onChange={setMinutes}
          maxLength={3}
          inputMode="numeric"
        />
      )}
      <FormError message={error} />
      {entry &&
        (onRemove ? (
          <button type="button" className="danger remove" onClick={onRemove}>
            {t('settings.lists.removeOne', { name })}
          </button>
        ) : (
          <p className="hint">{t('settings.lists.mustStay')}</p>
        ))}
    </Dialog>
  );
}

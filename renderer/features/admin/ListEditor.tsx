/**
 * One configurable list (business types with their target times, recommendable offers, skip
 * reasons): each entry by its name in the current language and its code, with Edit (names, target,
 * and Remove), and Add. Every edit is one config change holding the whole new list; the clerk screen follows at
 * once. A list keeps at least one entry, and the skip reasons keep "other".
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { removable, removeEntry } from '../../../core/domain/device/config-edits';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { listEntries, type ListName } from '../../../core/words/list-label';
import { useDeviceState } from '../shared/store-context';
import { useListLabel } from '../shared/use-list-label';
import { EntryDialog, type Entry } from './EntryDialog';
import { SaveStatus } from './SaveStatus';
import { useConfigSave } from './use-config-save';

type Editing = { mode: 'add' } | { mode: 'edit' | 'remove'; entry: Entry };

/** Entries that can never be removed, per list. */
const KEEP: Record<ListName, readonly string[]> = {
  'skip-reasons': ['other'],
  offers: [],
  'business-types': [],
};

export function ListEditor({ list }: { list: ListName }) {
  const { t } = useTranslation();
  const entries: readonly Entry[] = listEntries(useDeviceState().config, list);
  const label = useListLabel();
  const { save, saved, error, busy, reset } = useConfigSave();
  const [editing, setEditing] = useState<Editing | null>(null);
  const open = (next: Editing) => {
    reset();
    setEditing(next);
  };
  const close = () => {
    reset();
    setEditing(null);
  };
  const commit = async (value: readonly Entry[]) => {
    // Nothing changed (names and target as they were): nothing to record.
    if (JSON.stringify(value) === JSON.stringify(entries)) return close();
    if (await save({ key: list, value })) setEditing(null);
  };

  return (
    <section className="panel list-editor" aria-labelledby={`${list}-title`} data-list={list}>
      <h2 id={`${list}-title`}>{t(`settings.lists.${list}.title`)}</h2>
      <p className="hint">{t(`settings.lists.${list}.hint`)}</p>
      <ul className="entries">
        {entries.map((entry) => {
          const name = label(list, entry.code);
          return (
            <li key={entry.code} data-code={entry.code}>
              <span className="entry-name">
                {name}
                <span className="entry-facts">
                  <code>{entry.code}</code>
                  {entry.targetSeconds !== undefined && (
                    <span className="entry-target">
                      {t('settings.lists.minutes', { count: entry.targetSeconds / 60 })}
                    </span>
                  )}
                </span>
              </span>
              <button
                type="button"
                aria-label={t('settings.lists.editOne', { name })}
                onClick={() => open({ mode: 'edit', entry })}
              >
                {t('settings.lists.edit')}
              </button>
            </li>
          );
        })}
      </ul>
      {!editing && <SaveStatus saved={saved} error={error} />}
      <button type="button" className="secondary add" onClick={() => open({ mode: 'add' })}>
        {t('settings.lists.add')}
      </button>
      {editing?.mode === 'remove' && (
        <Dialog
          title={t('settings.lists.removeTitle', { name: label(list, editing.entry.code) })}
          onClose={close}
          confirm={{
            label: t('settings.lists.remove'),
            onClick: () => void commit(removeEntry(entries, editing.entry.code)),
            disabled: busy,
          }}
        >
          <p>{t('settings.lists.removeHint')}</p>
          <FormError message={error} />
        </Dialog>
      )}
      {editing && editing.mode !== 'remove' && (
        <EntryDialog
          list={list}
          entry={editing.mode === 'edit' ? editing.entry : null}
          entries={entries}
          busy={busy}
          error={error}
          onSave={(next) => void commit(next)}
          onRemove={
            editing.mode === 'edit' && removable(entries, editing.entry.code, KEEP[list])
              ? () => open({ mode: 'remove', entry: editing.entry })
              : null
          }
          onClose={close}
        />
      )}
    </section>
  );
}

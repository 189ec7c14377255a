/**
 * The opening check's items (服务仪表, 服务设施) for the manager: reword an item in every language
 * (a new version), retire it or bring it back, add one to either part. Each save is one
 * `config-changed` event with the whole list; checks already recorded keep their own texts.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codeFromName } from '../../../core/domain/device/config-edits';
import { LOCALES } from '../../../core/domain/locale';
import {
  OpeningPartSchema,
  addItem,
  retireItem,
  rewordItem,
  type ItemText,
  type OpeningItem,
  type OpeningPart,
} from '../../../core/domain/shift/opening-items';
import { currentLocale } from '../../i18n';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { TextField } from '../../ui/TextField';
import { useDeviceState } from '../shared/store-context';
import { SaveStatus } from './SaveStatus';
import { useConfigSave } from './use-config-save';

const EMPTY: ItemText = { 'zh-CN': '', 'zh-TW': '', en: '' };

function TextFields({ value, onChange }: { value: ItemText; onChange: (text: ItemText) => void }) {
  const { t } = useTranslation();
  return (
    <>
      {LOCALES.map((locale) => (
        <TextField
          key={locale}
          label={t(`language.${locale}`)}
          value={value[locale]}
          lang={locale}
          maxLength={160}
          onChange={(text) => onChange({ ...value, [locale]: text })}
        />
      ))}
    </>
  );
}

export function OpeningItemsEditor() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { config } = useDeviceState();
  const items = config.openingItems;
  const { save, saved, error, reset } = useConfigSave();
  const [editing, setEditing] = useState<{ code: string; text: ItemText } | null>(null);
  const [adding, setAdding] = useState<{ part: OpeningPart; text: ItemText }>({
    part: 'appearance',
    text: EMPTY,
  });
  const send = async (value: OpeningItem[]) => save({ key: 'opening-items', value });

  return (
    <section className="panel" aria-labelledby="opening-items-title">
      <h2 id="opening-items-title">{t('shift.itemsTitle')}</h2>
      <p>{t('shift.itemsHint')}</p>
      {OpeningPartSchema.options.map((part) => (
        <fieldset key={part} className="opening-part">
          <legend>{t(`shift.part.${part}`)}</legend>
          <ul className="opening-items-list">
            {items
              .filter((item) => item.part === part)
              .map((item) => (
                <li key={item.code} data-item={item.code} data-retired={item.retired}>
                  <span>
                    {item.text[locale]}{' '}
                    <small>{t('shift.itemVersion', { version: item.version })}</small>
                    {item.retired && <small> {t('shift.retired')}</small>}
                  </span>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      reset();
                      setEditing({ code: item.code, text: item.text });
                    }}
                  >
                    {t('shift.reword')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void send(retireItem(items, item.code, !item.retired))}
                  >
                    {item.retired ? t('shift.bringBack') : t('shift.retire')}
                  </button>
                  {editing?.code === item.code && (
                    <form
                      className="opening-reword"
                      onSubmit={(event) => {
                        event.preventDefault();
                        void send(rewordItem(items, item.code, editing.text)).then(
                          (ok) => ok && setEditing(null),
                        );
                      }}
                    >
                      <TextFields
                        value={editing.text}
                        onChange={(text) => setEditing({ code: item.code, text })}
                      />
                      <button type="submit">{t('settings.save')}</button>
                    </form>
                  )}
                </li>
              ))}
          </ul>
        </fieldset>
      ))}
      <form
        className="opening-add"
        onSubmit={(event) => {
          event.preventDefault();
          const code = codeFromName(
            adding.text.en,
            items.map((item) => item.code),
          );
          void send(addItem(items, code, adding.part, adding.text)).then(
            (ok) => ok && setAdding({ part: adding.part, text: EMPTY }),
          );
        }}
      >
        <ChoiceGroup
          label={t('shift.addTo')}
          options={OpeningPartSchema.options}
          value={adding.part}
          onChange={(part) => setAdding({ ...adding, part })}
          labelOf={(part) => t(`shift.part.${part}`)}
        />
        <TextFields value={adding.text} onChange={(text) => setAdding({ ...adding, text })} />
        <button type="submit">{t('shift.addItemToList')}</button>
      </form>
      <SaveStatus saved={saved} error={error} />
    </section>
  );
}

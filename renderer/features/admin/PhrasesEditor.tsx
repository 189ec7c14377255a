/**
 * Settings → Words never to say (服务禁语): the pairs on the clerk's card, the standard's first
 * (they always stay), then the store's own, each with Retire; and the form to add one. Adding and
 * retiring are each one config change; nothing is deleted (a retired pair stays in the log).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PHRASE_LIMITS, cardPhrases } from '../../../core/domain/device/config-phrases';
import { currentLocale } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { useDeviceState } from '../shared/store-context';
import { PhraseForm } from './PhraseForm';
import { PhraseRow } from './PhraseRow';
import { SaveStatus } from './SaveStatus';
import { useConfigSave } from './use-config-save';

export function PhrasesEditor() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const pairs = cardPhrases(useDeviceState().config.phrases);
  const own = pairs.flatMap(({ id, text }) => (id === null ? [] : [{ id, text }]));
  const { save, saved, error, busy, reset } = useConfigSave();
  /** The store's own pair the manager is about to retire, by its id and its words. */
  const [retiring, setRetiring] = useState<{ id: string; words: string } | null>(null);
  const close = () => {
    reset();
    setRetiring(null);
  };
  const retire = async (id: string) => {
    if (await save({ key: 'phrase-retired', id })) setRetiring(null);
  };

  return (
    <section className="panel wide phrases-editor" aria-labelledby="phrases-title">
      <h2 id="phrases-title">{t('settings.phrases.title')}</h2>
      <p className="hint">{t('settings.phrases.hint')}</p>
      <table className="phrase-list">
        <thead>
          <tr>
            <th scope="col">{t('phrases.never')}</th>
            <th scope="col">{t('phrases.instead')}</th>
            <th scope="col" className="phrase-action">
              {t('settings.phrases.action')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="phrase-group">
            <th scope="rowgroup" colSpan={3}>
              {t('settings.phrases.standard')}
            </th>
          </tr>
          {pairs
            .filter((pair) => pair.id === null)
            .map((pair, index) => (
              <PhraseRow key={index} text={pair.text} locale={locale} id={null} />
            ))}
        </tbody>
        <tbody>
          <tr className="phrase-group">
            <th scope="rowgroup" colSpan={3}>
              {t('settings.phrases.own', { count: own.length, max: PHRASE_LIMITS.added })}
            </th>
          </tr>
          {own.length === 0 && (
            <tr>
              <td colSpan={3} className="hint">
                {t('settings.phrases.none')}
              </td>
            </tr>
          )}
          {own.map(({ id, text }) => (
            <PhraseRow
              key={id}
              text={text}
              locale={locale}
              id={id}
              onRetire={(words) => {
                reset();
                setRetiring({ id, words });
              }}
            />
          ))}
        </tbody>
      </table>
      {!retiring && <SaveStatus saved={saved} error={error} />}
      <PhraseForm />
      {retiring && (
        <Dialog
          title={t('settings.phrases.retireTitle', { words: retiring.words })}
          onClose={close}
          confirm={{
            label: t('settings.phrases.retire'),
            onClick: () => void retire(retiring.id),
            disabled: busy,
          }}
        >
          <p>{t('settings.phrases.retireHint')}</p>
          <FormError message={error} />
        </Dialog>
      )}
    </section>
  );
}

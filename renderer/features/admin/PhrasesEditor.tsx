/**
 * Settings → Words never to say (服务禁语): the pairs on the clerk's card, the standard's first
 * (they always stay), then the store's own, each with Retire; and the form to add one. Adding and
 * retiring are each one config change; nothing is deleted (a retired pair stays in the log).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PHRASE_LIMITS, cardPhrases, phraseIn } from '../../domain/device/config-phrases';
import { currentLocale } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { useDeviceState } from '../shared/store-context';
import { PhraseForm } from './PhraseForm';
import { SaveStatus } from './SaveStatus';
import { useConfigSave } from './use-config-save';

export function PhrasesEditor() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const pairs = cardPhrases(useDeviceState().config.phrases);
  const own = pairs.filter((pair) => pair.id !== null).length;
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
            <th scope="col">{t('settings.phrases.from')}</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((pair, index) => {
            const { id } = pair;
            const shown = phraseIn(pair.text, locale);
            return (
              <tr key={id ?? `standard-${index}`} data-phrase={id ?? 'standard'}>
                <td className="phrase-never" lang={shown.locale}>
                  <s>{shown.never}</s>
                </td>
                <td className="phrase-instead" lang={shown.locale}>
                  {shown.instead}
                </td>
                <td className="phrase-source">
                  <div className="phrase-actions">
                    <span className="phrase-tag">
                      {t(id === null ? 'settings.phrases.standard' : 'settings.phrases.own')}
                    </span>
                    {id !== null && (
                      <button
                        type="button"
                        className="secondary"
                        aria-label={t('settings.phrases.retireOne', { words: shown.never })}
                        onClick={() => {
                          reset();
                          setRetiring({ id, words: shown.never });
                        }}
                      >
                        {t('settings.phrases.retire')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">
        {t('settings.phrases.count', { count: own, max: PHRASE_LIMITS.added })}
      </p>
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

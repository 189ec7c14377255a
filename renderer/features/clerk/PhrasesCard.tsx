/**
 * 服务禁语: the words never to say, each with what to say instead, and the five voices (五声),
 * in the screen's language: the standard's pairs, then the store's own (a manager's, Settings).
 * A pair the store wrote in other languages only is shown in the nearest one it has, marked with
 * its language. One tap from every clerk screen (the top bar), and shown first when a complaint
 * starts.
 */
import './complaint.css';
import { useTranslation } from 'react-i18next';
import {
  cardPhrases,
  phraseIn,
  type ShownPhrase,
} from '../../../core/domain/device/config-phrases';
import { FIVE_VOICES } from '../../../core/domain/flow/forbidden-phrases';
import type { Locale } from '../../../core/domain/locale';
import { currentLocale } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { useDeviceState } from '../shared/store-context';

function PairRow({ pair, locale }: { pair: ShownPhrase; locale: Locale }) {
  const shown = phraseIn(pair.text, locale);
  return (
    <tr data-phrase={pair.id ?? 'standard'}>
      <td className="phrase-never" lang={shown.locale}>
        <s>{shown.never}</s>
      </td>
      <td className="phrase-instead" lang={shown.locale}>
        {shown.instead}
      </td>
    </tr>
  );
}

export function PhrasesCard({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const pairs = cardPhrases(useDeviceState().config.phrases);
  const standard = pairs.filter((pair) => pair.id === null);
  const own = pairs.filter((pair) => pair.id !== null);
  return (
    <Dialog title={t('phrases.title')} onClose={onClose} cancelLabel={t('common.close')}>
      {/* A region of its own that scrolls, so it can take the focus (arrow keys scroll it). */}
      <div
        className="phrases"
        data-testid="phrases-card"
        role="region"
        aria-label={t('phrases.title')}
        tabIndex={0}
      >
        <table className="phrase-table">
          <thead>
            <tr>
              <th scope="col">{t('phrases.never')}</th>
              <th scope="col">{t('phrases.instead')}</th>
            </tr>
          </thead>
          <tbody>
            {standard.map((pair, index) => (
              <PairRow key={index} pair={pair} locale={locale} />
            ))}
          </tbody>
          {own.length > 0 && (
            <tbody className="phrase-own">
              <tr>
                <th scope="rowgroup" colSpan={2}>
                  {t('phrases.storeOwn')}
                </th>
              </tr>
              {own.map((pair) => (
                <PairRow key={pair.id} pair={pair} locale={locale} />
              ))}
            </tbody>
          )}
        </table>
        <h3>{t('phrases.fiveVoices')}</h3>
        <ul className="five-voices">
          {FIVE_VOICES.map((voice) => (
            <li key={voice.name.en}>
              <strong>{voice.name[locale]}</strong> {voice.example[locale]}
            </li>
          ))}
        </ul>
      </div>
    </Dialog>
  );
}

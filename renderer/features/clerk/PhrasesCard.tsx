/**
 * 服务禁语: the words never to say, each with what to say instead, and the five voices (五声),
 * in the screen's language. One tap from every clerk screen (the top bar), and shown first when a
 * complaint starts.
 */
import './complaint.css';
import { useTranslation } from 'react-i18next';
import { FIVE_VOICES, FORBIDDEN_PHRASES } from '../../domain/flow/forbidden-phrases';
import { currentLocale } from '../../i18n';
import { Dialog } from '../../ui/Dialog';

export function PhrasesCard({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  return (
    <Dialog title={t('phrases.title')} onClose={onClose} cancelLabel={t('common.close')}>
      <div className="phrases" data-testid="phrases-card">
        <table className="phrase-table">
          <thead>
            <tr>
              <th scope="col">{t('phrases.never')}</th>
              <th scope="col">{t('phrases.instead')}</th>
            </tr>
          </thead>
          <tbody>
            {FORBIDDEN_PHRASES.map((pair) => (
              <tr key={pair.never.en}>
                <td className="phrase-never">
                  <s>{pair.never[locale]}</s>
                </td>
                <td className="phrase-instead">{pair.instead[locale]}</td>
              </tr>
            ))}
          </tbody>
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

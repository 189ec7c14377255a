/** The clerk left the seat (step 13): everything waits until they are back and thank the customer (14). */
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../core/domain/locale';
import { renderScript, type ScriptFacts } from '../../../core/domain/script';
import { currentLocale } from '../../i18n';
import { formatDuration } from '../../ui/format';
import { useNow } from '../../ui/use-now';

export function AwayOverlay({
  since,
  script,
  facts,
  onReturn,
}: {
  since: number;
  script: LocalizedText | null;
  facts: ScriptFacts;
  onReturn: () => void;
}) {
  const { t, i18n } = useTranslation();
  const elapsed = useNow() - since;
  return (
    <div className="away" role="dialog" aria-modal="true" aria-labelledby="away-title">
      <h2 id="away-title">{t('away.title')}</h2>
      <p className="away-time">{t('away.since', { time: formatDuration(elapsed) })}</p>
      {script && (
        <blockquote className="script">
          {renderScript(script, currentLocale(i18n.language), facts)}
        </blockquote>
      )}
      <button type="button" className="primary huge" onClick={onReturn}>
        {t('away.back')}
      </button>
    </div>
  );
}

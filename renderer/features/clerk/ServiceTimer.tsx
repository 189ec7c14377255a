/** The running service time against the business type's target: amber near it, red past it. */
import { useTranslation } from 'react-i18next';
import { timerLevel } from '../../../core/domain/service/engine';
import { formatDuration } from '../../ui/format';
import { useNow } from '../../ui/use-now';

export function ServiceTimer({
  startedAt,
  targetSeconds,
}: {
  startedAt: number;
  targetSeconds: number;
}) {
  const { t } = useTranslation();
  const elapsed = useNow() - startedAt;
  const level = timerLevel(elapsed, targetSeconds);
  return (
    <div
      className={`timer timer-${level}`}
      role="timer"
      aria-label={t('timer.label')}
      data-level={level}
    >
      <span className="timer-elapsed">{formatDuration(elapsed)}</span>
      <span className="timer-target">
        {t('timer.target', { target: formatDuration(targetSeconds * 1000) })}
      </span>
      {level !== 'ok' && <span className="timer-note">{t(`timer.${level}`)}</span>}
    </div>
  );
}

/** Every record of a service, in order: offset from the start, who, the step, what happened. */
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../core/domain/review/timeline';
import { say, stepWords, timelineWords, type Translate } from '../../../core/words/timeline-words';
import { useListLabel } from '../shared/use-list-label';
import { formatMs } from './format';

export function TimelineList({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation('review');
  const { t: tApp } = useTranslation();
  const label = useListLabel();
  const translate: Translate = (words, values) =>
    words.ns === 'review' ? t(words.key, values) : tApp(words.key, values);
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.records')}</h2>
      <ol className="timeline">
        {entries.map((entry) => {
          const step = stepWords(entry);
          return (
            <li
              key={`${entry.seq}:${entry.kind}`}
              className={`entry entry-${entry.kind}`}
              data-kind={entry.kind}
            >
              <span className="entry-offset">
                {entry.offsetMs >= 0 ? `+${formatMs(entry.offsetMs)}` : formatMs(entry.offsetMs)}
              </span>
              <span className="entry-who">{entry.by ?? '—'}</span>
              <span className="entry-what">
                {step && <strong>{say(step, translate, label)}</strong>}
                {say(timelineWords(entry), translate, label)}
              </span>
              <span className="entry-seq">{t('seq', { seq: entry.seq })}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

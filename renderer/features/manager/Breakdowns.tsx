/**
 * The period broken down: time by business type against its target, skip reasons, what was
 * recommended and the answers, the customers' ratings, the pencil-whipping flags and how often
 * spot-checks agreed with what clerks recorded. Each row opens its services.
 */
import { useTranslation } from 'react-i18next';
import { STEP_IDS } from '../../../core/domain/flow/flow-definition';
import { rate, type Figures } from '../../../core/domain/review/figures';
import { RATINGS } from '../../../core/domain/review/rollup';
import { FLAG_KINDS } from '../../../core/domain/review/service-row';
import { useListLabel } from '../shared/use-list-label';
import { BreakdownRow } from './BreakdownRow';
import type { OpenServices } from './service-filter';
import { band, finishedCount, formatMs, formatPercent } from './format';

export function Breakdowns({ figures, onOpen }: { figures: Figures; onOpen: OpenServices }) {
  const { t, i18n } = useTranslation('review');
  const { t: tApp } = useTranslation();
  const label = useListLabel();
  const pct = (value: number | null) => formatPercent(value, i18n.language);
  const [satisfied, neutral, dissatisfied, unanswered] = figures.total.ratings;
  const answered = satisfied + neutral + dissatisfied;
  // A paired display's ratings, apart: never added to the counter screen's above.
  const { displayRatings } = figures.total;
  return (
    <div className="breakdowns">
      <section className="panel" aria-labelledby="types-title">
        <h2 id="types-title">{t('types.title')}</h2>
        <table className="plain">
          <thead>
            <tr>
              <th scope="col">{t('types.type')}</th>
              <th scope="col">{t('types.services')}</th>
              <th scope="col">{t('types.average')}</th>
              <th scope="col">{t('types.over')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.types.map((type) => (
              <BreakdownRow
                key={type.code}
                id={type.code}
                label={label('business-types', type.code)}
                cells={[
                  finishedCount(type, i18n.language, (count) => t('types.endedEarly', { count })),
                  formatMs(type.averageMs),
                  `${pct(rate(type.overTarget, type.finished))} (${type.overTarget})`,
                ]}
                onOpen={() =>
                  onOpen({ tags: [`type:${type.code}`], title: label('business-types', type.code) })
                }
              />
            ))}
          </tbody>
        </table>
      </section>

      <section className="panel" aria-labelledby="skips-title">
        <h2 id="skips-title">{t('skips.title')}</h2>
        {figures.skipReasons.length === 0 ? (
          <p className="hint">{t('skips.none')}</p>
        ) : (
          <table className="plain">
            <tbody>
              {figures.skipReasons.map(({ code, count }) => (
                <BreakdownRow
                  key={code}
                  id={code}
                  label={label('skip-reasons', code)}
                  cells={[count]}
                  onOpen={() =>
                    onOpen({ tags: [`reason:${code}`], title: label('skip-reasons', code) })
                  }
                />
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="panel" aria-labelledby="offers-title">
        <h2 id="offers-title">{t('offers.title')}</h2>
        <table className="plain">
          <thead>
            <tr>
              <th scope="col">{t('offers.offer')}</th>
              <th scope="col">{tApp('response.accepted')}</th>
              <th scope="col">{tApp('response.interested')}</th>
              <th scope="col">{tApp('response.declined')}</th>
              <th scope="col">{t('offers.conversion')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.offers.map(({ code, tally, conversion }) => (
              <BreakdownRow
                key={code}
                id={code}
                label={label('offers', code)}
                cells={[...tally, pct(conversion)]}
                onOpen={() => onOpen({ tags: [`offer:${code}`], title: label('offers', code) })}
              />
            ))}
          </tbody>
        </table>
      </section>

      <section className="panel" aria-labelledby="ratings-title">
        <h2 id="ratings-title">{t('ratings.title')}</h2>
        <table className="plain">
          <tbody>
            {RATINGS.map((rating, index) => (
              <BreakdownRow
                key={rating}
                id={rating}
                label={t(`ratings.${rating}`)}
                cells={[
                  figures.total.ratings[index] ?? 0,
                  rating === 'unanswered'
                    ? ''
                    : pct(rate(figures.total.ratings[index] ?? 0, answered)),
                ]}
                onOpen={() => onOpen({ tags: [`rating:${rating}`], title: t(`ratings.${rating}`) })}
              />
            ))}
          </tbody>
        </table>
        <p className="hint">{t('ratings.hint', { answered, unanswered })}</p>
        <p className="hint" data-testid="ratings-source">
          {t('ratings.counterScreen')}
        </p>
        {displayRatings && (
          <>
            <h3 id="display-ratings-title">{t('ratings.displayTitle')}</h3>
            <table className="plain" aria-labelledby="display-ratings-title">
              <tbody>
                {RATINGS.map((rating, index) => (
                  <BreakdownRow
                    key={rating}
                    id={`display-${rating}`}
                    label={t(`ratings.${rating}`)}
                    cells={[displayRatings[index] ?? 0, '']}
                    onOpen={() =>
                      onOpen({
                        tags: [`display-rating:${rating}`],
                        title: `${t('ratings.displayTitle')} · ${t(`ratings.${rating}`)}`,
                      })
                    }
                  />
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="flags-title">
        <h2 id="flags-title">{t('flags.title')}</h2>
        <table className="plain">
          <tbody>
            {FLAG_KINDS.map((kind) => (
              <BreakdownRow
                key={kind}
                id={kind}
                label={t(`flags.${kind}`)}
                cells={[figures.flags[kind]]}
                onOpen={() => onOpen({ tags: [`flag:${kind}`], title: t(`flags.${kind}`) })}
              />
            ))}
          </tbody>
        </table>
        <p className="hint">{t('flags.hint')}</p>
      </section>

      <section className="panel" aria-labelledby="checks-title">
        <h2 id="checks-title">{t('checks.title')}</h2>
        {figures.checks.length === 0 ? (
          <p className="hint">{t('checks.none')}</p>
        ) : (
          <table className="plain">
            <thead>
              <tr>
                <th scope="col">{t('heat.step')}</th>
                <th scope="col">{t('checks.agreed')}</th>
                <th scope="col">{t('checks.disagreed')}</th>
                <th scope="col">{t('checks.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.checks.map(({ id, tally, rate: agreement }) => (
                <tr key={id} data-row={id} className={`band-${band(agreement)}`}>
                  <th scope="row">
                    {t('numbered', {
                      number: STEP_IDS.indexOf(id) + 1,
                      name: tApp(`steps.${id}.name`),
                    })}
                  </th>
                  <td>{tally[0]}</td>
                  <td>{tally[1]}</td>
                  <td>{pct(agreement)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

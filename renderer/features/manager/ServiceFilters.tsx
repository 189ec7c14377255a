/** Narrowing the services list: each choice adds one tag the services must have. */
import { useTranslation } from 'react-i18next';
import { STEP_IDS } from '../../../core/domain/flow/flow-definition';
import { FLAG_KINDS } from '../../../core/domain/review/service-row';
import { COMPLAINT_CATEGORIES, OUTCOME_KINDS } from '../../../core/domain/service/complaint';
import { useDeviceState } from '../shared/store-context';
import { useListLabel } from '../shared/use-list-label';
import { useReviewQuery } from './use-review';

export function ServiceFilters({
  from,
  to,
  value,
  onChange,
}: {
  from: string;
  to: string;
  value: Record<string, string>;
  onChange: (value: Record<string, string>) => void;
}) {
  const { t } = useTranslation('review');
  const { t: tApp } = useTranslation();
  const label = useListLabel();
  const { config } = useDeviceState();
  const clerks = useReviewQuery(
    async (review) =>
      [...new Set((await review.rollups(from, to)).map((row) => row.clerk))].sort((a, b) =>
        a.localeCompare(b, 'en', { numeric: true }),
      ),
    `${from}|${to}`,
  );
  const select = (
    name: 'clerk' | 'type' | 'flag' | 'skipped' | 'amended' | 'complaint' | 'complaintOutcome',
    options: { value: string; label: string }[],
  ) => (
    <label className="field" key={name}>
      {t(`filters.${name}`)}
      <select
        value={value[name] ?? ''}
        onChange={(event) => onChange({ ...value, [name]: event.target.value })}
      >
        <option value="">{t('filters.any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="filters">
      {select(
        'clerk',
        (clerks.data ?? []).map((clerk) => ({ value: `clerk:${clerk}`, label: clerk })),
      )}
      {select(
        'type',
        config.businessTypes.map((type) => ({
          value: `type:${type.code}`,
          label: label('business-types', type.code),
        })),
      )}
      {select('flag', [
        { value: 'flag:any', label: t('filters.anyFlag') },
        ...FLAG_KINDS.map((kind) => ({ value: `flag:${kind}`, label: t(`flags.${kind}`) })),
      ])}
      {select(
        'skipped',
        STEP_IDS.map((id, index) => ({
          value: `skip:${id}`,
          label: `${index + 1}. ${tApp(`steps.${id}.name`)}`,
        })),
      )}
      {select('amended', [{ value: 'amended', label: t('filters.amendedOnly') }])}
      {select('complaint', [
        { value: 'complaint', label: t('filters.anyComplaint') },
        ...COMPLAINT_CATEGORIES.map((code) => ({
          value: `complaint-category:${code}`,
          label: tApp(`complaint.category.${code}`),
        })),
      ])}
      {select('complaintOutcome', [
        ...OUTCOME_KINDS.map((kind) => ({
          value: `complaint-outcome:${kind}`,
          label: tApp(`complaint.outcome.${kind}`),
        })),
        { value: 'complaint-followup', label: t('filters.followUpPromised') },
        { value: 'complaint-followup-open', label: t('filters.followUpOpen') },
      ])}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RecommendationResponseSchema,
  type Offer,
  type RecommendationResponse,
} from '../../../core/domain/catalog';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { Dialog } from '../../ui/Dialog';
import { useDeviceState } from '../shared/store-context';
import { useListLabel } from '../shared/use-list-label';

/** 业务推荐: which service (from the manager's list) was recommended and how the customer answered. */
export function RecommendDialog({
  onCancel,
  onConfirm,
}: {
  onCancel: () => void;
  onConfirm: (offer: Offer, response: RecommendationResponse) => void;
}) {
  const { t } = useTranslation();
  const [offer, setOffer] = useState<Offer | null>(null);
  const [response, setResponse] = useState<RecommendationResponse | null>(null);
  const offers = useDeviceState().config.offers.map((entry) => entry.code);
  const label = useListLabel();
  return (
    <Dialog
      title={t('recommend.title')}
      onClose={onCancel}
      confirm={{
        label: t('recommend.confirm'),
        onClick: () => offer && response && onConfirm(offer, response),
        disabled: !offer || !response,
      }}
    >
      <ChoiceGroup
        label={t('recommend.offer')}
        options={offers}
        value={offer}
        onChange={setOffer}
        labelOf={(code) => label('offers', code)}
      />
      <ChoiceGroup
        label={t('recommend.response')}
        options={RecommendationResponseSchema.options}
        value={response}
        onChange={setResponse}
        labelOf={(code) => t(`response.${code}`)}
      />
    </Dialog>
  );
}

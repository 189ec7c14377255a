import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  OFFERS,
  RecommendationResponseSchema,
  type Offer,
  type RecommendationResponse,
} from '../../domain/catalog';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { Dialog } from '../../ui/Dialog';

/** 业务推荐: which service was recommended and how the customer answered. */
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
        options={OFFERS}
        value={offer}
        onChange={setOffer}
        labelOf={(code) => t(`offer.${code}`)}
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

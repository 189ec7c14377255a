/**
 * How loud ticket calls are on this device, and a test call. A device setting kept by the platform
 * (localStorage), not a `config-changed` record: the volume of a speaker is not something the log
 * needs to prove.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { platform } from '../../platform';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { useDeviceState } from '../shared/store-context';

const LEVELS = ['0', '25', '50', '75', '100'] as const;
type Level = (typeof LEVELS)[number];

/** The level nearest the stored volume (0–1). */
const levelOf = (volume: number): Level =>
  LEVELS.reduce((best, level) =>
    Math.abs(Number(level) / 100 - volume) < Math.abs(Number(best) / 100 - volume) ? level : best,
  );

/** The first ticket of the day, called to this counter, to hear what a call sounds like. */
const TEST_TICKET = 'A001';

export function CallVolumePanel() {
  const { t, i18n } = useTranslation();
  const { counter } = useDeviceState();
  const [level, setLevel] = useState<Level>(() => levelOf(platform().callVolume()));
  return (
    <section className="panel" aria-labelledby="call-volume-title">
      <h2 id="call-volume-title">{t('callVolume.title')}</h2>
      <ChoiceGroup
        label={t('callVolume.label')}
        options={LEVELS}
        value={level}
        onChange={(chosen) => {
          platform().setCallVolume(Number(chosen) / 100);
          setLevel(chosen);
        }}
        labelOf={(option) =>
          option === '0' ? t('callVolume.off') : t('callVolume.percent', { percent: option })
        }
      />
      <p className="hint">{t('callVolume.hint')}</p>
      <button
        type="button"
        className="secondary"
        disabled={counter === null}
        onClick={() =>
          counter !== null &&
          void platform().callTicket({
            ticket: TEST_TICKET,
            counter,
            locale: currentLocale(i18n.language),
          }).heard
        }
      >
        {t('callVolume.test')}
      </button>
    </section>
  );
}

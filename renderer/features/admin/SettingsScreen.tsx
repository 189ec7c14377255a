/**
 * Device settings for managers (each change an event in the log, which the clerk screen follows at
 * once): the screen lock and tap guard, the business day, the pencil-whipping thresholds, the
 * lists (business types, offers, skip reasons), the scripts, the store's own words never to say;
 * the call volume (a setting of the device's speaker, kept by the platform, not the log); and what
 * a manager should know about the device: its identity and key fingerprint (to write down or give
 * the auditor), how far its log is sealed, and whether its storage is safe from eviction.
 */
import './admin.css';
import '../shared/shift.css';
import { useTranslation } from 'react-i18next';
import type { ConfigKey } from '../../../core/domain/device/config';
import { useDeviceState } from '../shared/store-context';
import { BusinessDayForm } from './BusinessDayForm';
import { CallVolumePanel } from './CallVolumePanel';
import { DevicePanel } from './DevicePanel';
import { FlagThresholdsForm } from './FlagThresholdsForm';
import { HubPanel } from './HubPanel';
import { ListEditor } from './ListEditor';
import { NumberSetting } from './NumberSetting';
import { PhrasesEditor } from './PhrasesEditor';
import { OpeningItemsEditor } from './OpeningItemsEditor';
import { ScriptEditor } from './ScriptEditor';

const NUMBER_SETTINGS: readonly {
  key: ConfigKey & ('idle-lock-minutes' | 'tap-guard-ms' | 'clock-tolerance-seconds');
  max: number;
}[] = [
  { key: 'idle-lock-minutes', max: 60 },
  { key: 'tap-guard-ms', max: 2000 },
  { key: 'clock-tolerance-seconds', max: 900 },
];

export function SettingsScreen() {
  const { t } = useTranslation();
  const { config } = useDeviceState();
  const current: Record<(typeof NUMBER_SETTINGS)[number]['key'], number> = {
    'idle-lock-minutes': config.idleLockMinutes,
    'tap-guard-ms': config.tapGuardMs,
    'clock-tolerance-seconds': config.clockToleranceSeconds,
  };
  return (
    <main className="admin settings">
      <section className="panel" aria-labelledby="settings-title">
        <h2 id="settings-title">{t('settings.screen')}</h2>
        {NUMBER_SETTINGS.map(({ key, max }) => (
          <NumberSetting key={key} settingKey={key} value={current[key]} max={max} />
        ))}
      </section>
      <CallVolumePanel />
      <BusinessDayForm />
      <FlagThresholdsForm />
      <ListEditor list="business-types" />
      <ListEditor list="offers" />
      <ListEditor list="skip-reasons" />
      <ScriptEditor />
      <PhrasesEditor />
      <OpeningItemsEditor />
      <DevicePanel />
      <HubPanel />
    </main>
  );
}

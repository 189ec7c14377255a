/**
 * The device as a manager should know it: its id and the fingerprint of its first signing key
 * (write it down, or hand it to the auditor: `counter-steps verify --key` checks a log against it),
 * how much of the log is sealed by signed checkpoints, whether storage is safe from eviction, and
 * how much is used and left (a warning from 80 % full: a full disk stops new records).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fingerprint } from '../../../core/domain/log/signing';
import { platform, storageFullness, type PlatformBridge } from '../../platform';
import { useDeviceState } from '../shared/store-context';

type StorageStatus = Awaited<ReturnType<PlatformBridge['storageStatus']>>;

const megabytes = (bytes: number | null) => (bytes === null ? '—' : (bytes / 1_048_576).toFixed(1));

export function DevicePanel() {
  const { t } = useTranslation();
  const { identity, keys, head } = useDeviceState();
  const [print, setPrint] = useState<string | null>(null);
  const [storage, setStorage] = useState<StorageStatus | null>(null);
  const [version, setVersion] = useState<string | null>(null);

  useEffect(() => {
    if (identity) void fingerprint(identity.firstKey).then(setPrint);
  }, [identity]);
  useEffect(() => {
    void platform().storageStatus().then(setStorage);
    void platform()
      .getAppInfo()
      .then((info) => setVersion(info.ok ? info.value.version : null));
  }, []);

  const persisted = storage?.persisted;
  const fullness = storage && storageFullness(storage);
  return (
    <section className="panel wide" aria-labelledby="device-title">
      <h2 id="device-title">{t('device.title')}</h2>
      <dl className="facts">
        <dt>{t('device.version')}</dt>
        <dd data-fact="version">{version ?? '—'}</dd>
        <dt>{t('device.id')}</dt>
        <dd data-fact="device-id">{identity?.deviceId ?? '—'}</dd>
        <dt>{t('device.fingerprint')}</dt>
        <dd data-fact="fingerprint" className="fingerprint">
          {print ?? '—'}
        </dd>
        <dt>{t('device.sealed')}</dt>
        <dd data-fact="sealed">
          {keys?.lastCheckpointSeq
            ? t('device.sealedUpTo', { sealed: keys.lastCheckpointSeq, head: head.seq })
            : t('audit.notSealed')}
        </dd>
        <dt>{t('device.persistent')}</dt>
        <dd data-fact="persistent">
          {persisted == null
            ? '—'
            : persisted
              ? t('device.persistentYes')
              : t('device.persistentNo')}
        </dd>
        <dt>{t('device.storage')}</dt>
        <dd data-fact="storage">
          {t('device.storageUsed', {
            used: megabytes(storage?.usageBytes ?? null),
            quota: megabytes(storage?.quotaBytes ?? null),
          })}
        </dd>
        <dt>{t('device.storageLeft')}</dt>
        <dd data-fact="storage-left">
          {fullness
            ? t('device.storageLeftOf', {
                left: megabytes(fullness.leftBytes),
                percent: Math.round((1 - fullness.share) * 100),
              })
            : '—'}
        </dd>
      </dl>
      {fullness?.warn && (
        <p className="notice warning" role="alert" data-fact="storage-warning">
          {t('device.storageWarning', { percent: Math.round(fullness.share * 100) })}
        </p>
      )}
      <p className="hint">{t('device.fingerprintHint')}</p>
    </section>
  );
}

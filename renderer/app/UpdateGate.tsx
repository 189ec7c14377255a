/**
 * Applies a new version of the app (the browser build's service worker has it ready) only when
 * that cannot cost anything: no service open (the log is on the device, so a reload never loses a
 * record, but it would take the service off the clerk's screen mid-step), no long task the
 * person started is running (loading demo data: a reload would end it half done), and nobody has
 * touched the screen for a moment (a half-filled form), and no dialog is open (a PIN being
 * typed, a complaint being recorded). Until then a small notice says it is waiting, and one line
 * says what the new version changed (its release.json, release-notes.json in the repository).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLongTaskRunning } from '../features/shared/long-task';
import { useDeviceState } from '../features/shared/store-context';
import { platform } from '../platform';
import type { UpdateInfo } from '../platform/bridge';
import { currentLocale } from '../i18n';

/** A dialog is open: whatever is in it would be lost to a reload. */
export const dialogOpen = (): boolean =>
  document.querySelector('[role="dialog"], [role="alertdialog"], dialog[open]') !== null;

/** How long the screen must be left alone before the update reloads it. */
export const UPDATE_IDLE_MS = 5_000;

/** `quiet`: the customer display applies updates by the same rule but never tells the customer. */
export function UpdateGate({ quiet = false }: { quiet?: boolean }) {
  const { t, i18n } = useTranslation();
  const state = useDeviceState();
  const [ready, setReady] = useState<UpdateInfo | null>(null);
  const serviceOpen = state.service?.outcome === 'open';
  const longTask = useLongTaskRunning();

  useEffect(() => platform().onUpdateReady((update) => setReady(update)), []);

  useEffect(() => {
    if (!ready || serviceOpen || longTask) return;
    let timer: ReturnType<typeof setTimeout>;
    const wait = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        // Never under an open dialog: wait for it to close (and the screen to be left alone).
        if (dialogOpen()) wait();
        else void platform().applyUpdate();
      }, UPDATE_IDLE_MS);
    };
    wait();
    window.addEventListener('pointerdown', wait);
    window.addEventListener('keydown', wait);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', wait);
      window.removeEventListener('keydown', wait);
    };
  }, [ready, serviceOpen, longTask]);

  if (quiet || !ready) return null;
  const change = ready.changes?.[currentLocale(i18n.language)] ?? ready.changes?.en;
  return (
    <>
      <p className="update-notice" role="status" data-testid="update-changes">
        {ready.version && change
          ? t('update.changes', { version: ready.version, change })
          : t('update.changesUnknown')}
      </p>
      {serviceOpen && (
        <p className="update-notice" role="status" data-testid="update-waiting">
          {t('update.waiting')}
        </p>
      )}
    </>
  );
}

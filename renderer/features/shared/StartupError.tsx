/**
 * Shown when the device's store cannot open, or this window lost it while running: what happened
 * and what to do. Nothing is deleted or replaced; the data stays where it is until someone who can
 * fix it looks. Never a blank page: main.tsx shows this for every way opening can fail, and for a
 * database another window is holding (`database-blocked`) while it waits.
 */
import { useTranslation } from 'react-i18next';
import { StorageError } from '../../storage';

export function StartupError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = error instanceof StorageError ? error.code : 'open-failed';

  return (
    <main className="setup" role="alert" data-startup={code}>
      <h1>{t('startup.title')}</h1>
      <p>{t(`startup.${code}`, { defaultValue: t('startup.open-failed') })}</p>
      {/* Not every failure has its own advice: the general one stands in (a default value). */}
      <p className="hint">{t(`startup.advice.${code}`, { defaultValue: t('startup.whatToDo') })}</p>
    </main>
  );
}

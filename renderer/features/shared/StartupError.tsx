/**
 * Shown when the device's store cannot open: what happened and what to do. Nothing is deleted or
 * replaced; the data stays where it is until someone who can fix it looks.
 */
import { useTranslation } from 'react-i18next';
import { StorageError } from '../../storage';

export function StartupError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = error instanceof StorageError ? error.code : 'open-failed';
  return (
    <main className="setup" role="alert">
      <h1>{t('startup.title')}</h1>
      <p>{t(`startup.${code}`, { defaultValue: t('startup.open-failed') })}</p>
      <p className="hint">{t('startup.whatToDo')}</p>
    </main>
  );
}

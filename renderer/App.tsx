import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { ClerkScreen } from './features/clerk/ClerkScreen';
import { SetupScreen } from './features/setup/SetupScreen';
import { useRepositories } from './storage/provider';

export function App() {
  const { t } = useTranslation();
  const { sessions } = useRepositories();
  // undefined while loading; null when this device was never set up.
  const session = useLiveQuery(() => sessions.current(), [sessions]);
  if (session === undefined) return <p className="loading">{t('app.loading')}</p>;
  if (session === null) return <SetupScreen />;
  return <ClerkScreen session={session} />;
}

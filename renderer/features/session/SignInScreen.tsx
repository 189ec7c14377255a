/** Nobody is signed in: the counter, any service left open, and the sign-in form. */
import './session.css';
import { useTranslation } from 'react-i18next';
import { SetupPage } from '../../ui/SetupPage';
import { OpenServiceNotice } from './OpenServiceNotice';
import { SignInForm } from './SignInForm';

export function SignInScreen({ counter }: { counter: string }) {
  const { t } = useTranslation();
  return (
    <SetupPage title={t('app.title')}>
      <p className="setup-counter">{t('header.counter', { counter })}</p>
      <OpenServiceNotice />
      <SignInForm />
    </SetupPage>
  );
}

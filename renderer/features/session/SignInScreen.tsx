import './session.css';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher';
import { OpenServiceNotice } from './OpenServiceNotice';
import { SignInForm } from './SignInForm';

export function SignInScreen({ counter }: { counter: string }) {
  const { t } = useTranslation();
  return (
    <main className="setup">
      <header className="setup-header">
        <h1>{t('app.title')}</h1>
        <LanguageSwitcher />
      </header>
      <p className="setup-counter">{t('header.counter', { counter })}</p>
      <OpenServiceNotice />
      <SignInForm />
    </main>
  );
}

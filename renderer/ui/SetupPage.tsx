/** A screen before anyone is at work (first run, sign-in, the lock, choosing a PIN): title, languages, content. */
import type { ReactNode } from 'react';
import { LanguageSwitcher } from './LanguageSwitcher';

export function SetupPage({
  title,
  className = 'setup',
  children,
}: {
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <main className={className}>
      <header className="setup-header">
        <h1>{title}</h1>
        <LanguageSwitcher />
      </header>
      {children}
    </main>
  );
}

/**
 * A settings panel as a form: its title, its fields, then "Saved." or the refusal and the Save
 * button. Submitting saves (one `change-config`, see use-config-save.ts).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveStatus } from './SaveStatus';

export function SettingsForm({
  titleId,
  title,
  onSave,
  saved,
  error,
  busy,
  children,
}: {
  /** The heading's id, which names the form. */
  titleId: string;
  title: string;
  onSave: () => Promise<unknown>;
  saved: boolean;
  error: string | null;
  busy: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form
      className="panel settings-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave();
      }}
      noValidate
      aria-labelledby={titleId}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <SaveStatus saved={saved} error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {t('settings.save')}
      </button>
    </form>
  );
}

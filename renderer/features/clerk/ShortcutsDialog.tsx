/** The list of the clerk's keyboard shortcuts, opened with "?" (the key or the button). */
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { SHORTCUTS } from './use-shortcuts';

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose} cancelLabel={t('common.close')}>
      <dl className="shortcuts">
        {SHORTCUTS.map(({ keys, label }) => (
          <div key={keys} className="shortcut">
            <dt>
              <kbd>{t(keys)}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">{t('shortcuts.note')}</p>
    </Dialog>
  );
}

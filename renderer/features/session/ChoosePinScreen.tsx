/**
 * After a manager created the account or reset its PIN, the manager knows that PIN: its owner
 * chooses their own before anything else (or signs out).
 */
import { useTranslation } from 'react-i18next';
import { SetupPage } from '../../ui/SetupPage';
import { useCommand } from '../shared/use-command';
import { PinChangeFields, usePinChange } from './PinChangeFields';

export function ChoosePinScreen({ staffNo }: { staffNo: string }) {
  const { t } = useTranslation();
  const change = usePinChange();
  const signOut = useCommand();

  return (
    <SetupPage title={t('choosePin.title')}>
      <form
        className="setup-form"
        onSubmit={(event) => {
          event.preventDefault();
          void change.save();
        }}
        noValidate
      >
        <p>{t('choosePin.intro', { staffNo })}</p>
        <PinChangeFields change={change} autoFocus />
        <button type="submit" className="primary big" disabled={change.busy}>
          {t('pin.save')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void signOut.run({ type: 'sign-out' })}
        >
          {t('session.signOut')}
        </button>
      </form>
    </SetupPage>
  );
}

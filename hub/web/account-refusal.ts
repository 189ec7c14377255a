/**
 * Why the hub refused an account change, in the reader's language: the hub's own words where the
 * device has none, else the device's refusal. One place for the sign-in, setup and admin pages,
 * so every code has its words (the keys are typed: a code without them fails the type-check).
 */
import type { AccountRefusal } from '../accounts';
import type { Translate } from '../i18n';

export function accountRefusalText(t: Translate, code: AccountRefusal): string {
  switch (code) {
    case 'staff-number':
      return t('admin.staffNoInvalid');
    case 'exists':
      return t('refusal.account-exists', { ns: 'translation' });
    case 'unknown-account':
      return t('refusal.no-such-account', { ns: 'translation' });
    case 'own-account':
      return t('admin.ownAccount');
    case 'not-allowed':
      return t('admin.notAllowed');
    case 'wrong-pin':
      // The device's sentence counts the tries left; the hub's pages only say the PIN was wrong.
      return t('refusal.wrong-pin', { ns: 'translation', count: 0 }).split(/[.。]/)[0] + '.';
    default:
      return t(`refusal.${code}`, { ns: 'translation' });
  }
}

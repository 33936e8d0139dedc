import { useTranslation } from 'react-i18next';
import { formatClockTime } from '../cases/caseFormat';
import type { SignInResult } from '../../data/auth';

/**
 * The refusal of a sign-in attempt as a sentence; null when it succeeded. `unlockFor`: the
 * attempt unlocks this user's screen — the name is known, so only the password can be wrong.
 */
export function useSignInMessage(unlockFor?: string) {
  const { t, i18n } = useTranslation('auth');
  return (r: SignInResult): string | null => {
    if (r.ok) return null;
    switch (r.reason) {
      case 'bad_credentials': {
        const few = r.attemptsLeft !== null && r.attemptsLeft <= 2;
        if (unlockFor !== undefined)
          return few
            ? t('lock.attemptsLeft', { count: r.attemptsLeft ?? 0, name: unlockFor })
            : t('lock.badPassword', { name: unlockFor });
        return few
          ? t('signIn.attemptsLeft', { count: r.attemptsLeft ?? 0 })
          : t('signIn.bad_credentials');
      }
      case 'locked': {
        const time = formatClockTime(r.lockedUntil, i18n.language);
        return t('signIn.locked', { minutes: r.minutesLeft, time });
      }
      case 'disabled':
        return t('signIn.disabled');
      case 'not_set_up':
        return t('signIn.not_set_up');
    }
  };
}

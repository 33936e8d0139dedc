import { useTranslation } from 'react-i18next';
import type { SignInResult } from '../../data/auth';

/** The refusal of a sign-in (or unlock) attempt as a sentence; null when it succeeded. */
export function useSignInMessage() {
  const { t, i18n } = useTranslation('auth');
  return (r: SignInResult): string | null => {
    if (r.ok) return null;
    switch (r.reason) {
      case 'bad_credentials':
        return r.attemptsLeft !== null && r.attemptsLeft <= 2
          ? t('signIn.attemptsLeft', { count: r.attemptsLeft })
          : t('signIn.bad_credentials');
      case 'locked': {
        const time = new Date(r.lockedUntil).toLocaleTimeString(i18n.language, {
          hour: '2-digit',
          minute: '2-digit',
        });
        return t('signIn.locked', { minutes: r.minutesLeft, time });
      }
      case 'disabled':
        return t('signIn.disabled');
      case 'not_set_up':
        return t('signIn.not_set_up');
    }
  };
}

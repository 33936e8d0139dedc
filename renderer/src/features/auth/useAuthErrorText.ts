import { useTranslation } from 'react-i18next';
import { AuthError } from '../../data/authErrors';
import { useHostErrorText } from '../shared/useHostErrorText';
import { HostError } from '../../host';

/** A refused or failed auth/admin call as a sentence in the user's language. */
export function useAuthErrorText() {
  const { t } = useTranslation('auth');
  const hostText = useHostErrorText();
  return (e: unknown): string => {
    if (e instanceof AuthError) {
      return e.code === 'invalid' && e.field
        ? t(`setup.invalid.${e.field}`, { defaultValue: t('error.invalid') })
        : t(`error.${e.code}`);
    }
    if (e instanceof HostError) return hostText(e);
    return t('error.unknown', { message: e instanceof Error ? e.message : String(e) });
  };
}

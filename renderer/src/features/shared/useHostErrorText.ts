import { useTranslation } from 'react-i18next';
import { HostError } from '../../host';

/** Turns a failed host call into a sentence in the user's language that says what to do. */
export function useHostErrorText() {
  const { t } = useTranslation();
  return (e: unknown) =>
    e instanceof HostError ? t(`host.error.${e.code}`) : t('host.error.internal');
}

import { useTranslation } from 'react-i18next';
import { BackupError } from '../../data/backup';
import { useAuthErrorText } from '../auth/useAuthErrorText';

/** A refused restore as a sentence that says nothing changed and what to do. */
export function useBackupRefusalText() {
  const { t } = useTranslation('admin');
  const other = useAuthErrorText();
  return (e: unknown): string =>
    e instanceof BackupError
      ? t(`backups.refused.${e.refusal.reason}`, { ...e.refusal })
      : other(e);
}

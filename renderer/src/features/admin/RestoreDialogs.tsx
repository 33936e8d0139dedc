// Restoring: confirm, check and replace; when the file belongs to another station, a second,
// explicit confirmation; afterwards everyone signs in again (the users may have changed).
import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { BackupError, restoreBackup } from '../../data/backup';
import type { OneWindowDb } from '../../data/db';
import { currentActor } from '../../app/stores/sessionStore';
import { useBackupRefusalText } from './useBackupRefusalText';

type Step =
  | { step: 'confirm' }
  | { step: 'foreign'; stationId: string; expected: string }
  | { step: 'done' }
  | { step: 'refused'; text: string };

export function RestoreDialogs({
  db,
  bytes,
  onClose,
  onRestored,
}: {
  db: OneWindowDb;
  bytes: Uint8Array;
  onClose: () => void;
  onRestored: () => void;
}) {
  const { t } = useTranslation('admin');
  const refusalText = useBackupRefusalText();
  const [state, setState] = useState<Step>({ step: 'confirm' });
  const [busy, setBusy] = useState(false);

  const restore = async (allowForeign: boolean) => {
    setBusy(true);
    try {
      await restoreBackup(db, bytes, { actor: currentActor(), allowForeign });
      setState({ step: 'done' });
    } catch (e) {
      if (e instanceof BackupError && e.refusal.reason === 'foreign' && !allowForeign) {
        setState({
          step: 'foreign',
          stationId: e.refusal.stationId ?? '?',
          expected: e.refusal.expected,
        });
      } else setState({ step: 'refused', text: refusalText(e) });
    } finally {
      setBusy(false);
    }
  };

  const titleId = 'restore-title';
  return (
    <Dialog open aria-labelledby={titleId} onClose={state.step === 'done' ? undefined : onClose}>
      {state.step === 'confirm' && (
        <>
          <DialogTitle id={titleId}>{t('backups.restore.title')}</DialogTitle>
          <DialogContent>
            <DialogContentText>{t('backups.restore.body')}</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t('backups.restore.cancel')}</Button>
            <Button
              variant="contained"
              color="warning"
              disabled={busy}
              onClick={() => restore(false)}
              data-testid="restore-confirm"
            >
              {busy ? t('backups.restore.working') : t('backups.restore.confirm')}
            </Button>
          </DialogActions>
        </>
      )}
      {state.step === 'foreign' && (
        <>
          <DialogTitle id={titleId}>{t('backups.foreign.title')}</DialogTitle>
          <DialogContent>
            <DialogContentText>
              {t('backups.foreign.body', { stationId: state.stationId, expected: state.expected })}
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose} autoFocus>
              {t('backups.restore.cancel')}
            </Button>
            <Button
              variant="contained"
              color="error"
              disabled={busy}
              onClick={() => restore(true)}
              data-testid="restore-foreign-confirm"
            >
              {t('backups.foreign.confirm')}
            </Button>
          </DialogActions>
        </>
      )}
      {state.step === 'refused' && (
        <>
          <DialogTitle id={titleId}>{t('backups.restore.title')}</DialogTitle>
          <DialogContent>
            <Alert severity="error" role="alert" data-testid="restore-refused">
              {state.text}
            </Alert>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose} autoFocus>
              {t('backups.restore.cancel')}
            </Button>
          </DialogActions>
        </>
      )}
      {state.step === 'done' && (
        <>
          <DialogTitle id={titleId}>{t('backups.restore.done')}</DialogTitle>
          <DialogActions>
            <Button variant="contained" onClick={onRestored} autoFocus data-testid="restore-done">
              {t('backups.restore.signInAgain')}
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

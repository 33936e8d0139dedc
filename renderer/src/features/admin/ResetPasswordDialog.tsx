// An administrator sets a new password for someone (who forgot theirs, or is locked out).
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { isAcceptablePassword } from '../../data/authPassword';
import type { OneWindowDb } from '../../data/db';
import { resetPassword, type UserSummary } from '../../data/users';
import { currentActor } from '../../app/stores/sessionStore';
import { useAuthErrorText } from '../auth/useAuthErrorText';

export function ResetPasswordDialog({
  db,
  user,
  onClose,
}: {
  db: OneWindowDb;
  user: UserSummary;
  onClose: (message: string | null) => void;
}) {
  const { t } = useTranslation(['admin', 'auth']);
  const errorText = useAuthErrorText();
  const [password, setPassword] = useState('');
  const [password2, setPassword2] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const bad1 = !isAcceptablePassword(password);
  const bad2 = password2 !== password;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (bad1 || bad2) return;
    setBusy(true);
    try {
      await resetPassword(db, currentActor(), user.id, password);
      onClose(t('users.reset.done', { name: user.name }));
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={() => onClose(null)} aria-labelledby="reset-title" fullWidth>
      <form noValidate onSubmit={submit}>
        <DialogTitle id="reset-title">{t('users.reset.title', { name: user.name })}</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 2 }}>{t('users.reset.help')}</Typography>
          <Stack spacing={1}>
            <TextField
              label={t('users.password')}
              type="password"
              value={password}
              autoFocus
              error={tried && bad1}
              helperText={tried && bad1 ? t('auth:setup.invalid.password') : ' '}
              onChange={(e) => setPassword(e.target.value)}
              slotProps={{ htmlInput: { autoComplete: 'new-password' } }}
            />
            <TextField
              label={t('users.password2')}
              type="password"
              value={password2}
              error={tried && bad2}
              helperText={tried && bad2 ? t('auth:setup.invalid.password2') : ' '}
              onChange={(e) => setPassword2(e.target.value)}
              slotProps={{ htmlInput: { autoComplete: 'new-password' } }}
            />
          </Stack>
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose(null)}>{t('users.reset.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t('users.reset.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

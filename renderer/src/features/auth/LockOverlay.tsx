// The idle lock: a full-screen, opaque modal over the app. The app underneath stays mounted
// (its forms keep what was typed) but cannot be seen, focused or driven by shortcuts until the
// same user enters the password again. Signing out is the way to let someone else in.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Dialog, Stack, TextField, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { useTranslation } from 'react-i18next';
import { signIn, type SessionUser } from '../../data/auth';
import type { OneWindowDb } from '../../data/db';
import { useSessionStore } from '../../app/stores/sessionStore';
import { useSignInMessage } from './useSignInMessage';
import { useAuthErrorText } from './useAuthErrorText';
import { isKey } from '../shared/shortcuts';

export function LockOverlay({
  db,
  user,
  onUnlock,
  onSignOut,
}: {
  db: OneWindowDb;
  user: SessionUser;
  onUnlock: () => void;
  onSignOut: () => void;
}) {
  const { t } = useTranslation('auth');
  const message = useSignInMessage(user.name);
  const reason = useSessionStore((s) => s.lockReason);
  const errorText = useAuthErrorText();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const paperRef = useRef<HTMLDivElement>(null);

  // The frame's shortcuts (Alt+N, F1) listen on window: while locked, no key outside this
  // overlay and no shortcut inside it may reach them, or the screen underneath would change.
  useEffect(() => {
    const guard = (e: KeyboardEvent) => {
      const inside = paperRef.current?.contains(e.target as Node) ?? false;
      if (!inside || isKey('frame', e)) {
        e.stopImmediatePropagation();
        if (!inside || !isKey('tab', e)) e.preventDefault();
      }
    };
    window.addEventListener('keydown', guard, true);
    return () => window.removeEventListener('keydown', guard, true);
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!password) return;
    setBusy(true);
    setError(null);
    try {
      // The same checks and lockout as sign-in, for this user only.
      const result = await signIn(db, user.username, password);
      if (result.ok && result.user.id === user.id) onUnlock();
      else {
        setError(result.ok ? t('lock.wrongUser') : message(result));
        setPassword('');
      }
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      fullScreen
      disableEscapeKeyDown
      aria-labelledby="lock-title"
      data-testid="lock-overlay"
      slotProps={{ paper: { ref: paperRef, sx: { bgcolor: 'background.default' } } }}
    >
      <Box
        sx={{
          minHeight: '100%',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          p: 2,
        }}
      >
        <Box component="form" noValidate onSubmit={submit} sx={{ width: '100%', maxWidth: 460 }}>
          <Stack spacing={2} alignItems="stretch">
            <Stack direction="row" spacing={1.5} alignItems="center">
              <LockIcon color="primary" sx={{ fontSize: 40 }} />
              <Typography id="lock-title" variant="h1" sx={{ fontSize: '1.6rem' }}>
                {t('lock.title')}
              </Typography>
            </Stack>
            <Typography data-testid="lock-body">
              {t(reason === 'manual' ? 'lock.bodyManual' : 'lock.body', {
                name: user.name,
                role: t(`domain:role.${user.role}`),
              })}
            </Typography>
            <TextField
              label={t('lock.password')}
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoFocus
              fullWidth
              slotProps={{
                htmlInput: { 'data-testid': 'lock-password', autoComplete: 'current-password' },
              }}
            />
            {error && (
              <Alert severity="error" role="alert" data-testid="lock-error">
                {error}
              </Alert>
            )}
            <Button
              type="submit"
              variant="contained"
              size="large"
              disabled={busy}
              data-testid="lock-unlock"
            >
              {t('lock.unlock')}
            </Button>
            <Button variant="text" onClick={onSignOut} data-testid="lock-signout">
              {t('lock.signOut')}
            </Button>
            <Typography variant="body2" sx={{ color: 'text.secondary', textAlign: 'center' }}>
              {t('lock.signOut.help')}
            </Typography>
          </Stack>
        </Box>
      </Box>
    </Dialog>
  );
}

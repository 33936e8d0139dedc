// Sign-in: username and password. Refusals say why and, when locked, until when.
import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { signIn } from '../../data/auth';
import type { OneWindowDb } from '../../data/db';
import type { Station } from '../../data/station';
import { useSessionStore } from '../../app/stores/sessionStore';
import { AuthCard } from './AuthCard';
import { useSignInMessage } from './useSignInMessage';
import { useAuthErrorText } from './useAuthErrorText';

export function SignInScreen({
  db,
  station,
  initialUsername = '',
  notice,
}: {
  db: OneWindowDb;
  station: Station;
  initialUsername?: string;
  notice?: string | null;
}) {
  const { t } = useTranslation('auth');
  const signedIn = useSessionStore((s) => s.signedIn);
  const message = useSignInMessage();
  const errorText = useAuthErrorText();
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) return;
    setBusy(true);
    setError(null);
    try {
      const result = await signIn(db, username, password);
      if (result.ok) {
        signedIn(result.user);
        return;
      }
      setError(message(result));
      setPassword('');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('signIn.title')}>
      <Typography sx={{ mb: 2, color: 'text.secondary' }} data-testid="signin-station">
        {station.officeName} · {station.stationCode}
      </Typography>
      {notice && !error && (
        <Alert severity="success" sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      <Box component="form" noValidate onSubmit={submit}>
        <Stack spacing={2}>
          <TextField
            label={t('signIn.username')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoFocus={!initialUsername}
            fullWidth
            slotProps={{
              htmlInput: { 'data-testid': 'signin-username', autoComplete: 'username' },
            }}
          />
          <TextField
            label={t('signIn.password')}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoFocus={!!initialUsername}
            fullWidth
            slotProps={{
              htmlInput: { 'data-testid': 'signin-password', autoComplete: 'current-password' },
            }}
          />
          {error && (
            <Alert severity="error" role="alert" data-testid="signin-error">
              {error}
            </Alert>
          )}
          <Button
            type="submit"
            variant="contained"
            size="large"
            disabled={busy}
            data-testid="signin-submit"
          >
            {busy ? t('signIn.working') : t('signIn.submit')}
          </Button>
        </Stack>
      </Box>
    </AuthCard>
  );
}

// The "new user" form of the users screen.
import { useState, type FormEvent } from 'react';
import { Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../domain/roles';
import type { OneWindowDb } from '../../data/db';
import { newUserProblems } from '../../data/station';
import { createUser } from '../../data/users';
import { currentActor } from '../../app/stores/sessionStore';
import { useAuthErrorText } from '../auth/useAuthErrorText';

const empty = { username: '', name: '', password: '', password2: '', role: 'clerk' as Role };

export function CreateUserForm({
  db,
  onMessage,
}: {
  db: OneWindowDb;
  onMessage: (m: { ok: boolean; text: string }) => void;
}) {
  const { t } = useTranslation(['admin', 'auth']);
  const errorText = useAuthErrorText();
  const [v, setV] = useState(empty);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const problems = new Set(newUserProblems(v));
  if (v.password2 !== v.password) problems.add('password2');
  const wrong = (f: string) => tried && problems.has(f);
  const help = (f: string) => (wrong(f) ? t(`auth:setup.invalid.${f}`) : ' ');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problems.size > 0) return;
    setBusy(true);
    try {
      const u = await createUser(db, currentActor(), v);
      onMessage({ ok: true, text: t('users.created', { name: u.name }) });
      setV(empty);
      setTried(false);
    } catch (err) {
      onMessage({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  const text = (f: 'username' | 'name' | 'password' | 'password2', type = 'text') => (
    <TextField
      label={t(`users.${f}`)}
      value={v[f]}
      type={type}
      size="small"
      error={wrong(f)}
      helperText={help(f)}
      onChange={(e) => setV((s) => ({ ...s, [f]: e.target.value }))}
      slotProps={{ htmlInput: { 'data-testid': `newuser-${f}`, autoComplete: 'off' } }}
      sx={{ flex: 1 }}
    />
  );

  return (
    <Box component="form" noValidate onSubmit={submit}>
      <Typography variant="h2" sx={{ fontSize: '1.2rem', mb: 1.5 }}>
        {t('users.create')}
      </Typography>
      {/* Two rows: who (username, name, role), then the password twice and the button. */}
      <Stack direction="row" spacing={2} alignItems="flex-start">
        {text('username')}
        {text('name')}
        <TextField
          select
          label={t('users.role')}
          value={v.role}
          size="small"
          helperText=" "
          onChange={(e) => setV((s) => ({ ...s, role: e.target.value as Role }))}
          sx={{ flex: 1 }}
        >
          {ROLES.map((r) => (
            <MenuItem key={r} value={r}>
              {t(`domain:role.${r}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Stack direction="row" spacing={2} alignItems="flex-start">
        {text('password', 'password')}
        {text('password2', 'password')}
        <Box sx={{ flex: 1 }}>
          <Button type="submit" variant="contained" disabled={busy} data-testid="newuser-submit">
            {t('users.submit')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}

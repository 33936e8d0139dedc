// A supervisor lets a credit code that fails its check through: they authenticate here (the
// same lockout rules as sign-in apply), and the override with their name, role and reason goes
// into the intake event. The domain checks the role again.
import { useState } from 'react';
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
import { signIn } from '../../data/auth';
import { appDb } from '../../data/stationDb';
import { SUPERVISOR_ROLES, type CreditCodeOverride } from '../../domain';

export function OverrideDialog({
  onClose,
  onOverride,
}: {
  onClose: () => void;
  onOverride: (o: CreditCodeOverride) => void;
}) {
  const { t } = useTranslation('intake');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (!reason.trim()) return setError(t('override.reasonRequired'));
    setBusy(true);
    const r = await signIn(appDb(), username, password);
    setBusy(false);
    if (!r.ok) return setError(t('override.badCredentials'));
    if (!SUPERVISOR_ROLES.includes(r.user.role)) return setError(t('override.notSupervisor'));
    onOverride({
      supervisorId: r.user.id,
      supervisorName: r.user.name,
      supervisorRole: r.user.role,
      reason: reason.trim(),
    });
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('override.title')}</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>{t('override.explain')}</Typography>
        <Stack spacing={2}>
          <TextField
            label={t('override.username')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoFocus
            slotProps={{ htmlInput: { 'data-testid': 'override-username', autoComplete: 'off' } }}
          />
          <TextField
            label={t('override.password')}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'override-password' } }}
          />
          <TextField
            label={t('override.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'override-reason' } }}
          />
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('override.cancel')}</Button>
        <Button
          variant="contained"
          disabled={busy}
          onClick={() => void confirm()}
          data-testid="override-confirm"
        >
          {t('override.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

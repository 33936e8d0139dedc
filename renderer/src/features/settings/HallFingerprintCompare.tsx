// The certificate fingerprint the server shows beside the one the administrator typed from the
// server's print-out, and whether they match (desktop app, https): what makes the first contact
// with a hall server safe. No host import, so it renders anywhere.
import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { displayFingerprint, normaliseFingerprint } from '../../../../electron/contract-hall';

export function FingerprintCompare({ seen, typed }: { seen: string | null; typed: string }) {
  const { t } = useTranslation('sync');
  const mine = normaliseFingerprint(typed);
  const verdict = seen !== null && mine !== null ? (seen === mine ? 'match' : 'mismatch') : null;
  const cell = (title: string, value: string | null, empty: string, id: string) => (
    <Box sx={{ flex: 1, minWidth: 0 }}>
      <Typography variant="body2" fontWeight={700} gutterBottom>
        {title}
      </Typography>
      <Typography
        data-testid={id}
        sx={{ fontFamily: 'monospace', fontSize: '0.95rem', wordBreak: 'break-all' }}
      >
        {value ? displayFingerprint(value) : empty}
      </Typography>
    </Box>
  );
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="hall-compare">
      <Typography variant="h4" component="h3" sx={{ fontSize: '1.05rem', mb: 1 }}>
        {t('settings.compareTitle')}
      </Typography>
      <Stack direction="row" spacing={3}>
        {cell(t('settings.compareServer'), seen, t('settings.compareUnknown'), 'hall-seen')}
        {cell(t('settings.compareTyped'), mine, t('settings.compareEmpty'), 'hall-typed')}
      </Stack>
      {verdict && (
        <Alert severity={verdict === 'match' ? 'success' : 'error'} sx={{ mt: 1.5 }}>
          {t(verdict === 'match' ? 'settings.compareMatch' : 'settings.compareMismatch')}
        </Alert>
      )}
    </Paper>
  );
}

// What the start-up check of the records found: progress while it runs (quietly), and a
// persistent warning naming the broken record when the chain does not verify.
import { Alert, LinearProgress, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useIntegrityStore } from '../../app/stores/integrityStore';

export function IntegrityBanner() {
  const { t } = useTranslation('app');
  const { running, checked, total, report, error } = useIntegrityStore();
  if (running && total > 0) {
    return (
      <Typography
        variant="body2"
        color="text.secondary"
        sx={{ mb: 1 }}
        data-testid="integrity-banner-progress"
        aria-live="polite"
      >
        {t('integrity.running', { checked, total })}
        <LinearProgress variant="determinate" value={(checked / total) * 100} sx={{ mt: 0.5 }} />
      </Typography>
    );
  }
  if (error) {
    return (
      <Alert severity="warning" sx={{ mb: 2 }}>
        {t('integrity.failedToRun', { message: error })}
      </Alert>
    );
  }
  if (report && !report.ok && report.broken) {
    return (
      <Alert severity="error" sx={{ mb: 2 }} data-testid="integrity-banner" role="alert">
        {t('integrity.broken', {
          eventId: report.broken.eventId,
          stream: report.broken.streamId || '—',
        })}
      </Alert>
    );
  }
  return null;
}

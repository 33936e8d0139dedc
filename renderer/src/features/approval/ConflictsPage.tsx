// 同步冲突: the events the fold parked or merged when stations' work met in the hall, for the
// owner of the case's current step, section chiefs and the writer. Open entries first, each with
// what happened and a way to resolve it; resolved ones below, with who resolved them and how.
import { Alert, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ConflictCard } from './ConflictCard';
import { useConflictQueue } from './useConflicts';

export function ConflictsPage() {
  const { t } = useTranslation('approval');
  const q = useConflictQueue();
  const heading = (
    <Typography variant="h2" component="h1" data-testid="conflicts-title">
      {t('conflicts.title')}
    </Typography>
  );
  if (q === undefined)
    return (
      <Stack spacing={2}>
        {heading}
        <Typography>{t('loading')}</Typography>
      </Stack>
    );
  if (!q.ok)
    return (
      <Stack spacing={2}>
        {heading}
        <Alert severity="error">{t('conflicts.forbidden')}</Alert>
      </Stack>
    );
  return (
    <Stack spacing={2} sx={{ maxWidth: 1200 }} data-testid="conflicts-page">
      {heading}
      <Typography color="text.secondary">{t('conflicts.intro')}</Typography>
      <Typography variant="h3" component="h2" data-testid="conflicts-open-count">
        {t('conflicts.open', { count: q.open.length })}
      </Typography>
      {q.open.length === 0 ? (
        <Typography data-testid="conflicts-empty">{t('conflicts.empty')}</Typography>
      ) : (
        q.open.map((e) => <ConflictCard key={e.event.id} entry={e} />)
      )}
      {q.resolved.length > 0 && (
        <>
          <Typography variant="h3" component="h2">
            {t('conflicts.resolvedTitle', { count: q.resolved.length })}
          </Typography>
          {q.resolved.map((e) => (
            <ConflictCard key={e.event.id} entry={e} />
          ))}
        </>
      )}
    </Stack>
  );
}

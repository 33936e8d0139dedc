// Beside the opinion box: the deadlines as of today (a running suspension moves them day by day,
// an ended one by exactly its working days) and the opinions and returns recorded so far.
import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../domain';
import { LightChip } from '../shared/LightChip';
import { EstimateMark } from '../calendar/EstimateMark';
import type { StepDeadline } from './inboxModel';

export function StepDeadlines({
  state,
  deadline,
  today,
}: {
  state: CaseState;
  deadline: StepDeadline;
  today: string;
}) {
  const { t } = useTranslation('approval');
  const running = state.suspensions.find((s) => s.to === null);
  const live = state.status !== 'suspended' && !state.decision;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="step-deadlines">
      <Typography variant="h2" sx={{ fontSize: '1.3rem', mb: 1 }}>
        {t('deadline.title')}
      </Typography>
      {deadline.kind === 'due' && (
        <Stack spacing={1}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography color="text.secondary">{t('deadline.promised')}</Typography>
            <Typography data-testid="due-promised" sx={{ fontWeight: 600 }}>
              {deadline.promisedDueOn}
            </Typography>
            {live ? (
              <LightChip dueOn={deadline.promisedDueOn} today={today} />
            ) : (
              <EstimateMark years={deadline.estimated.promised} />
            )}
          </Box>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography color="text.secondary">{t('deadline.legal')}</Typography>
            <Typography data-testid="due-legal" sx={{ fontWeight: 600 }}>
              {deadline.legalDueOn}
            </Typography>
            {live ? (
              <LightChip dueOn={deadline.legalDueOn} today={today} />
            ) : (
              <EstimateMark years={deadline.estimated.legal} />
            )}
          </Box>
          {running && (
            <Alert severity="info" data-testid="suspension-running">
              {t('deadline.running', { from: running.from })}
            </Alert>
          )}
          {deadline.suspendedDays > 0 && (
            <Typography data-testid="suspended-days">
              {t('deadline.suspendedDays', { count: deadline.suspendedDays })}
            </Typography>
          )}
        </Stack>
      )}
    </Paper>
  );
}

export function StepHistory({ state }: { state: CaseState }) {
  const { t } = useTranslation(['approval', 'domain']);
  if (state.opinions.length === 0 && state.returns.length === 0) return null;
  const step = (s: string) => t(`status.${s}`, { ns: 'domain' });
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="step-history">
      <Typography variant="h2" sx={{ fontSize: '1.3rem', mb: 1 }}>
        {t('opinion.history')}
      </Typography>
      {state.opinions.length > 0 && (
        <Stack component="ol" spacing={0.75} sx={{ m: 0, pl: 3 }}>
          {state.opinions.map((o, i) => (
            <li key={i}>
              {t('opinion.line', {
                on: o.on,
                step: step(o.step),
                by: o.by.name,
                opinion: o.opinion,
              })}
            </li>
          ))}
        </Stack>
      )}
      {state.returns.length > 0 && (
        <>
          <Typography variant="h3" sx={{ fontSize: '1.1rem', mt: 1.5, mb: 0.5 }}>
            {t('opinion.returns')}
          </Typography>
          <Stack component="ol" spacing={0.75} sx={{ m: 0, pl: 3 }}>
            {state.returns.map((r, i) => (
              <li key={i} data-testid="return-line">
                {t('opinion.returnLine', {
                  on: r.on,
                  by: r.by.name,
                  from: step(r.from),
                  to: step(r.to),
                  reason: r.reason,
                })}
              </li>
            ))}
          </Stack>
        </>
      )}
    </Paper>
  );
}

// The step screen (#/approval/case/<id>): the case's facts and received materials beside the
// opinion box and its actions, with the deadlines as of today (a suspension moves them). The
// version the screen loaded is kept: a colleague's change in between is shown, and a command sent
// on the old version is refused as stale rather than applied blindly.
import { useState } from 'react';
import { Alert, Box, Button, Chip, Stack, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useCalendar } from '../shared/useCalendar';
import { appDb } from '../../data/stationDb';
import { useRouteStore } from '../../app/stores/routeStore';
import { useSessionStore } from '../../app/stores/sessionStore';
import { isApprovalStep, type CaseState } from '../../domain';
import { CaseFacts } from '../cases/CaseFacts';
import { CaseMaterials } from '../cases/CaseMaterials';
import { LightChip } from '../shared/LightChip';
import { isEnglish } from '../cases/caseFormat';
import { useToday } from '../shared/useToday';
import { PrintDialog } from '../printing/PrintDialog';
import { OpinionPanel } from './OpinionPanel';
import { StepDeadlines, StepHistory } from './StepSide';
import { isApprover, STEP_OF_ROLE, stepDeadline } from './inboxModel';
import { useStepAction } from './useStepAction';

export function StepPage({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation(['approval', 'domain']);
  const calendar = useCalendar();
  const db = appDb();
  const today = useToday();
  const go = useRouteStore((s) => s.go);
  const user = useSessionStore((s) => s.user);
  const row = useLiveQuery(async () => (await db.cases.get(caseId)) ?? null, [db, caseId]);
  const [loaded, setLoaded] = useState<number | null>(null);
  // The first version seen is the one the approver reads and acts on.
  if (row && loaded === null) setLoaded(row.version);
  const action = useStepAction(row?.caseNo ?? '', loaded, (s) => setLoaded(s.version));

  const back = (
    <Button
      startIcon={<ArrowBackIcon />}
      onClick={() => go('approval')}
      data-testid="back-to-inbox"
    >
      {t('step.back')}
    </Button>
  );
  if (row === undefined || !user) return <Typography>{t('loading')}</Typography>;
  if (row === null)
    return (
      <Stack spacing={2} sx={{ maxWidth: 900 }}>
        {back}
        <Alert severity="warning" data-testid="step-not-found">
          {t('step.notFound', { id: caseId })}
        </Alert>
      </Stack>
    );

  const state = row.state as CaseState;
  const status = t(`status.${state.status}`, { ns: 'domain' });
  const role = user.role;
  const mine =
    isApprover(role) &&
    (state.status === STEP_OF_ROLE[role] ||
      (state.status === 'suspended' && state.suspendedFrom === STEP_OF_ROLE[role]));
  const open = isApprovalStep(state.status) || state.status === 'suspended';
  const deadline = stepDeadline(state, today, calendar);
  const changed = loaded !== null && row.version !== loaded;

  return (
    <Stack spacing={2} sx={{ maxWidth: 1500 }} data-testid="step-page">
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        {back}
        <Button variant="outlined" onClick={() => go('cases', 'case', caseId)}>
          {t('step.toCase')}
        </Button>
      </Box>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h1" sx={{ fontFamily: 'monospace' }} data-testid="step-case-no">
          {row.caseNo}
        </Typography>
        <Chip
          color="primary"
          label={status}
          data-testid="step-status"
          sx={{ fontSize: '1.05rem' }}
        />
        {open && deadline.kind === 'due' && state.status !== 'suspended' && (
          <LightChip dueOn={deadline.promisedDueOn} today={today} />
        )}
        {state.greenChannel && <Chip color="success" label={t('list.greenChannel')} />}
      </Box>
      <Typography sx={{ fontSize: '1.2rem' }}>
        {row.applicantName} · {row.projectName} ·{' '}
        {isEnglish(i18n.language) ? state.matter.nameEn : state.matter.name}
      </Typography>
      {!isApprover(role) && (
        <Alert severity="warning" data-testid="step-role-warning">
          {t('step.notApprover', { role: t(`role.${role}`, { ns: 'domain' }) })}
        </Alert>
      )}
      {isApprover(role) && open && !mine && (
        <Alert severity="info" data-testid="step-not-yours">
          {t('step.notYourStep', { status })}
        </Alert>
      )}
      {!open && (
        <Alert severity="info" data-testid="step-closed">
          {t('step.closed', { status })}
        </Alert>
      )}
      {changed && (
        <Alert
          severity="warning"
          data-testid="step-changed"
          action={
            <Button
              color="inherit"
              onClick={() => setLoaded(row.version)}
              data-testid="step-refresh"
            >
              {t('step.refresh')}
            </Button>
          }
        >
          {t('step.changed', { version: row.version })}
        </Alert>
      )}
      <Box
        sx={{
          display: 'grid',
          // Side by side from a 1366 px counter screen up: facts left, the opinion box right.
          gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1.2fr) minmax(0, 1fr)' },
          gap: 2,
          alignItems: 'start',
        }}
      >
        <Stack
          spacing={2}
          // The case page lays facts out for the full width; in this half column long labels
          // (the matter's questions) would squeeze the values to a few characters per line.
          sx={{ minWidth: 0, '& dl': { gridTemplateColumns: 'minmax(7rem, 45%) minmax(0, 1fr)' } }}
        >
          <CaseFacts state={state} />
          <CaseMaterials state={state} />
        </Stack>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          {open && <OpinionPanel state={state} role={role} action={action} />}
          <StepDeadlines state={state} deadline={deadline} today={today} />
          <StepHistory state={state} />
        </Stack>
      </Box>
      {/* Outside the opinion panel: after a denial the case is closed and the panel goes away. */}
      {action.jobs.length > 0 && (
        <PrintDialog jobs={action.jobs} open onClose={() => action.printed()} />
      )}
    </Stack>
  );
}

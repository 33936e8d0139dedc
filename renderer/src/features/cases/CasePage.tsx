// The case page (#/cases/case/<id>): every fact of one case, its checklist, attachments,
// deadlines, the timeline of its events and every paper printed for it. Live: when a colleague
// acts on the case, the page follows.
import { Alert, Box, Button, Chip, Stack, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { appDb } from '../../data/stationDb';
import { printsOfCase } from '../../data/prints';
import { useRouteStore } from '../../app/stores/routeStore';
import type { CaseState } from '../../domain';
import { CaseAttachments } from './CaseAttachments';
import { CaseDeadlines } from './CaseDeadlines';
import { CaseFacts } from './CaseFacts';
import { CaseMaterials } from './CaseMaterials';
import { CasePapers } from './CasePapers';
import { CaseTimeline, caseStreams } from './CaseTimeline';
import { hallOrder } from '../../data/sync/order';
import { LightChip } from '../shared/LightChip';
import { PersonalReveal, usePersonalReveal } from './PersonalReveal';
import { personalFieldsOf } from '../../data/personalData';
import { matterName } from './caseFormat';
import { useToday } from '../shared/useToday';
import { CaseRatings } from '../rating/CaseRatings';
import { followUpsOfCase } from '../../data/followUps';

export function CasePage({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation(['cases', 'domain']);
  const db = appDb();
  const today = useToday();
  const go = useRouteStore((s) => s.go);
  const { revealed, setRevealed } = usePersonalReveal(caseId);
  const row = useLiveQuery(async () => (await db.cases.get(caseId)) ?? null, [db, caseId]);
  const events = useLiveQuery(
    async () =>
      // In the hall order (what took effect first comes first), not by each station's clock:
      // a stale action parked by the fold is listed after the one that won.
      (await db.events.where('streamId').anyOf(caseStreams(caseId)).toArray()).sort(hallOrder),
    [db, caseId],
  );
  const prints = useLiveQuery(() => printsOfCase(db, caseId), [db, caseId]);
  const followUps = useLiveQuery(() => followUpsOfCase(db, caseId), [db, caseId]);
  const attachments = useLiveQuery(
    async () =>
      (await db.files.where('caseId').equals(caseId).toArray()).filter(
        (f) => f.kind === 'attachment',
      ),
    [db, caseId],
  );

  const back = (
    <Button startIcon={<ArrowBackIcon />} onClick={() => go('cases')} data-testid="back-to-desk">
      {t('case.back')}
    </Button>
  );
  if (row === undefined) return <Typography>{t('common.loading')}</Typography>;
  if (row === null)
    return (
      <Stack spacing={2} sx={{ maxWidth: 900 }}>
        {back}
        <Alert severity="warning" data-testid="case-not-found">
          {t('case.notFound', { id: caseId })}
        </Alert>
      </Stack>
    );

  const state = row.state as CaseState;
  return (
    <Stack spacing={2} sx={{ maxWidth: 1500 }} data-testid="case-page">
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        {back}
        {row.projectId && (
          <Button
            startIcon={<AccountTreeIcon />}
            variant="outlined"
            onClick={() => go('cases', 'project', row.projectId!)}
            data-testid="to-project"
          >
            {t('case.toProject')}
          </Button>
        )}
      </Box>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h1" data-testid="case-no" sx={{ fontFamily: 'monospace' }}>
          {row.caseNo}
        </Typography>
        <Chip
          color="primary"
          label={t(`status.${row.status}`, { ns: 'domain' })}
          data-testid="case-status"
          sx={{ fontSize: '1.05rem' }}
        />
        <LightChip dueOn={row.dueDate} today={today} />
        {state.greenChannel && <Chip color="success" label={t('fact.greenChannel')} />}
        {row.formerNumbers?.length ? (
          // Renumbered when its station was re-coded: papers handed out carry the former number.
          <Typography color="text.secondary" data-testid="case-former">
            {t('col.formerNumber', { numbers: row.formerNumbers.join('、') })}
          </Typography>
        ) : null}
      </Box>
      <Typography sx={{ fontSize: '1.2rem' }}>
        {row.applicantName} · {row.projectName} · {matterName(row, i18n.language)}
      </Typography>
      <Box
        sx={{
          display: 'grid',
          // Two columns only on wide screens: at a 1366 px counter screen tables need the full width.
          gridTemplateColumns: { xs: '1fr', xl: '1fr 1fr' },
          gap: 2,
          alignItems: 'start',
        }}
      >
        <Stack spacing={2}>
          <CaseFacts
            state={state}
            revealed={revealed}
            revealControl={
              // Nothing personal on the case (an enterprise without phones): nothing to reveal.
              personalFieldsOf(state).length > 0 && (
                <PersonalReveal caseId={caseId} revealed={revealed} onChange={setRevealed} />
              )
            }
          />
        </Stack>
        <Stack spacing={2}>
          <CaseDeadlines row={row} today={today} />
          <CaseMaterials state={state} />
          <CaseAttachments rows={attachments ?? []} />
          <CaseRatings state={state} version={row.version} followUps={followUps ?? []} />
        </Stack>
      </Box>
      <CaseTimeline
        events={events ?? []}
        parked={new Set((state.parked ?? []).map((p) => p.eventId))}
      />
      <CasePapers prints={prints ?? []} />
    </Stack>
  );
}

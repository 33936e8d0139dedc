// The project page (#/cases/project/<id>, 全程跟踪): the project's facts and every case of it,
// stage by stage through the four stages of the approval reform.
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { appDb } from '../../data/stationDb';
import { projectCases } from '../../data/queries';
import type { CaseRow } from '../../data/db';
import { useRouteStore } from '../../app/stores/routeStore';
import { defaultCatalogue, STAGE_IDS, type StageId } from '../../domain';
import { Facts } from '../shared/Section';
import { LightChip } from '../shared/LightChip';
import { isEnglish, matterName, stateOf } from './caseFormat';
import { useToday } from '../shared/useToday';

export function stageOf(row: CaseRow): StageId | undefined {
  return stateOf(row).matter?.stage;
}

export function ProjectPage({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation(['cases', 'domain']);
  const en = isEnglish(i18n.language);
  const db = appDb();
  const today = useToday();
  const go = useRouteStore((s) => s.go);
  const project = useLiveQuery(
    async () => (await db.projects.get(projectId)) ?? null,
    [db, projectId],
  );
  const cases = useLiveQuery(() => projectCases(db, projectId), [db, projectId]);

  const back = (
    <Button
      startIcon={<ArrowBackIcon />}
      onClick={() => go('cases')}
      sx={{ alignSelf: 'flex-start' }}
    >
      {t('case.back')}
    </Button>
  );
  if (project === undefined || cases === undefined)
    return <Typography>{t('common.loading')}</Typography>;
  if (project === null && cases.length === 0)
    return (
      <Stack spacing={2} sx={{ maxWidth: 900 }}>
        {back}
        <Alert severity="warning" data-testid="project-not-found">
          {t('project.notFound')}
        </Alert>
      </Stack>
    );

  const data = (project?.data ?? {}) as { location?: string };
  const name = project?.name ?? cases[0]?.projectName ?? '';
  const applicants = [...new Set(cases.map((c) => c.applicantName))].join('；');

  return (
    <Stack spacing={2} sx={{ maxWidth: 1500 }} data-testid="project-page">
      {back}
      <Typography variant="h1">{t('project.title', { name })}</Typography>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Facts
          facts={[
            [t('fact.project'), name],
            [t('fact.projectCode'), project?.code || t('project.noCode')],
            [t('project.location'), data.location],
            [t('project.applicants'), applicants],
            [t('project.caseCount'), String(cases.length)],
          ]}
        />
      </Paper>
      <Box
        sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(14rem, 1fr))', gap: 1.5 }}
        role="list"
        aria-label={t('project.stages')}
      >
        {STAGE_IDS.map((stage, i) => {
          const info = defaultCatalogue.stages.find((s) => s.id === stage);
          const inStage = cases.filter((c) => stageOf(c) === stage);
          return (
            <Paper
              key={stage}
              role="listitem"
              variant="outlined"
              data-testid={`stage-${stage}`}
              sx={{
                p: 1.5,
                borderTop: 5,
                borderTopColor: inStage.length ? 'primary.main' : 'divider',
              }}
            >
              <Typography variant="h2" sx={{ fontSize: '1.15rem', mb: 1 }}>
                {i + 1}. {info ? (en ? info.nameEn : info.name) : stage}
              </Typography>
              {inStage.length === 0 && (
                <Typography color="text.secondary">{t('project.noCases')}</Typography>
              )}
              <Stack spacing={1}>
                {inStage.map((c) => (
                  <Button
                    key={c.id}
                    variant="outlined"
                    onClick={() => go('cases', 'case', c.id)}
                    data-testid={`project-case-${c.caseNo}`}
                    sx={{ display: 'block', textAlign: 'left', fontWeight: 400 }}
                  >
                    <Typography sx={{ fontFamily: 'monospace', fontWeight: 700 }}>
                      {c.caseNo}
                    </Typography>
                    <Typography>{matterName(c, i18n.language)}</Typography>
                    <Typography color="text.secondary">
                      {t(`status.${c.status}`, { ns: 'domain' })} · {c.receivedDate}
                    </Typography>
                    <LightChip dueOn={c.dueDate} today={today} />
                  </Button>
                ))}
              </Stack>
            </Paper>
          );
        })}
      </Box>
    </Stack>
  );
}

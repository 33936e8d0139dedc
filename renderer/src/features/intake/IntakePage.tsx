// 受理: the applicant, the project, the matter, the checklist, the scans, and the decision —
// each decision records the case and prints its papers at once. Everything typed lives in the
// draft (localStorage) until a decision is recorded.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { toLocalDate, type CaseState } from '../../domain';
import { appDb } from '../../data/stationDb';
import { useRouteStore } from '../../app/stores/routeStore';
import { PrintDialog } from '../printing/PrintDialog';
import { ApplicantSection } from './ApplicantSection';
import { AttachmentsSection } from './AttachmentsSection';
import { DecisionPanel } from './DecisionPanel';
import { isDraftTouched, useDraftStore } from './draft';
import { MaterialsChecklist } from './MaterialsChecklist';
import {
  FormFieldsSection,
  MatterSection,
  ProjectSection,
  QuestionsSection,
} from './MatterSection';
import { problemsOf } from './model';
import { draftFromCase, draftFromCounselling } from './prefill';
import { SupplementIn } from './SupplementIn';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import type { Outcome } from './useDecision';
import { papersOfRecordedCase } from './papers';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper component="section" aria-label={title} sx={{ p: 3 }}>
      <Typography variant="h3" component="h2" gutterBottom>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

export function IntakePage() {
  const { t, i18n } = useTranslation('intake');
  const params = useRouteStore((s) => s.route.params);
  const go = useRouteStore((s) => s.go);
  const draft = useDraftStore((s) => s.draft);
  const replace = useDraftStore((s) => s.replace);
  const today = toLocalDate(new Date());
  const problems = useMemo(() => problemsOf(draft, today), [draft, today]);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<CaseState | null>(null);
  const [done, setDone] = useState<Extract<Outcome, { ok: true }> | null>(null);
  const [printOpen, setPrintOpen] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);

  // The decision is made and its papers are dealt with: the form below is empty again, so what
  // is true now — the success message with the case number — is brought into view and focused.
  useEffect(() => {
    if (!done || printOpen) return;
    topRef.current?.scrollIntoView({ block: 'start' });
    doneRef.current?.focus({ preventScroll: true });
  }, [done, printOpen]);
  const [confirmNew, setConfirmNew] = useState(false);
  const startNew = () => {
    useDraftStore.getState().clear();
    setDone(null);
    setNotice(null);
  };

  // Arriving from counselling or from a case: build the draft once, then drop the route
  // parameters so a reload keeps the draft instead of rebuilding it.
  useEffect(() => {
    const [kind, id] = params;
    if (!id) return;
    const db = appDb();
    if (kind === 'from') {
      void db.counselling.get(id).then((row) => {
        if (!row) return;
        const data = row.data as Parameters<typeof draftFromCounselling>[0] & {
          clerk?: { name: string };
        };
        const current = useDraftStore.getState().draft;
        if (!isDraftTouched(current) || current.counsellingId === id)
          replace(draftFromCounselling(data));
        setNotice(t('fromCounselling', { date: row.createdAt, name: data.applicantName ?? '' }));
        go('intake');
      });
    } else if (kind === 'case') {
      void db.cases.get(id).then((row) => {
        const state = row?.state as CaseState | undefined;
        if (!state) return setNotice(t('supplementIn.notFound'));
        if (state.status === 'supplementRequested') setPending(state);
        else if (state.status === 'intakePending') replace(draftFromCase(state));
        else
          setNotice(t('supplementIn.notPending', { caseNo: state.caseNo, status: state.status }));
        go('intake');
      });
    }
  }, [params, go, replace, t]);

  const onDecided = (o: Extract<Outcome, { ok: true }>) => {
    // "已按辅导记录预填" belonged to the draft that has just become a case.
    setNotice(null);
    setDone(o);
    if (o.jobs.length > 0) setPrintOpen(true);
  };

  return (
    // The scroll margin keeps the page's title clear of the app bar when scrolled to.
    <Box ref={topRef} sx={{ maxWidth: 1400, scrollMarginTop: 96 }}>
      <Stack direction="row" alignItems="baseline" spacing={2} sx={{ mb: 2 }}>
        <Typography variant="h2" component="h1">
          {t('title')}
        </Typography>
        {draft.renewing && (
          <Typography color="secondary">
            {t('renewing', { caseNo: draft.renewing.caseNo })}
          </Typography>
        )}
        <Typography color="text.secondary" sx={{ flexGrow: 1 }} data-testid="draft-saved">
          {isDraftTouched(draft) &&
            t('draftSaved', {
              time: new Date(draft.updatedAt).toLocaleTimeString(i18n.language, {
                timeZone: 'Asia/Shanghai',
                hour12: false,
              }),
            })}
        </Typography>
        <Button
          variant="outlined"
          onClick={() => (isDraftTouched(draft) ? setConfirmNew(true) : startNew())}
          data-testid="intake-new"
        >
          {t('new')}
        </Button>
      </Stack>
      <ConfirmDialog
        open={confirmNew}
        title={t('newConfirmTitle')}
        body={t('newConfirm')}
        confirmLabel={t('newConfirmOk')}
        cancelLabel={t('newConfirmCancel')}
        onConfirm={() => {
          setConfirmNew(false);
          startNew();
        }}
        onCancel={() => setConfirmNew(false)}
        testId="intake-new-dialog"
      />
      {notice && (
        <Alert severity="info" onClose={() => setNotice(null)} sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      {pending && (
        <Box sx={{ mb: 2 }}>
          <SupplementIn
            state={pending}
            onDone={(s) => {
              if (s.status === 'intakePending') {
                setPending(null);
                replace(draftFromCase(s));
                setNotice(t('supplementIn.allIn'));
              } else setPending(s);
            }}
          />
        </Box>
      )}
      {done && (
        <Alert
          ref={doneRef}
          tabIndex={-1}
          severity="success"
          role="status"
          sx={{ mb: 2 }}
          data-testid="intake-done"
          action={
            <Stack direction="row" spacing={1}>
              {done.jobs.length > 0 && (
                <Button color="inherit" onClick={() => setPrintOpen(true)}>
                  {t('decision.papers')}
                </Button>
              )}
              <Button color="inherit" onClick={() => go('cases', 'case', done.caseId)}>
                {t('decision.openCase')}
              </Button>
            </Stack>
          }
        >
          {t(`decision.done.${done.kind}`, { caseNo: done.caseNo })}
          {done.ratingWindow && (
            <span data-testid="intake-rating-requested">
              {' '}
              {t('rating:section.requested', { window: done.ratingWindow })}
            </span>
          )}
        </Alert>
      )}
      {done?.paperError && (
        <Alert
          severity="error"
          sx={{ mb: 2 }}
          data-testid="intake-papers-failed"
          action={
            <Button
              color="inherit"
              onClick={async () => {
                // The papers come from the recorded case and numbers: preparing them again
                // writes nothing and allocates nothing.
                try {
                  const jobs = await papersOfRecordedCase(done.caseId, (k) => t(k));
                  setDone({ ...done, jobs, paperError: undefined });
                  if (jobs.length > 0) setPrintOpen(true);
                } catch (e) {
                  const message = e instanceof Error ? e.message : String(e);
                  setDone({ ...done, paperError: t('decision.papersFailed', { message }) });
                }
              }}
            >
              {t('decision.papersRetry')}
            </Button>
          }
        >
          {done.paperError}
        </Alert>
      )}
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'minmax(0, 1fr) 272px',
          gap: 3,
          alignItems: 'start',
        }}
      >
        <Stack spacing={3}>
          <Section title={t('section.applicant')}>
            <ApplicantSection problems={problems} today={today} />
          </Section>
          <Section title={t('section.project')}>
            <ProjectSection problems={problems} />
          </Section>
          <Section title={t('section.matter')}>
            <MatterSection problems={problems} />
            <Box sx={{ mt: 2 }}>
              <QuestionsSection problems={problems} />
            </Box>
          </Section>
          <Section title={t('section.materials')}>
            <MaterialsChecklist />
          </Section>
          <Section title={t('section.fields')}>
            <FormFieldsSection problems={problems} />
          </Section>
          <Section title={t('section.attachments')}>
            <AttachmentsSection />
          </Section>
        </Stack>
        <Box sx={{ position: 'sticky', top: 88 }}>
          <DecisionPanel problems={problems} today={today} onDecided={onDecided} />
        </Box>
      </Box>
      {done && printOpen && (
        <PrintDialog jobs={done.jobs} open={printOpen} onClose={() => setPrintOpen(false)} />
      )}
    </Box>
  );
}

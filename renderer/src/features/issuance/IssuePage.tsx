// One case at the issuance desk: the certificate form (issue or reissue), the issued
// certificate with print and void, delivery with the 送达回证, and the service rating.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, Box, Button, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { useTranslation } from 'react-i18next';
import type { CaseState, Command } from '../../domain';
import { appDb } from '../../data/stationDb';
import { getStation } from '../../data/station';
import { NO_DUE_DATE } from '../../data/projection';
import { followUpsOfCase } from '../../data/followUps';
import { useRouteStore } from '../../app/stores/routeStore';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { useRefusalText } from '../shared/useCommand';
import { PrintDialog } from '../printing/PrintDialog';
import { Facts, Section } from '../shared/Section';
import { LightChip } from '../shared/LightChip';
import { useToday } from '../shared/useToday';
import { CertificateForm, type IssueRequest } from './CertificateForm';
import { CertificateSection } from './CertificateSection';
import { DeliveryForm } from './DeliveryForm';
import { CaseRatings } from '../rating/CaseRatings';
import { certificateTypeOf, loadValues, prefillValues, printKindOfCase } from './certificateData';
import { PrintModeChoice } from './PrintModeChoice';
import { useCertificatePrint, type CertificateJobs } from './useCertificatePrint';
import { usePrintMode } from './usePrintMode';
import { useHallNumbersOffline, useIssueCommand } from './useIssueCommand';
import type { Notice } from './notice';

export function IssuePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation(['issuance', 'domain']);
  const go = useRouteStore((s) => s.go);
  const today = useToday();
  const language = useSettingsStore((s) => s.settings.language);
  const issueCommand = useIssueCommand();
  const hallOffline = useHallNumbersOffline();
  const refusalText = useRefusalText();
  const row = useLiveQuery(async () => (await appDb().cases.get(caseId)) ?? null, [caseId]);
  const station = useLiveQuery(() => getStation(appDb()), []);
  const followUps = useLiveQuery(() => followUpsOfCase(appDb(), caseId), [caseId]);
  const [jobs, setJobs] = useState<CertificateJobs | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  // The number just issued while its print dialog is open: the notice then says what happened.
  const [printingIssued, setPrintingIssued] = useState<string | null>(null);
  const printKind = printKindOfCase((row?.state ?? null) as CaseState | null);
  const printMode = usePrintMode(printKind);
  const certificatePrint = useCertificatePrint(station, printMode.mode, setJobs, (n) => {
    // Refused before any dialog opened (e.g. 套打 not ready): that message is what stands.
    setPrintingIssued(null);
    setNotice(n);
  });

  if (row === undefined || station === undefined) return null;
  const back = (
    <Button
      startIcon={<ArrowBackIcon />}
      onClick={() => go('issuance')}
      data-testid="issuance-back"
    >
      {t('page.back')}
    </Button>
  );
  if (row === null || station === null)
    return (
      <Box sx={{ display: 'grid', gap: 2 }}>
        {back}
        <Alert severity="warning">{t('page.notFound')}</Alert>
      </Box>
    );
  const state = row.state as CaseState;
  const type = certificateTypeOf(state);

  const modeChoice = (
    <PrintModeChoice
      kind={printKind}
      mode={printMode.mode}
      readiness={printMode.readiness}
      onChange={printMode.choose}
      rememberFailed={printMode.rememberFailed}
    />
  );

  const issue = async (req: IssueRequest) => {
    setBusy(true);
    setNotice(null);
    const command: Command =
      state.status === 'approved'
        ? {
            type: 'certificateIssued',
            caseId,
            number: req.number,
            external: req.external,
            values: req.values,
          }
        : {
            type: 'certificateReissued',
            caseId,
            number: req.number,
            external: req.external,
            values: req.values,
          };
    const r = await issueCommand(command, row.version);
    setBusy(false);
    if (!r.ok || !r.state?.certificate) {
      if (!r.ok) setNotice({ severity: 'error', text: refusalText(r.refusal) });
      return;
    }
    const number = r.state.certificate.number;
    setNotice({ severity: 'success', text: t('page.issued', { number }) });
    setPrintingIssued(number);
    await certificatePrint.print(r.state, req.values);
  };

  const dueShown = row.dueDate !== NO_DUE_DATE && state.status !== 'delivered';
  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 1100 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        {back}
        <Typography variant="h1" sx={{ fontSize: '1.6rem' }}>
          {t('page.title', { caseNo: state.caseNo })}
        </Typography>
      </Box>
      {notice && (
        <Alert
          severity={notice.severity}
          role={notice.severity === 'error' ? 'alert' : 'status'}
          data-testid="issuance-notice"
        >
          {notice.text}
        </Alert>
      )}
      <Section id="issuance-case" title={t('page.caseSection')}>
        <Facts
          testId="issuance-facts"
          facts={[
            [t('page.applicant'), state.intake.applicant.name],
            [t('page.project'), state.intake.projectName],
            [t('page.matter'), language === 'en' ? state.matter.nameEn : state.matter.name],
            [t('page.status'), t(`status.${state.status}`, { ns: 'domain' })],
            [t('page.decidedOn'), state.decision?.on ?? ''],
            [
              t('page.issuanceDue'),
              dueShown ? (
                <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center' }}>
                  <span data-testid="issuance-due">{row.dueDate}</span>
                  <LightChip dueOn={row.dueDate} today={today} />
                </Box>
              ) : (
                ''
              ),
            ],
          ]}
        />
        {dueShown && (
          <Typography color="text.secondary" sx={{ mt: 1 }}>
            {t('page.art44')}
          </Typography>
        )}
      </Section>

      {state.status === 'approved' && type && (
        <Section id="issuance-issue" title={t('form.issueTitle')}>
          <CertificateForm
            state={state}
            type={type}
            initial={prefillValues(state)}
            printChoice={modeChoice}
            submitLabel={t('form.issue')}
            busy={busy}
            allocateBlocked={hallOffline ? t('form.allocateOffline') : null}
            onSubmit={(r) => void issue(r)}
          />
        </Section>
      )}
      {state.status === 'certificateVoided' && type && (
        <Section id="issuance-reissue" title={t('form.reissueTitle')}>
          <CertificateForm
            state={state}
            type={type}
            initial={
              state.voidedCertificates.at(-1)?.values ?? loadValues(caseId) ?? prefillValues(state)
            }
            printChoice={modeChoice}
            submitLabel={t('form.reissue')}
            busy={busy}
            allocateBlocked={hallOffline ? t('form.allocateOffline') : null}
            onSubmit={(r) => void issue(r)}
          />
        </Section>
      )}
      {(state.certificate || state.voidedCertificates.length > 0) && (
        <CertificateSection
          state={state}
          version={row.version}
          onNotice={setNotice}
          printChoice={modeChoice}
          onPrintAgain={() =>
            // What was issued: the record (or, for early certificates, this browser's copy).
            void certificatePrint.reprint(state, state.certificate?.values ?? loadValues(caseId))
          }
        />
      )}
      {(state.status === 'issued' || (state.status === 'approved' && !type)) && (
        <Section id="issuance-delivery" title={t('delivery.title')}>
          <DeliveryForm
            state={state}
            version={row.version}
            station={station}
            onNotice={setNotice}
            onPrint={(j) => setJobs({ jobs: [j] })}
          />
        </Section>
      )}
      {(state.status === 'delivered' || state.ratings.length > 0) && (
        // Read-only: the applicant rates on the window's rating device (一次一评).
        <CaseRatings
          state={state}
          version={row.version}
          followUps={followUps ?? []}
          onNotice={setNotice}
        />
      )}
      {jobs && (
        <PrintDialog
          open
          jobs={jobs.jobs}
          reprintOf={jobs.reprintOf}
          onClose={(printed) => {
            setJobs(null);
            if (printingIssued === null) return;
            // "请打印证书" is no longer what is true once the dialog closes.
            setNotice({
              severity: printed ? 'success' : 'info',
              text: t(printed ? 'page.issuedPrinted' : 'page.issuedNotPrinted', {
                number: printingIssued,
              }),
            });
            setPrintingIssued(null);
          }}
        />
      )}
    </Box>
  );
}

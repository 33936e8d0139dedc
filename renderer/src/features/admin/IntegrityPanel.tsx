// 数据校验: verify the event log's hash chain now, with progress, and show the result — or the
// last stored result (verifyLog keeps it). A break names the record and its case, which
// dispatch keeps read-only until an administrator has dealt with it (restore a good backup).
// Below it, 从日志重建 (RebuildPanel.tsx): the read tables compared with the fold of the log.
import { useEffect, useState } from 'react';
import { Alert, Button, Divider, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../cases/caseFormat';
import type { OneWindowDb } from '../../data/db';
import { lastIntegrityReport, verifyLog, type IntegrityReport } from '../../data/integrity';
import { appDb } from '../../data/stationDb';
import { AdminOnly } from './AdminOnly';
import { RebuildPanel } from './RebuildPanel';

export type IntegrityView =
  | { kind: 'never' }
  | { kind: 'running'; checked: number; total: number; percent: number }
  | { kind: 'ok'; total: number; at: string }
  | { kind: 'broken'; eventId: string; caseId: string; reason: string; at: string }
  | { kind: 'brokenTail'; at: string }
  | { kind: 'failed' };

/** What the panel shows, from the last report and the run in progress (pure: tested alone). */
export function integrityView(
  report: IntegrityReport | null,
  progress: { checked: number; total: number } | null,
  failed = false,
): IntegrityView {
  if (progress) {
    const percent = progress.total === 0 ? 100 : (progress.checked / progress.total) * 100;
    return { kind: 'running', ...progress, percent: Math.min(100, Math.round(percent)) };
  }
  if (failed) return { kind: 'failed' };
  if (!report) return { kind: 'never' };
  if (report.ok) return { kind: 'ok', total: report.total, at: report.checkedAt };
  if (!report.broken || report.broken.reason === 'head_mismatch') {
    return { kind: 'brokenTail', at: report.checkedAt };
  }
  return {
    kind: 'broken',
    eventId: report.broken.eventId,
    // Streams are 'case:<id>', 'user:<id>', 'station': show the part a person recognises.
    caseId: report.broken.streamId.replace(/^[a-z]+:/, ''),
    reason: report.broken.reason,
    at: report.checkedAt,
  };
}

export function IntegrityPanel({ db: given }: { db?: OneWindowDb }) {
  const { t } = useTranslation('security');
  return (
    <Stack spacing={2} data-testid="integrity-panel">
      <Typography variant="h2" sx={{ fontSize: '1.4rem' }}>
        {t('integrity.title')}
      </Typography>
      <AdminOnly>
        <IntegrityAdmin db={given ?? appDb()} />
        <Divider />
        <RebuildPanel db={given ?? appDb()} />
      </AdminOnly>
    </Stack>
  );
}

/** The panel without its admin gate (for a screen that is already admin-only). */
export function IntegrityAdmin({ db }: { db: OneWindowDb }) {
  const { t, i18n } = useTranslation('security');
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [progress, setProgress] = useState<{ checked: number; total: number } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    lastIntegrityReport(db).then(
      (r) => live && setReport(r),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [db]);

  const verifyNow = async () => {
    setFailed(false);
    setProgress({ checked: 0, total: await db.events.count() });
    try {
      setReport(
        await verifyLog(db, new Date(), (checked, total) => setProgress({ checked, total })),
      );
    } catch {
      setFailed(true);
    } finally {
      setProgress(null);
    }
  };

  const view = integrityView(report, progress, failed);
  const time = (iso: string) => formatTime(iso, i18n.language);
  return (
    <Stack spacing={2}>
      <Typography color="text.secondary">{t('integrity.help')}</Typography>
      {view.kind === 'running' && (
        <Stack spacing={1} data-testid="integrity-progress">
          <LinearProgress variant="determinate" value={view.percent} />
          <Typography>
            {t('integrity.progress', { checked: view.checked, total: view.total })}
          </Typography>
        </Stack>
      )}
      {view.kind === 'never' && <Alert severity="info">{t('integrity.never')}</Alert>}
      {view.kind === 'ok' && (
        <Alert severity="success" data-testid="integrity-ok">
          {t('integrity.ok', { total: view.total, time: time(view.at) })}
        </Alert>
      )}
      {view.kind === 'broken' && (
        <Alert severity="error" data-testid="integrity-broken">
          {t('integrity.broken', {
            eventId: view.eventId,
            caseId: view.caseId,
            reason: t(`integrity.reason.${view.reason}`, { defaultValue: view.reason }),
            time: time(view.at),
          })}
        </Alert>
      )}
      {view.kind === 'brokenTail' && (
        <Alert severity="error" data-testid="integrity-broken">
          {t('integrity.brokenTail', { time: time(view.at) })}
        </Alert>
      )}
      {view.kind === 'failed' && <Alert severity="error">{t('integrity.failed')}</Alert>}
      <div>
        <Button
          variant="contained"
          onClick={() => void verifyNow()}
          disabled={view.kind === 'running'}
          data-testid="integrity-verify"
        >
          {t('integrity.verifyNow')}
        </Button>
      </div>
    </Stack>
  );
}

// The hall sync in the frame (issue 16 item 4), for everyone: a short status in the title bar —
// 已同步 08:41 · 同步中 · 离线 · 上次同步 07:55 · 12 条待上传 — and, in the page, a red alert
// saying what to do when the sync stopped (fork, refused schema, bad hash …) or a warning when
// this station's clock is more than two minutes off the server's. A station that is not
// enrolled shows nothing: alone, it is not "offline".
import { useEffect } from 'react';
import { Alert, AlertTitle, Box, Chip, Tooltip } from '@mui/material';
import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import SyncIcon from '@mui/icons-material/Sync';
import ErrorIcon from '@mui/icons-material/Error';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import PauseCircleIcon from '@mui/icons-material/PauseCircle';
import { useTranslation } from 'react-i18next';
import { MAX_CLOCK_SKEW_MS } from '../../../../server/protocol';
import { hallDateTime } from '../../domain';
import { useHallEnrolment, useSyncStatus, type SyncStatus } from '../shared/syncStatus';
import { catchUpPercent, SyncCatchUp } from './SyncCatchUp';

const ALERTS = new Set([
  'fork',
  'schema_too_new',
  'bad_hash',
  'quarantined',
  'bad_signature',
  'credentials_mismatch',
  'station_blocked',
  'station_retired',
  'certificate_mismatch',
  'foreign_chain',
  'protocol_unsupported',
  'hall_rewound',
]);

export const alertKey = (code: string) => (ALERTS.has(code) ? code : 'other');

/** Times in the frame are the hall's wall clock, like every time on a case and on paper. */
const clock = (iso: string) => hallDateTime(iso).slice(11);

const skewed = (s: SyncStatus | null) =>
  s !== null && s.clockSkewMs !== null && Math.abs(s.clockSkewMs) > MAX_CLOCK_SKEW_MS;

/** The words of the title-bar status, parts joined by " · ". */
export function useSyncStatusText() {
  const { t } = useTranslation('sync');
  return (s: SyncStatus): string => {
    const parts: string[] = [];
    if (s.phase === 'synced')
      parts.push(
        s.lastSyncAt ? t('status.synced', { time: clock(s.lastSyncAt) }) : t('status.syncing'),
      );
    else if (s.phase === 'syncing') parts.push(t('status.syncing'));
    else if (s.phase === 'held')
      parts.push(
        s.held?.withdrawn ? t('status.withdrawn') : t('status.held', { count: s.held?.open ?? 0 }),
      );
    else if (s.phase === 'offline' && s.restoring) parts.push(t('status.restoring'));
    else if (s.phase === 'offline') {
      parts.push(t('status.offline'));
      parts.push(
        s.lastSyncAt ? t('status.lastSync', { time: clock(s.lastSyncAt) }) : t('status.never'),
      );
    } else parts.push(t('status.alert'));
    if (s.catchUp && s.phase !== 'alert')
      parts.push(t('status.catchUpShort', { percent: catchUpPercent(s.catchUp) }));
    if (s.pending > 0) parts.push(t('status.pending', { count: s.pending }));
    return parts.join(t('status.separator'));
  };
}

/** In the title bar: nothing for a lone station, 未连接 with no engine, else the status. */
export function SyncStatusChip() {
  const { t } = useTranslation('sync');
  const { status: enrolment, refresh } = useHallEnrolment();
  const status = useSyncStatus();
  const text = useSyncStatusText();
  useEffect(() => {
    void refresh();
  }, [refresh]);
  if (!enrolment?.enrolled) return null;

  const common = {
    size: 'medium' as const,
    'data-testid': 'sync-status',
    sx: { mr: 1, fontSize: '0.95rem', fontWeight: 600 },
  };
  if (status === null) {
    return (
      <Tooltip title={t('status.notRunningHelp', { hall: enrolment.hallName ?? '—' })}>
        <Chip
          {...common}
          icon={<LinkOffIcon />}
          label={t('status.notRunning')}
          variant="outlined"
          aria-label={`${t('status.label')}: ${t('status.notRunning')}`}
          data-phase="none"
          sx={{
            ...common.sx,
            color: 'inherit',
            borderColor: 'currentColor',
            '& .MuiChip-icon': { color: 'inherit' },
          }}
        />
      </Tooltip>
    );
  }
  const label = text(status);
  const icon =
    status.phase === 'alert' ? (
      <ErrorIcon />
    ) : status.phase === 'offline' ? (
      <CloudOffIcon />
    ) : status.phase === 'syncing' ? (
      <SyncIcon />
    ) : status.phase === 'held' ? (
      <PauseCircleIcon />
    ) : (
      <CloudDoneIcon />
    );
  const alert = status.phase === 'alert';
  const chip = (
    <Chip
      {...common}
      icon={icon}
      label={skewed(status) ? `${label}${t('status.separator')}${t('status.clock')}` : label}
      variant={alert ? 'filled' : 'outlined'}
      color={alert ? 'error' : 'default'}
      role="status"
      aria-label={`${t('status.label')}: ${label}`}
      data-phase={status.phase}
      sx={
        alert
          ? common.sx
          : {
              ...common.sx,
              color: 'inherit',
              borderColor: 'currentColor',
              '& .MuiChip-icon': { color: 'inherit' },
            }
      }
    />
  );
  const help =
    status.phase === 'offline'
      ? t('status.offlineHelp')
      : status.phase === 'held'
        ? t(status.held?.withdrawn ? 'status.withdrawnHelp' : 'status.heldHelp')
        : null;
  return help ? <Tooltip title={help}>{chip}</Tooltip> : chip;
}

/** In the page, above the area: what to do when the sync stopped, or the clock is off. */
export function SyncBanner() {
  const { t } = useTranslation('sync');
  const enrolled = useHallEnrolment((s) => s.status?.enrolled ?? false);
  const status = useSyncStatus();
  if (!enrolled || status === null) return null;
  const minutes =
    status.clockSkewMs === null ? 0 : Math.round(Math.abs(status.clockSkewMs) / 60_000);
  return (
    <Box>
      {status.phase !== 'alert' && <SyncCatchUp status={status} />}
      {status.phase !== 'alert' && status.restoring && (
        <Alert severity="info" role="status" sx={{ mb: 2 }} data-testid="sync-restoring">
          <AlertTitle>{t('restore.title')}</AlertTitle>
          {t('restore.body', status.restoring)}
          <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
            {status.restoring.waitingFor.length > 0
              ? t('restore.waiting', {
                  stations: status.restoring.waitingFor.join(t('restore.listSeparator')),
                })
              : t('restore.waitingNone')}
          </Box>
        </Alert>
      )}
      {status.phase === 'alert' && status.alert && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }} data-testid="sync-alert">
          <AlertTitle>
            {t(`alert.title.${alertKey(status.alert.code)}`, { code: status.alert.code })}
          </AlertTitle>
          {t(`alert.todo.${alertKey(status.alert.code)}`)}
          {status.alert.detail && (
            <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
              {t('alert.detail', { detail: status.alert.detail })}
            </Box>
          )}
        </Alert>
      )}
      {skewed(status) && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="sync-clock">
          {t(status.clockSkewMs! > 0 ? 'clock.ahead' : 'clock.behind', {
            minutes,
            todo: t('clock.todo'),
          })}
        </Alert>
      )}
    </Box>
  );
}

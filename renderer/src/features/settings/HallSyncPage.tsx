// 设置 › 大厅同步 (#/settings/hall): how this station is enrolled with the hall server, and for an
// administrator the enrolment itself (HallEnrolForm). Everyone else reads it.
import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { useTranslation } from 'react-i18next';
import { displayFingerprint } from '../../../../electron/contract-hall';
import { host } from '../../host';
import { enrolmentStationCode, HALL_ENROLLERS } from '../../data/hallEnrolment';
import { appDb } from '../../data/stationDb';
import { useRouteStore } from '../../app/stores/routeStore';
import { useSessionStore } from '../../app/stores/sessionStore';
import { useHallEnrolment } from '../shared/syncStatus';
import { HallBundlesSection } from './HallBundlesSection';
import { HallEnrolForm } from './HallEnrolForm';
import { HallJoinSection } from './HallJoinSection';

type CodeState = { ok: true; code: string } | { ok: false; problem: string; code?: string } | null;

/** On the settings page: whether the station is enrolled, and the way in. */
export function HallSyncCard() {
  const { t } = useTranslation('sync');
  const go = useRouteStore((s) => s.go);
  const { status, refresh } = useHallEnrolment();
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return (
    <Paper sx={{ p: 3, mb: 3 }} data-testid="hall-card">
      <Typography variant="h3" component="h2" gutterBottom>
        {t('settings.cardTitle')}
      </Typography>
      <Typography gutterBottom>{t('settings.cardBody')}</Typography>
      <Typography gutterBottom>
        {status?.enrolled
          ? t('settings.cardEnrolled', { hall: status.hallName, code: status.stationCode })
          : t('settings.cardNotEnrolled')}
      </Typography>
      <Button variant="outlined" onClick={() => go('settings', 'hall')} data-testid="open-hall">
        {t('settings.open')}
      </Button>
    </Paper>
  );
}

export function HallSyncPage() {
  const { t } = useTranslation('sync');
  const go = useRouteStore((s) => s.go);
  const role = useSessionStore((s) => s.user?.role ?? '');
  const { status, refresh } = useHallEnrolment();
  const [code, setCode] = useState<CodeState>(null);
  const [hostPins, setHostPins] = useState<boolean | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [again, setAgain] = useState(false);
  const admin = HALL_ENROLLERS.includes(role);

  useEffect(() => {
    void refresh();
    void enrolmentStationCode(appDb()).then(setCode);
    void host.appInfo({}).then((info) => setHostPins(info.host === 'electron'));
  }, [refresh]);

  const enrolled = status?.enrolled === true;
  return (
    <Box sx={{ maxWidth: 860 }}>
      <Button startIcon={<ArrowBackIcon />} onClick={() => go('settings')} sx={{ mb: 1 }}>
        {t('settings.back')}
      </Button>
      <Typography variant="h2" component="h1" gutterBottom>
        {t('settings.title')}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('settings.intro')}</Typography>
      {!admin && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="hall-readonly">
          {t('settings.readOnly')}
        </Alert>
      )}
      {done && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} data-testid="hall-enrolled-message">
          {done}
        </Alert>
      )}
      {enrolled && status && (
        <HallJoinSection admin={admin} stationCode={status.stationCode ?? ''} />
      )}
      {enrolled && status && (
        <Paper sx={{ p: 3, mb: 3 }} data-testid="hall-enrolment">
          <Typography variant="h3" component="h2" gutterBottom>
            {t('settings.enrolledTitle')}
          </Typography>
          <Table size="small">
            <TableBody>
              <TableRow>
                <TableCell component="th">{t('settings.hall')}</TableCell>
                <TableCell>{status.hallName ?? '—'}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell component="th">{t('settings.server')}</TableCell>
                <TableCell sx={{ wordBreak: 'break-all' }}>{status.serverUrl ?? '—'}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell component="th">{t('settings.stationCode')}</TableCell>
                <TableCell>{status.stationCode ?? '—'}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell component="th">{t('settings.pinned')}</TableCell>
                <TableCell
                  sx={{
                    fontFamily: status.fingerprint ? 'monospace' : undefined,
                    wordBreak: status.fingerprint ? 'break-all' : undefined,
                  }}
                >
                  {status.fingerprint
                    ? displayFingerprint(status.fingerprint)
                    : t('settings.pinnedNone')}
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
          {role === 'admin' && (
            <Button
              variant="outlined"
              sx={{ mt: 2 }}
              onClick={() => go('settings', 'numbers')}
              data-testid="open-number-register"
            >
              {t('register.openRegister')}
            </Button>
          )}
        </Paper>
      )}
      {enrolled && status?.stationCode && <HallBundlesSection stationCode={status.stationCode} />}
      {enrolled && admin && !again && (
        <Box sx={{ mb: 3 }}>
          <Typography sx={{ mb: 1 }}>{t('settings.againHelp')}</Typography>
          <Button
            variant="outlined"
            onClick={() => {
              setDone(null);
              setAgain(true);
            }}
            data-testid="hall-again"
          >
            {t('settings.again')}
          </Button>
        </Box>
      )}
      {!enrolled && status && !admin && <Typography>{t('settings.notEnrolled')}</Typography>}
      {(!enrolled || again) && status && admin && code && hostPins !== null && (
        <Paper sx={{ p: 3 }}>
          {again && (
            <Alert
              severity="warning"
              sx={{ mb: 2 }}
              data-testid="hall-again-warning"
              action={
                <Button color="inherit" onClick={() => setAgain(false)}>
                  {t('settings.againCancel')}
                </Button>
              }
            >
              {t('settings.againWarning', { hall: status.hallName ?? '—' })}
            </Alert>
          )}
          {code.ok ? (
            <HallEnrolForm
              stationCode={code.code}
              hostPins={hostPins}
              again={
                again && status.hallName && status.serverUrl
                  ? { hallName: status.hallName, serverUrl: status.serverUrl }
                  : undefined
              }
              onEnrolled={(text) => {
                setDone(text);
                setAgain(false);
                void refresh();
              }}
            />
          ) : (
            <Alert severity="error">
              {t(`settings.problem.${code.problem}`, { code: code.code ?? '—' })}
            </Alert>
          )}
        </Paper>
      )}
    </Box>
  );
}

// 评价器: the rating device facing the applicant at one window (#/floor/rating/<window>), an
// 800×1280 tablet. Idle until the clerk finishes a case there; then the case number and matter
// (nothing personal) — or, for a ticket served without a case, the ticket's number and business —
// the clerk's name and window, and the five levels as large touch targets. The heading names the
// window by its number in the floor settings ("1 号窗口"), else by its station code.
// A tap on one of the top three is the rating; the lower two ask which reasons to tick first.
// Thank-you, then idle again after a few seconds. A request left unrated expires and records
// nothing — the device says so.
import { useEffect, useState } from 'react';
import { Alert, Box, Button, Stack, ToggleButton, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  BAD_RATING_REASONS,
  isBadRating,
  RATING_LEVELS,
  type BadRatingReason,
  type RatingLevel,
} from '../../domain';
import { RATING_THANKS_MS, type RatingPort, type RatingRequest } from '../../domain/floor/rating';
import { stationRatingPort } from '../rating/stationRating';

type Screen =
  | { kind: 'idle' }
  | { kind: 'levels'; request: RatingRequest }
  | { kind: 'reasons'; request: RatingRequest; level: RatingLevel }
  | { kind: 'thanks'; bad: boolean }
  | { kind: 'expired' }
  | { kind: 'failed'; message: string };

const LEVEL_COLOR: Record<RatingLevel, 'success' | 'primary' | 'info' | 'warning' | 'error'> = {
  5: 'success',
  4: 'primary',
  3: 'info',
  2: 'warning',
  1: 'error',
};

const big = { fontSize: '2.4rem', fontWeight: 700, lineHeight: 1.3 } as const;

export function RatingDevicePage({ window, port: given }: { window: string; port?: RatingPort }) {
  const { t, i18n } = useTranslation(['rating', 'issuance', 'queue']);
  // The hall's store on an enrolled tablet (a station of kind 'rating'), else this PC's own.
  const [port, setPort] = useState<RatingPort | null>(given ?? null);
  useEffect(() => {
    if (given) return;
    let alive = true;
    void stationRatingPort().then((p) => alive && setPort(p));
    return () => {
      alive = false;
    };
  }, [given]);
  const [screen, setScreen] = useState<Screen>({ kind: 'idle' });
  const [reasons, setReasons] = useState<BadRatingReason[]>([]);
  const [busy, setBusy] = useState(false);
  const english = i18n.language.startsWith('en');
  // The window's number from the floor settings, read again with each request (the settings may
  // have changed); without one the station code names the window — never a blank.
  const [number, setNumber] = useState<number | null>(null);
  const requestId = screen.kind === 'levels' || screen.kind === 'reasons' ? screen.request.id : '';
  useEffect(() => {
    if (!port) return;
    let alive = true;
    void port
      .windowNumber(window)
      .then((r) => alive && r.ok && setNumber(r.value))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [port, window, requestId]);
  const windowName =
    number !== null ? t('queue:panel.window', { number }) : t('device.windowCode', { window });

  // The window's open request: a new one replaces whatever is on screen, except a thank-you.
  useEffect(
    () =>
      port?.watch(window, (request) =>
        setScreen((s) => {
          if (s.kind === 'thanks' || s.kind === 'expired') return s;
          if (!request) return s.kind === 'failed' ? s : { kind: 'idle' };
          if ((s.kind === 'levels' || s.kind === 'reasons') && s.request.id === request.id)
            return s;
          setReasons([]);
          return { kind: 'levels', request };
        }),
      ),
    [port, window],
  );

  // An unrated request runs out: marked expired, nothing recorded.
  const open = screen.kind === 'levels' || screen.kind === 'reasons' ? screen.request : null;
  useEffect(() => {
    if (!open || !port) return;
    const ms = Math.max(0, Date.parse(open.expiresAt) - Date.now());
    const timer = setTimeout(() => {
      void port.expire(open.id).then(() => setScreen({ kind: 'expired' }));
    }, ms);
    return () => clearTimeout(timer);
  }, [open, port]);

  // Thank-you, expired and failed screens go back to idle after a few seconds.
  useEffect(() => {
    if (screen.kind !== 'thanks' && screen.kind !== 'expired' && screen.kind !== 'failed') return;
    const timer = setTimeout(() => setScreen({ kind: 'idle' }), RATING_THANKS_MS);
    return () => clearTimeout(timer);
  }, [screen]);

  const submit = async (request: RatingRequest, level: RatingLevel, ticked: BadRatingReason[]) => {
    if (!port) return;
    setBusy(true);
    const r = await port.submit({ requestId: request.id, overall: level, reasons: ticked });
    setBusy(false);
    if (r.ok) setScreen({ kind: 'thanks', bad: r.value.bad });
    else if (r.message === 'rating_request_expired') setScreen({ kind: 'expired' });
    else
      setScreen({
        kind: 'failed',
        message: t(`error.${r.message}`, { defaultValue: t('error.other', { code: r.message }) }),
      });
  };

  // A case: its number and matter; a ticket served without a case: its number and business.
  const subjectRows = (r: RatingRequest): [string, string][] =>
    r.caseId
      ? [
          ['caseNumber', r.caseNumber ?? ''],
          [
            'matter',
            (english && r.matterNameEn ? r.matterNameEn : r.matterName) || (r.caseNumber ?? ''),
          ],
        ]
      : [
          ['ticketNumber', r.ticketNumber ?? ''],
          ['business', t(`queue:business.${r.business ?? ''}`, { defaultValue: r.business ?? '' })],
        ];

  const tap = (request: RatingRequest, level: RatingLevel) => {
    if (isBadRating(level)) {
      setReasons([]);
      setScreen({ kind: 'reasons', request, level });
    } else void submit(request, level, []);
  };

  return (
    <Box
      component="main"
      data-testid="rating-device"
      data-screen={screen.kind}
      sx={{
        minHeight: '100vh',
        p: 5,
        display: 'flex',
        flexDirection: 'column',
        gap: 4,
        bgcolor: 'background.default',
      }}
    >
      <Typography component="h1" sx={{ fontSize: '2rem', fontWeight: 700 }}>
        {t('device.heading', { window: windowName })}
      </Typography>

      {screen.kind === 'idle' && (
        <Box sx={{ flex: 1, display: 'grid', placeItems: 'center', textAlign: 'center' }}>
          <Stack spacing={3}>
            <Typography sx={big}>{t('device.welcome')}</Typography>
            <Typography sx={{ fontSize: '1.6rem' }} color="text.secondary">
              {t('device.idle')}
            </Typography>
          </Stack>
        </Box>
      )}

      {(screen.kind === 'levels' || screen.kind === 'reasons') && (
        <Box
          data-testid="rating-device-case"
          sx={{ border: 2, borderColor: 'divider', borderRadius: 2, p: 3, fontSize: '1.5rem' }}
        >
          {(
            [
              ...subjectRows(screen.request),
              ['clerk', screen.request.clerkName],
              ['window', number !== null ? windowName : screen.request.window],
            ] as const
          ).map(([k, v]) => (
            <Box key={k} sx={{ display: 'flex', gap: 2, py: 0.5 }}>
              <Box sx={{ color: 'text.secondary', minWidth: '6em' }}>{t(`device.${k}`)}</Box>
              <Box sx={{ fontWeight: 600 }} data-testid={`rating-device-${k}`}>
                {v}
              </Box>
            </Box>
          ))}
        </Box>
      )}

      {screen.kind === 'levels' && (
        <Stack spacing={2.5} sx={{ flex: 1 }}>
          <Typography component="h2" sx={{ ...big, fontSize: '2.2rem' }}>
            {t('device.ask')}
          </Typography>
          {RATING_LEVELS.map((level) => (
            <Button
              key={level}
              variant="contained"
              color={LEVEL_COLOR[level]}
              disabled={busy}
              onClick={() => tap(screen.request, level)}
              data-testid={`rating-level-${level}`}
              sx={{ ...big, minHeight: 132, borderRadius: 3 }}
            >
              {t(`issuance:rating.level.${level}`)}
            </Button>
          ))}
        </Stack>
      )}

      {screen.kind === 'reasons' && (
        <Stack spacing={2} sx={{ flex: 1 }}>
          <Typography component="h2" sx={{ ...big, fontSize: '2rem' }}>
            {t('device.reasonsAsk', { level: t(`issuance:rating.level.${screen.level}`) })}
          </Typography>
          {BAD_RATING_REASONS.map((r) => (
            <ToggleButton
              key={r}
              value={r}
              selected={reasons.includes(r)}
              onChange={() =>
                setReasons((was) => (was.includes(r) ? was.filter((x) => x !== r) : [...was, r]))
              }
              data-testid={`rating-reason-${r}`}
              sx={{
                fontSize: '1.9rem',
                minHeight: 92,
                justifyContent: 'flex-start',
                px: 4,
                color: 'text.primary',
                borderWidth: 2,
                '&.Mui-selected': {
                  borderColor: 'primary.main',
                  bgcolor: 'action.selected',
                  fontWeight: 700,
                },
              }}
            >
              {reasons.includes(r) ? '☑' : '☐'}&nbsp;&nbsp;{t(`reason.${r}`)}
            </ToggleButton>
          ))}
          <Box sx={{ display: 'flex', gap: 2, pt: 1 }}>
            <Button
              variant="outlined"
              disabled={busy}
              onClick={() => setScreen({ kind: 'levels', request: screen.request })}
              data-testid="rating-reasons-back"
              sx={{ fontSize: '1.8rem', minHeight: 100, flex: 1 }}
            >
              {t('device.back')}
            </Button>
            <Button
              variant="contained"
              color={LEVEL_COLOR[screen.level]}
              disabled={busy}
              onClick={() => void submit(screen.request, screen.level, reasons)}
              data-testid="rating-reasons-submit"
              sx={{ fontSize: '1.8rem', minHeight: 100, flex: 2 }}
            >
              {t('device.submit')}
            </Button>
          </Box>
        </Stack>
      )}

      {screen.kind === 'thanks' && (
        <Box sx={{ flex: 1, display: 'grid', placeItems: 'center', textAlign: 'center' }}>
          <Stack spacing={3} data-testid="rating-thanks">
            <Typography sx={{ ...big, fontSize: '3rem' }}>{t('device.thanks')}</Typography>
            {screen.bad && (
              <Typography sx={{ fontSize: '1.7rem' }}>{t('device.thanksBad')}</Typography>
            )}
          </Stack>
        </Box>
      )}

      {screen.kind === 'expired' && (
        <Alert severity="info" data-testid="rating-expired" sx={{ fontSize: '1.7rem' }}>
          {t('device.expired')}
        </Alert>
      )}

      {screen.kind === 'failed' && (
        <Alert
          severity="error"
          role="alert"
          data-testid="rating-failed"
          sx={{ fontSize: '1.6rem' }}
        >
          {screen.message}
        </Alert>
      )}
    </Box>
  );
}

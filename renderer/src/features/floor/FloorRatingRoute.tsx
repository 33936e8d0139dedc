// #/floor/rating/<window>: the rating device's entry in the floor's route table (devicePages.tsx).
// On a tablet enrolled as a rating station the hall says which window it serves (the first word
// of its enrolment label) and the address's window is not needed; on one PC the address names it.
// Without a window the page says how to open it, never a blank.
import { Alert, Box } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatingPort } from '../../domain/floor/rating';
import { host } from '../../host';
import { stationRatingPort } from '../rating/stationRating';
import { RatingDevicePage } from './RatingDevicePage';

const RETRY_MS = 5000;

type Bound =
  | { kind: 'loading' }
  | { kind: 'ready'; port: RatingPort; window: string | undefined }
  | { kind: 'unbound' | 'away' | 'notDevice' };

export function FloorRatingRoute({ window }: { window: string | undefined }) {
  const { t } = useTranslation('rating');
  const [bound, setBound] = useState<Bound>({ kind: 'loading' });
  const [attempt, setTry] = useState(0);
  useEffect(() => {
    let alive = true;
    void (async () => {
      const port = await stationRatingPort();
      if (!port.deviceWindow) return alive && setBound({ kind: 'ready', port, window });
      // An enrolled counter's requests go to the hall: only a tablet enrolled as a rating
      // station can show them, not a window of this PC.
      const status = await host.hallStatus({}).catch(() => null);
      if (status?.enrolled && status.kind !== 'rating')
        return alive && setBound({ kind: 'notDevice' });
      const w = await port.deviceWindow();
      if (!alive) return;
      if (w.ok) setBound({ kind: 'ready', port, window: w.value });
      // The hall cannot be reached yet: the address's window if any (the watch retries), else
      // the page asks again in a few seconds.
      else if (w.code === 'offline' && window?.trim()) setBound({ kind: 'ready', port, window });
      else if (w.code === 'offline') {
        setBound({ kind: 'away' });
        setTimeout(() => alive && setTry((n) => n + 1), RETRY_MS);
      } else setBound({ kind: 'unbound' });
    })();
    return () => {
      alive = false;
    };
  }, [window, attempt]);

  if (bound.kind === 'loading') return <Box component="main" data-testid="rating-device-loading" />;
  if (bound.kind === 'ready' && bound.window?.trim())
    return <RatingDevicePage key={bound.window} window={bound.window} port={bound.port} />;
  const message =
    bound.kind === 'notDevice'
      ? t('device.notDevice')
      : bound.kind === 'unbound'
        ? t('device.unbound')
        : bound.kind === 'away'
          ? t('device.hallAway')
          : t('device.noWindow');
  return (
    <Box component="main" sx={{ p: 5 }}>
      <Alert severity="warning" sx={{ fontSize: '1.4rem' }} data-testid="rating-device-nowindow">
        {message}
      </Alert>
    </Box>
  );
}

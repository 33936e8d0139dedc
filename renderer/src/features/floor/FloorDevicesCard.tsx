// 设置 › 大厅现场设备: an administrator opens the ticket machine, the hall display or a rating
// device in a new window of this station (browser: window.open; desktop: a hardened window the
// host opens — contract-floor.ts). The pages show no case and no personal data.
import { useState } from 'react';
import { Alert, Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { stationCodeSchema } from '../../../../server/protocol';
import type { FloorPage } from '../../../../electron/contract-floor';
import { host } from '../../host';
import { useSessionStore } from '../../app/stores/sessionStore';
import { useHostErrorText } from '../shared/useHostErrorText';
import { floorPages } from './devicePages';

type Status = { ok: boolean; text: string };

export function FloorDevicesCard() {
  const { t } = useTranslation('floorScreens');
  const hostErrorText = useHostErrorText();
  const role = useSessionStore((s) => s.user?.role);
  const [status, setStatus] = useState<Status | null>(null);
  const [faces, setFaces] = useState('');
  const [facesBad, setFacesBad] = useState(false);

  const open = async (page: FloorPage, window?: string) => {
    try {
      const r = await host.floorOpenWindow(window ? { page, window } : { page });
      setStatus(
        r.opened
          ? { ok: true, text: t('settings.opened', { page: t(`settings.pages.${page}`) }) }
          : { ok: false, text: t('settings.blocked') },
      );
    } catch (e) {
      setStatus({ ok: false, text: t('settings.failed', { message: hostErrorText(e) }) });
    }
  };

  const openRating = () => {
    const code = faces.trim().toUpperCase();
    if (!stationCodeSchema.safeParse(code).success) {
      setFacesBad(true);
      return;
    }
    setFacesBad(false);
    void open('rating', code);
  };

  return (
    <Paper sx={{ p: 3, mb: 3 }} component="section" aria-labelledby="floor-devices-title">
      <Typography variant="h3" component="h2" id="floor-devices-title" gutterBottom>
        {t('settings.title')}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('settings.intro')}</Typography>
      {role !== 'admin' ? (
        <Alert severity="info" data-testid="floor-devices-admin-only">
          {t('admin:adminOnly')}
        </Alert>
      ) : (
        <Box sx={{ display: 'grid', gap: 2 }}>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Button
              variant="contained"
              onClick={() => void open('kiosk')}
              data-testid="floor-open-kiosk"
            >
              {t('settings.kiosk')}
            </Button>
            <Typography>{t('settings.kioskHint')}</Typography>
          </Box>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Button
              variant="contained"
              onClick={() => void open('display')}
              data-testid="floor-open-display"
            >
              {t('settings.display')}
            </Button>
            <Typography>{t('settings.displayHint')}</Typography>
          </Box>
          {floorPages.rating && (
            <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
              <TextField
                label={t('settings.ratingWindow')}
                value={faces}
                onChange={(e) => {
                  setFaces(e.target.value);
                  setFacesBad(false);
                }}
                error={facesBad}
                helperText={
                  facesBad ? t('settings.ratingWindowBad') : t('settings.ratingWindowHelp')
                }
                sx={{ width: 380 }}
                slotProps={{ htmlInput: { 'data-testid': 'floor-rating-window' } }}
              />
              <Button variant="contained" onClick={openRating} data-testid="floor-open-rating">
                {t('settings.rating')}
              </Button>
            </Box>
          )}
        </Box>
      )}
      {status && (
        <Alert
          severity={status.ok ? 'success' : 'error'}
          role={status.ok ? 'status' : 'alert'}
          sx={{ mt: 2 }}
          data-testid="floor-devices-status"
        >
          {status.text}
        </Alert>
      )}
    </Paper>
  );
}

// 本机关信息: who this station is (set at first run) and the contact details printed on every
// paper. Administrators edit address, phone and website; everyone else reads them.
import { useEffect, useState } from 'react';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { getStation, updateStationContact, type Station } from '../../data/station';
import { appDb } from '../../data/stationDb';
import { currentActor, useSessionStore } from '../../app/sessionStore';

export function OfficeSettings() {
  const { t } = useTranslation('app');
  const role = useSessionStore((s) => s.user?.role);
  const [station, setStation] = useState<Station | null>(null);
  const [form, setForm] = useState({ address: '', phone: '', website: '' });
  const [status, setStatus] = useState<{ ok: boolean; key: string } | null>(null);

  useEffect(() => {
    void getStation(appDb()).then((s) => {
      setStation(s);
      setForm({ address: s?.address ?? '', phone: s?.phone ?? '', website: s?.website ?? '' });
    });
  }, []);

  const save = async () => {
    const r = await updateStationContact(appDb(), currentActor(), form);
    if (r.ok) setStation(r.station);
    setStatus(
      r.ok ? { ok: true, key: 'office.saved' } : { ok: false, key: `office.problem.${r.problem}` },
    );
  };

  if (!station) return null;
  const admin = role === 'admin';
  const field = (name: keyof typeof form) => (
    <TextField
      label={t(`office.${name}`)}
      value={form[name]}
      onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
      disabled={!admin}
      slotProps={{ htmlInput: { 'data-testid': `office-${name}` } }}
    />
  );
  return (
    <Paper sx={{ p: 3, mb: 3 }} component="section" aria-label={t('office.title')}>
      <Typography variant="h3" component="h2" gutterBottom>
        {t('office.title')}
      </Typography>
      <Typography sx={{ mb: 2 }}>
        {t('office.identity', {
          name: station.officeName,
          short: station.officeShortName,
          division: station.divisionCode,
          code: station.stationCode,
        })}
      </Typography>
      <Stack spacing={2}>
        {field('address')}
        <Stack direction="row" spacing={2}>
          {field('phone')}
          {field('website')}
        </Stack>
      </Stack>
      <Box sx={{ mt: 2 }}>
        {admin ? (
          <Button variant="contained" onClick={() => void save()} data-testid="office-save">
            {t('office.save')}
          </Button>
        ) : (
          <Typography color="text.secondary">{t('office.adminOnly')}</Typography>
        )}
      </Box>
      {status && (
        <Alert severity={status.ok ? 'success' : 'error'} sx={{ mt: 2 }} role="status">
          {t(status.key)}
        </Alert>
      )}
    </Paper>
  );
}

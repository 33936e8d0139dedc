// 本机关信息: who this station is (set at first run) and the facts printed on every paper:
// address, enquiry phone, progress website, and the review body and court named in the remedies.
// Administrators edit them; everyone else reads them. What is still missing is said plainly,
// with what the papers do meanwhile (leave the sentence out or use the general wording).
import { useEffect, useState } from 'react';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  getStation,
  missingContact,
  updateStationContact,
  type Station,
  type StationContact,
} from '../../data/station';
import { appDb } from '../../data/stationDb';
import { currentActor, useSessionStore } from '../../app/stores/sessionStore';

type Form = Required<StationContact>;

const formOf = (s: Station | null): Form => ({
  address: s?.address ?? '',
  phone: s?.phone ?? '',
  website: s?.website ?? '',
  reviewBody: s?.reviewBody ?? '',
  court: s?.court ?? '',
});

/** Which office facts are still missing, named, with what the papers do without them. */
export function OfficeMissing({ missing }: { missing: (keyof Form)[] }) {
  const { t } = useTranslation('app');
  if (missing.length === 0) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="office-missing">
      {t('office.missing', { fields: missing.map((f) => t(`office.${f}`)).join('、') })}
      {missing.map((f) => (
        <Box key={f} component="span" sx={{ display: 'block' }}>
          {t(`office.without.${f}`)}
        </Box>
      ))}
    </Alert>
  );
}

export function OfficeSettings() {
  const { t } = useTranslation('app');
  const role = useSessionStore((s) => s.user?.role);
  const [station, setStation] = useState<Station | null>(null);
  const [form, setForm] = useState<Form>(formOf(null));
  const [status, setStatus] = useState<{ ok: boolean; key: string } | null>(null);

  useEffect(() => {
    void getStation(appDb()).then((s) => {
      setStation(s);
      setForm(formOf(s));
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
  const field = (name: keyof Form, help = false) => (
    <TextField
      label={t(`office.${name}`)}
      value={form[name]}
      onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
      disabled={!admin}
      fullWidth
      helperText={help ? t(`office.help.${name}`) : undefined}
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
      <OfficeMissing missing={missingContact(station)} />
      <Stack spacing={2}>
        {field('address')}
        <Stack direction="row" spacing={2}>
          {field('phone')}
          {field('website')}
        </Stack>
        {field('reviewBody', true)}
        {field('court', true)}
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

// First-run set-up: office, division, station code and the first administrator.
// Every field says what it wants; wrong fields are named before anything is saved.
import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Divider, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { OneWindowDb } from '../../data/db';
import {
  setupProblems,
  setupStation,
  type ContactField,
  type SetupInput,
  type Station,
} from '../../data/station';
import { host } from '../../host';
import { AuthCard } from './AuthCard';
import { useAuthErrorText } from './useAuthErrorText';

type Field =
  | 'officeName'
  | 'officeShortName'
  | 'divisionCode'
  | 'stationCode'
  | ContactField
  | 'username'
  | 'name'
  | 'password'
  | 'password2';

const empty: Record<Field, string> = {
  officeName: '',
  officeShortName: '',
  divisionCode: '',
  stationCode: '',
  address: '',
  phone: '',
  website: '',
  reviewBody: '',
  court: '',
  username: '',
  name: '',
  password: '',
  password2: '',
};

const toInput = (v: Record<Field, string>): SetupInput => ({
  officeName: v.officeName,
  officeShortName: v.officeShortName,
  divisionCode: v.divisionCode.trim(),
  stationCode: v.stationCode.trim(),
  admin: { username: v.username, name: v.name, password: v.password },
  contact: {
    address: v.address,
    phone: v.phone,
    website: v.website,
    reviewBody: v.reviewBody,
    court: v.court,
  },
});

export function SetupScreen({
  db,
  onDone,
}: {
  db: OneWindowDb;
  onDone: (station: Station, username: string) => void;
}) {
  const { t } = useTranslation('auth');
  const errorText = useAuthErrorText();
  const [values, setValues] = useState(empty);
  const [shown, setShown] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const problems = new Set(setupProblems(toInput(values)));
  if (values.password2 !== values.password) problems.add('password2');

  const field = (
    name: Field,
    props: { type?: string; upper?: boolean; help?: boolean; optional?: boolean } = {},
  ) => {
    const wrong = shown.has(name) && problems.has(name);
    const helpKey = `setup.${name}.help`;
    return (
      <TextField
        id={`setup-${name}`}
        label={t(`setup.${name}`)}
        value={values[name]}
        type={props.type ?? 'text'}
        required={!props.optional}
        fullWidth
        error={wrong}
        helperText={wrong ? t(`setup.invalid.${name}`) : props.help ? t(helpKey) : ' '}
        onChange={(e) =>
          setValues((v) => ({
            ...v,
            [name]: props.upper ? e.target.value.toUpperCase() : e.target.value,
          }))
        }
        onBlur={() => setShown((s) => new Set(s).add(name))}
        slotProps={{ htmlInput: { 'data-testid': `setup-${name}`, autoComplete: 'off' } }}
      />
    );
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShown(new Set(Object.keys(empty)));
    if (problems.size > 0) {
      const first = Object.keys(empty).find((k) => problems.has(k));
      document.getElementById(`setup-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { station } = await setupStation(db, toInput(values));
      // The office's signing key is made now, at set-up, and kept by the host (never here).
      // A failure is not fatal: the key is also made on first use.
      await host.keysPublicKey({}).catch(() => undefined);
      onDone(station, values.username.trim().toLowerCase());
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('setup.title')} width={720}>
      <Typography sx={{ mb: 3 }}>{t('setup.intro')}</Typography>
      <Box component="form" noValidate onSubmit={submit}>
        <Typography variant="h2" sx={{ fontSize: '1.2rem', mb: 1.5 }}>
          {t('setup.office')}
        </Typography>
        <Stack spacing={1}>
          {field('officeName', { help: true })}
          <Stack direction="row" spacing={2}>
            {field('officeShortName', { help: true })}
            {field('divisionCode', { help: true })}
          </Stack>
          {field('stationCode', { upper: true, help: true })}
        </Stack>
        <Divider sx={{ my: 2 }} />
        <Typography variant="h2" sx={{ fontSize: '1.2rem', mb: 0.5 }}>
          {t('setup.contact')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 1.5 }}>
          {t('setup.contact.intro')}
        </Typography>
        <Stack spacing={1}>
          {field('address', { optional: true })}
          <Stack direction="row" spacing={2}>
            {field('phone', { optional: true, help: true })}
            {field('website', { optional: true, help: true })}
          </Stack>
          <Stack direction="row" spacing={2}>
            {field('reviewBody', { optional: true, help: true })}
            {field('court', { optional: true, help: true })}
          </Stack>
        </Stack>
        <Divider sx={{ my: 2 }} />
        <Typography variant="h2" sx={{ fontSize: '1.2rem', mb: 1.5 }}>
          {t('setup.admin')}
        </Typography>
        <Stack spacing={1}>
          <Stack direction="row" spacing={2}>
            {field('username', { help: true })}
            {field('name')}
          </Stack>
          <Stack direction="row" spacing={2}>
            {field('password', { type: 'password', help: true })}
            {field('password2', { type: 'password' })}
          </Stack>
        </Stack>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {error}
          </Alert>
        )}
        <Button
          type="submit"
          variant="contained"
          size="large"
          disabled={busy}
          sx={{ mt: 2 }}
          data-testid="setup-submit"
        >
          {busy ? t('setup.working') : t('setup.submit')}
        </Button>
      </Box>
    </AuthCard>
  );
}

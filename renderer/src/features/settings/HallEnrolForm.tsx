// The enrolment form of 设置 › 大厅同步 (administrator): server address (checked, with the
// certificate the server shows), station name and use, the single-use code, and the fingerprint
// the server printed — compared side by side with the one the server shows before anything is
// sent. Every refusal arrives in words with what to do.
import { useState } from 'react';
import { Alert, Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  checkHallAddress,
  hallErrorOf,
  normaliseFingerprint,
  seenFingerprintOf,
  type HallErrorCode,
} from '../../../../electron/contract-hall';
import { stationKindSchema } from '../../../../server/protocol';
import { host, HostError } from '../../host';
import { enrolStation } from '../../data/hallEnrolment';
import { appDb } from '../../data/stationDb';
import { currentActor } from '../../app/stores/sessionStore';
import { useHostErrorText } from '../shared/useHostErrorText';
import { FingerprintCompare } from './HallFingerprintCompare';
import {
  addressProblem,
  emptyHallForm,
  hallFormProblems,
  needsFingerprint,
  normaliseEnrolCode,
  type HallField,
  type HallForm,
} from './hallForm';

const KNOWN_ERRORS = new Set<HallErrorCode>([
  'bad_address',
  'insecure_address',
  'unreachable',
  'certificate_mismatch',
  'enrolment_code_invalid',
  'enrolment_code_used',
  'enrolment_code_expired',
  'station_code_taken',
  'already_enrolled',
  'protocol_unsupported',
  'station_blocked',
  'station_retired',
  'bad_response',
  'rate_limited',
  'bad_request',
  'restoring',
  'other_hall',
]);

type Probe = { hallName: string | null; fingerprint: string | null };

export function HallEnrolForm(props: {
  stationCode: string;
  /** Whether this host pins the certificate (Electron); a browser checks it itself. */
  hostPins: boolean;
  onEnrolled: (text: string) => void;
  /** Enrolling again into the hall the station is enrolled with (its name, its address). */
  again?: { hallName: string; serverUrl: string };
}) {
  const { t } = useTranslation('sync');
  const hostErrorText = useHostErrorText();
  const [form, setForm] = useState<HallForm>({
    ...emptyHallForm,
    serverUrl: props.again?.serverUrl ?? '',
  });
  const [problems, setProblems] = useState<Partial<Record<HallField, string>>>({});
  const [probe, setProbe] = useState<Probe | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<'probe' | 'enrol' | null>(null);
  const pins = needsFingerprint(form.serverUrl, props.hostPins);
  const address = checkHallAddress(form.serverUrl);
  // Why no fingerprint is asked for: the server is this computer, or the browser checks it.
  const addressNote = !address.ok
    ? null
    : address.secure
      ? 'settings.fingerprintBrowser'
      : 'settings.fingerprintLoopback';

  const errorText = (e: unknown) => {
    const code = hallErrorOf(e);
    if (code) {
      const key = KNOWN_ERRORS.has(code) ? code : 'other';
      return t(`settings.error.${key}`, {
        code: key === 'other' ? code : props.stationCode,
        hall: props.again?.hallName ?? '—',
      });
    }
    return e instanceof HostError ? hostErrorText(e) : t('settings.error.other', { code: '—' });
  };

  const edit = (field: HallField, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setProblems((p) => ({ ...p, [field]: undefined }));
    if (field === 'serverUrl') setProbe(null);
    setMessage(null);
  };

  const onProbe = async () => {
    const problem = addressProblem(form.serverUrl);
    setProblems((p) => ({ ...p, serverUrl: problem ?? undefined }));
    if (problem) return;
    setBusy('probe');
    setMessage(null);
    try {
      const found = await host.hallProbe({ serverUrl: form.serverUrl.trim() });
      setProbe({ hallName: found.hallName, fingerprint: found.fingerprint });
      setMessage({
        ok: found.hallName !== null,
        text: found.hallName
          ? t('settings.probeFound', { hall: found.hallName })
          : t('settings.probeNoHall'),
      });
    } catch (e) {
      setProbe(null);
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setBusy(null);
    }
  };

  const onEnrol = async () => {
    const found = hallFormProblems(form, props.hostPins, probe?.fingerprint ?? null);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy('enrol');
    setMessage(null);
    try {
      const r = await enrolStation(
        appDb(),
        currentActor(),
        {
          serverUrl: form.serverUrl.trim(),
          code: normaliseEnrolCode(form.code),
          label: form.label.trim(),
          kind: form.kind,
          ...(pins ? { fingerprint: normaliseFingerprint(form.fingerprint)! } : {}),
          ...(props.again ? { replace: true } : {}),
        },
        host,
      );
      if (!r.ok) {
        setMessage({
          ok: false,
          text: t(`settings.problem.${r.problem}`, { code: props.stationCode }),
        });
        return;
      }
      props.onEnrolled(t('settings.enrolled', { hall: r.result.hallName, code: r.stationCode }));
    } catch (e) {
      const seen = seenFingerprintOf(e);
      if (seen) setProbe((p) => ({ hallName: p?.hallName ?? null, fingerprint: seen }));
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setBusy(null);
    }
  };

  const field = (name: HallField, extra: { help?: string; mono?: boolean } = {}) => (
    <TextField
      label={t(`settings.${name}`)}
      value={form[name]}
      onChange={(e) => edit(name, e.target.value)}
      error={Boolean(problems[name])}
      helperText={problems[name] ? t(problems[name]!) : (extra.help ?? t(`settings.${name}Help`))}
      fullWidth
      slotProps={{
        htmlInput: {
          'data-testid': `hall-${name}`,
          spellCheck: false,
          ...(extra.mono ? { style: { fontFamily: 'monospace' } } : {}),
        },
      }}
    />
  );

  return (
    <Stack spacing={2.5} component="form" noValidate onSubmit={(e) => e.preventDefault()}>
      <Stack direction="row" spacing={2} alignItems="flex-start">
        {field('serverUrl')}
        <Button
          variant="outlined"
          onClick={() => void onProbe()}
          disabled={busy !== null}
          sx={{ mt: 1, flexShrink: 0 }}
          data-testid="hall-probe"
        >
          {busy === 'probe' ? t('settings.probing') : t('settings.probe')}
        </Button>
      </Stack>
      <TextField
        label={t('settings.stationCode')}
        value={props.stationCode}
        helperText={t('settings.stationCodeHelp')}
        slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'hall-stationCode' } }}
      />
      {field('label')}
      <TextField
        select
        label={t('settings.kind')}
        value={form.kind}
        onChange={(e) => edit('kind', e.target.value)}
        slotProps={{ select: { inputProps: { 'data-testid': 'hall-kind' } } }}
      >
        {stationKindSchema.options.map((k) => (
          <MenuItem key={k} value={k}>
            {t(`settings.kinds.${k}`)}
          </MenuItem>
        ))}
      </TextField>
      {field('code', { mono: true })}
      {pins ? (
        <>
          {field('fingerprint', { mono: true })}
          <FingerprintCompare seen={probe?.fingerprint ?? null} typed={form.fingerprint} />
        </>
      ) : (
        addressNote && <Typography color="text.secondary">{t(addressNote)}</Typography>
      )}
      {message && (
        <Alert
          severity={message.ok ? 'success' : 'error'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="hall-message"
        >
          {message.text}
        </Alert>
      )}
      <Box>
        <Button
          variant="contained"
          size="large"
          onClick={() => void onEnrol()}
          disabled={busy !== null}
          data-testid="hall-enrol"
        >
          {busy === 'enrol' ? t('settings.enrolling') : t('settings.enrol')}
        </Button>
      </Box>
    </Stack>
  );
}

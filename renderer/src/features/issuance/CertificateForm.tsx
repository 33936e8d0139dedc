// The certificate form of an approved (or voided) case: the type's fields pre-filled from the
// case, and how the number is obtained — allocated by the system at the moment of issue, or the
// number the national supervision system assigned, typed in.
import { useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Button,
  FormControlLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseState, CertificateType } from '../../domain';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { editableFields, missingValues, type CertificateValues } from './certificateData';

export interface IssueRequest {
  values: CertificateValues;
  external: boolean;
  number: string;
}

export function CertificateForm({
  type,
  initial,
  printChoice,
  submitLabel,
  busy,
  allocateBlocked = null,
  onSubmit,
}: {
  state: CaseState;
  type: CertificateType;
  initial: CertificateValues;
  /** How the certificate will print (套打 / 整页), shown just above the submit button. */
  printChoice?: ReactNode;
  submitLabel: string;
  busy: boolean;
  /** Why an internal number cannot be had now (the hall is unreachable); null when it can. */
  allocateBlocked?: string | null;
  onSubmit: (r: IssueRequest) => void;
}) {
  const { t } = useTranslation('issuance');
  const language = useSettingsStore((s) => s.settings.language);
  const [values, setValues] = useState<CertificateValues>(initial);
  const [mode, setMode] = useState<'allocate' | 'external'>('allocate');
  const [number, setNumber] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const fields = editableFields(type);
  const labelOf = (key: string) => {
    const f = fields.find((x) => x.key === key);
    return f ? (language === 'en' ? f.labelEn : f.label) : key;
  };

  const blocked = mode === 'allocate' && allocateBlocked !== null;

  const submit = () => {
    if (blocked) return;
    const m = missingValues(type, values);
    if (mode === 'external' && !number.trim()) m.push('externalNumber');
    setMissing(m);
    if (m.length > 0) return;
    onSubmit({
      values,
      external: mode === 'external',
      number: mode === 'external' ? number.trim() : '',
    });
  };

  return (
    <Box
      component="form"
      sx={{ display: 'grid', gap: 2 }}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="certificate-form"
    >
      <Typography color="text.secondary">
        {t('form.type', { name: language === 'en' ? type.nameEn : type.name })}
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { md: '1fr 1fr' } }}>
        {fields.map((f) => (
          <TextField
            key={f.key}
            label={language === 'en' ? f.labelEn : f.label}
            value={values[f.key] ?? ''}
            required={f.required}
            multiline={f.key === 'scale' || f.key === 'basis' || f.key === 'attachments'}
            error={missing.includes(f.key)}
            onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
            slotProps={{ htmlInput: { 'data-testid': `cert-field-${f.key}` } }}
          />
        ))}
      </Box>
      <RadioGroup
        row
        value={mode}
        onChange={(e) => setMode(e.target.value as 'allocate' | 'external')}
        aria-label={t('form.numberMode')}
      >
        <FormControlLabel
          value="allocate"
          control={<Radio slotProps={{ input: { 'data-testid': 'number-allocate' } as object }} />}
          label={t('form.allocate')}
        />
        <FormControlLabel
          value="external"
          control={<Radio slotProps={{ input: { 'data-testid': 'number-external' } as object }} />}
          label={t('form.external')}
        />
      </RadioGroup>
      {mode === 'external' && (
        <TextField
          label={t('form.externalNumber')}
          helperText={t('form.externalHint')}
          value={number}
          error={missing.includes('externalNumber')}
          onChange={(e) => setNumber(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'external-number' } }}
        />
      )}
      {missing.length > 0 && (
        <Alert severity="warning" role="alert">
          {t('form.missing', {
            fields: missing
              .map((k) => (k === 'externalNumber' ? t('form.externalNumber') : labelOf(k)))
              .join('、'),
          })}
        </Alert>
      )}
      {blocked && (
        <Alert severity="warning" id="issue-blocked-reason" data-testid="issue-blocked-reason">
          {allocateBlocked}
        </Alert>
      )}
      {printChoice}
      <Box>
        <Button
          type="submit"
          variant="contained"
          size="large"
          disabled={busy || blocked}
          aria-describedby={blocked ? 'issue-blocked-reason' : undefined}
          data-testid="issue-submit"
        >
          {submitLabel}
        </Button>
      </Box>
    </Box>
  );
}

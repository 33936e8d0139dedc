// Who asked: the applicant's name, a phone to reach them, and the clerk's notes. All optional —
// a walk-in may not give a name — but a phone, when given, must be one that can be dialled.
// Read-only (a saved session looked at again) the phone is masked, as in the session list.
import { Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { maskPhone } from '../../domain/mask';
import { MAX_NAME, MAX_NOTES, type CounsellingForm } from './model';

type Fields = Pick<CounsellingForm, 'applicantName' | 'contactPhone' | 'notes'>;

interface Props {
  value: Fields;
  onChange?: (patch: Partial<Fields>) => void;
  phoneError?: boolean;
}

export function ApplicantFields({ value, onChange, phoneError }: Props) {
  const { t } = useTranslation('counselling');
  const readOnly = !onChange;
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h3" component="h2" gutterBottom>
        {t('applicant.title')}
      </Typography>
      <Stack direction="row" spacing={2}>
        <TextField
          label={t('applicant.name')}
          value={value.applicantName}
          onChange={(e) => onChange?.({ applicantName: e.target.value })}
          slotProps={{
            htmlInput: { maxLength: MAX_NAME, readOnly, 'data-testid': 'applicant-name' },
          }}
        />
        <TextField
          label={t('applicant.phone')}
          value={readOnly ? maskPhone(value.contactPhone) : value.contactPhone}
          onChange={(e) => onChange?.({ contactPhone: e.target.value.replace(/\s/g, '') })}
          error={phoneError}
          helperText={phoneError ? t('problem.bad_phone') : t('applicant.phoneHelp')}
          slotProps={{
            htmlInput: {
              maxLength: 20,
              inputMode: 'tel',
              readOnly,
              'data-testid': 'applicant-phone',
            },
          }}
        />
      </Stack>
      <TextField
        sx={{ mt: 2 }}
        label={t('applicant.notes')}
        value={value.notes}
        onChange={(e) => onChange?.({ notes: e.target.value })}
        multiline
        minRows={2}
        slotProps={{ htmlInput: { maxLength: MAX_NOTES, readOnly, 'data-testid': 'notes' } }}
      />
    </Paper>
  );
}

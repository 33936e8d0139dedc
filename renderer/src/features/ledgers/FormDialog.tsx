// One small form dialog for every ledger entry: fields described as data, labels from the
// ledgers namespace, the refused fields marked with the message saying what to fix. Enter in a
// single-line field saves; Esc cancels; the first field has focus.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';

export interface FieldSpec {
  key: string;
  type?: 'text' | 'date' | 'multiline' | 'select' | 'check';
  options?: readonly string[];
  /** Key prefix of the option labels, e.g. 'source.' */
  optionPrefix?: string;
  required?: boolean;
}

export type FormValues = Record<string, string>;

export function FormDialog({
  title,
  fields,
  initial,
  onSave,
  onClose,
  testId,
}: {
  title: string;
  fields: readonly FieldSpec[];
  initial: FormValues;
  /** Returns the problems (field keys and message), or null when saved. */
  onSave: (values: FormValues) => Promise<{ fields: string[]; message: string } | null>;
  onClose: () => void;
  testId: string;
}) {
  const { t } = useTranslation('ledgers');
  const [values, setValues] = useState<FormValues>(initial);
  const [problem, setProblem] = useState<{ fields: string[]; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (busy) return;
    setBusy(true);
    const p = await onSave(values);
    setBusy(false);
    if (p) setProblem(p);
    else onClose();
  };
  const set = (k: string, v: string) => setValues((s) => ({ ...s, [k]: v }));
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" data-testid={testId}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack
          component="form"
          spacing={2}
          sx={{ pt: 1 }}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {problem && <Alert severity="error">{problem.message}</Alert>}
          {fields.map((f, i) => {
            const label = t(`field.${f.key}`);
            const error = problem?.fields.includes(f.key) ?? false;
            if (f.type === 'check') {
              return (
                <FormControlLabel
                  key={f.key}
                  control={
                    <Checkbox
                      checked={values[f.key] === 'yes'}
                      onChange={(e) => set(f.key, e.target.checked ? 'yes' : '')}
                    />
                  }
                  label={label}
                />
              );
            }
            return (
              <TextField
                key={f.key}
                autoFocus={i === 0}
                label={label}
                required={f.required}
                error={error}
                helperText={
                  error ? t(`hint.${f.key}`, { defaultValue: '' }) || undefined : undefined
                }
                value={values[f.key] ?? ''}
                onChange={(e) => set(f.key, e.target.value)}
                type={f.type === 'date' ? 'date' : 'text'}
                multiline={f.type === 'multiline'}
                minRows={f.type === 'multiline' ? 2 : undefined}
                select={f.type === 'select'}
                slotProps={{
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-field': f.key },
                }}
              >
                {f.type === 'select'
                  ? (f.options ?? []).map((o) => (
                      <MenuItem key={o} value={o}>
                        {t(`${f.optionPrefix ?? ''}${o}`)}
                      </MenuItem>
                    ))
                  : undefined}
              </TextField>
            );
          })}
          <button type="submit" hidden />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('action.cancel')}</Button>
        <Button
          variant="contained"
          onClick={() => void save()}
          disabled={busy}
          data-testid={`${testId}-save`}
        >
          {t('action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

// Small pieces shared by the print settings sections: saving with a status line, a millimetre
// number field that keeps what the clerk typed until it is valid, and the printer choices.
import { useState, type ReactNode } from 'react';
import { Alert, InputAdornment, MenuItem, Paper, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SettingsPatch } from '../../../../electron/contract';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { useHostErrorText } from '../shared/useHostErrorText';

export type Status = { ok: boolean; text: string } | null;

/** A printer as the host lists it. */
export type Printer = { name: string; displayName: string };

/** Saves a patch through the host and says how it went, in the user's language. */
export function useSaveWithStatus() {
  const { t } = useTranslation('printSettings');
  const hostErrorText = useHostErrorText();
  const save = useSettingsStore((s) => s.save);
  const [status, setStatus] = useState<Status>(null);
  const run = async (patch: SettingsPatch): Promise<boolean> => {
    try {
      await save(patch);
      setStatus({ ok: true, text: t('saved') });
      return true;
    } catch (e) {
      setStatus({ ok: false, text: t('saveFailed', { message: hostErrorText(e) }) });
      return false;
    }
  };
  return { status, setStatus, save: run };
}

export function StatusLine({ status, testId }: { status: Status; testId: string }) {
  if (!status) return null;
  return (
    <Alert
      severity={status.ok ? 'success' : 'error'}
      sx={{ mt: 2 }}
      role="status"
      data-testid={testId}
    >
      {status.text}
    </Alert>
  );
}

export function Section({
  title,
  help,
  children,
  testId,
}: {
  title: string;
  help?: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Paper sx={{ p: 3, mb: 3 }} data-testid={testId} component="section">
      <Typography variant="h3" component="h2" gutterBottom>
        {title}
      </Typography>
      {help && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 900 }}>
          {help}
        </Typography>
      )}
      {children}
    </Paper>
  );
}

/** A number in mm (or pt) as typed; `valid` is decided by the caller's schema. */
export function NumberField({
  label,
  hideLabel = false,
  value,
  onChange,
  valid,
  unit,
  testId,
  width = 130,
  step = 0.1,
  helperText,
}: {
  label: string;
  /** In a table the column header names the value: the label is for screen readers only. */
  hideLabel?: boolean;
  value: string;
  onChange: (v: string) => void;
  valid: boolean;
  unit?: string;
  testId: string;
  width?: number;
  step?: number;
  helperText?: string;
}) {
  return (
    <TextField
      label={hideLabel ? undefined : label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={!valid}
      helperText={helperText}
      size="small"
      type="number"
      sx={{ width }}
      slotProps={{
        htmlInput: { step, 'data-testid': testId, inputMode: 'decimal', 'aria-label': label },
        input: unit ? { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> } : {},
      }}
    />
  );
}

/** '' (system default), the printers the host lists, and a saved one that is not connected. */
export function printerChoices(
  listed: readonly { name: string; displayName: string }[],
  saved: string[],
) {
  const names = new Set(listed.map((p) => p.name));
  const missing = [...new Set(saved)].filter((n) => n && !names.has(n));
  return { listed, missing };
}

/** Menu items for a printer Select (MUI's Select needs its items as direct children). */
export function printerMenuItems(
  listed: readonly { name: string; displayName: string }[],
  missing: string[],
  emptyLabel: string,
  missingLabel: (name: string) => string,
) {
  return [
    <MenuItem key="" value="">
      {emptyLabel}
    </MenuItem>,
    ...listed.map((p) => (
      <MenuItem key={p.name} value={p.name}>
        {p.displayName || p.name}
      </MenuItem>
    )),
    ...missing.map((n) => (
      <MenuItem key={n} value={n}>
        {missingLabel(n)}
      </MenuItem>
    )),
  ];
}

/** '12.5' → 12.5; '' or junk → NaN (which every schema refuses). */
export const toNumber = (s: string): number => (s.trim() === '' ? NaN : Number(s));

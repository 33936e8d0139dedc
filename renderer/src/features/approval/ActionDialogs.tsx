// The dialogs of the step screen: return (reason), suspend (kind, reason, expected working
// days), resume (optional note), extend (reason) and deny (reasons and legal basis). Each keeps
// what was typed when the domain refuses, and shows the refusal inside the dialog.
import { useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SuspensionKind } from '../../domain';
import { parseExpectedDays } from './stepRules';

const KINDS: SuspensionKind[] = ['hearing', 'inspection', 'testing', 'expertReview', 'other'];

function ActionDialog({
  open,
  title,
  hint,
  error,
  busy,
  onCancel,
  onConfirm,
  children,
  testId,
}: {
  open: boolean;
  title: string;
  hint?: string;
  error: string | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation('approval');
  return (
    <Dialog open={open} onClose={onCancel} fullWidth maxWidth="sm" data-testid={testId}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {hint && <Typography color="text.secondary">{hint}</Typography>}
          {children}
          {error && (
            <Alert severity="error" data-testid="action-error">
              {error}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
        <Button
          variant="contained"
          onClick={onConfirm}
          disabled={busy}
          data-testid="action-confirm"
        >
          {t('action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

interface Common {
  open: boolean;
  error: string | null;
  busy: boolean;
  onCancel: () => void;
}

function useRequired() {
  const [tried, setTried] = useState(false);
  return { tried, check: (...values: string[]) => (setTried(true), values.every((v) => v.trim())) };
}

export function ReasonDialog({
  title,
  hint,
  onConfirm,
  testId,
  optional = false,
  label,
  ...common
}: Common & {
  title: string;
  hint?: string;
  label?: string;
  optional?: boolean;
  testId: string;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation('approval');
  const [reason, setReason] = useState('');
  const req = useRequired();
  const missing = !optional && req.tried && !reason.trim();
  return (
    <ActionDialog
      {...common}
      title={title}
      hint={hint}
      testId={testId}
      onConfirm={() => (optional || req.check(reason)) && onConfirm(reason.trim())}
    >
      <TextField
        autoFocus
        multiline
        minRows={3}
        label={label ?? t('dialog.reason')}
        value={reason}
        required={!optional}
        error={missing}
        helperText={missing ? t('dialog.required') : ' '}
        onChange={(e) => setReason(e.target.value)}
        slotProps={{ htmlInput: { 'data-testid': `${testId}-reason` } }}
      />
    </ActionDialog>
  );
}

export function SuspendDialog({
  onConfirm,
  ...common
}: Common & {
  onConfirm: (v: { kind: SuspensionKind; reason: string; expectedDays: number }) => void;
}) {
  const { t } = useTranslation('approval');
  const [kind, setKind] = useState<SuspensionKind>('expertReview');
  const [reason, setReason] = useState('');
  const [days, setDays] = useState('5');
  const req = useRequired();
  const parsed = parseExpectedDays(days);
  return (
    <ActionDialog
      {...common}
      title={t('dialog.suspend.title')}
      hint={t('dialog.suspend.hint')}
      testId="dialog-suspend"
      onConfirm={() => {
        if (req.check(reason) && parsed !== null)
          onConfirm({ kind, reason: reason.trim(), expectedDays: parsed });
      }}
    >
      <TextField
        select
        label={t('dialog.suspend.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as SuspensionKind)}
        slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'suspend-kind' } as object } }}
      >
        {KINDS.map((k) => (
          <MenuItem key={k} value={k} data-testid={`suspend-kind-${k}`}>
            {t(`kind.${k}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        autoFocus
        multiline
        minRows={2}
        required
        label={t('dialog.reason')}
        value={reason}
        error={req.tried && !reason.trim()}
        helperText={req.tried && !reason.trim() ? t('dialog.required') : ' '}
        onChange={(e) => setReason(e.target.value)}
        slotProps={{ htmlInput: { 'data-testid': 'dialog-suspend-reason' } }}
      />
      <TextField
        required
        label={t('dialog.suspend.expectedDays')}
        value={days}
        error={parsed === null}
        helperText={parsed === null ? t('dialog.daysInvalid') : ' '}
        onChange={(e) => setDays(e.target.value)}
        slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'suspend-days' } }}
      />
    </ActionDialog>
  );
}

export function DenyDialog({
  onConfirm,
  ...common
}: Common & { onConfirm: (v: { reason: string; legalBasis: string }) => void }) {
  const { t } = useTranslation('approval');
  const [reason, setReason] = useState('');
  const [basis, setBasis] = useState(() => t('dialog.deny.legalBasisDefault'));
  const req = useRequired();
  return (
    <ActionDialog
      {...common}
      title={t('dialog.deny.title')}
      hint={t('dialog.deny.hint')}
      testId="dialog-deny"
      onConfirm={() =>
        req.check(reason, basis) && onConfirm({ reason: reason.trim(), legalBasis: basis.trim() })
      }
    >
      <TextField
        autoFocus
        multiline
        minRows={3}
        required
        label={t('dialog.deny.reason')}
        value={reason}
        error={req.tried && !reason.trim()}
        helperText={req.tried && !reason.trim() ? t('dialog.required') : ' '}
        onChange={(e) => setReason(e.target.value)}
        slotProps={{ htmlInput: { 'data-testid': 'dialog-deny-reason' } }}
      />
      <TextField
        multiline
        required
        label={t('dialog.deny.legalBasis')}
        value={basis}
        error={req.tried && !basis.trim()}
        helperText={req.tried && !basis.trim() ? t('dialog.required') : ' '}
        onChange={(e) => setBasis(e.target.value)}
        slotProps={{ htmlInput: { 'data-testid': 'dialog-deny-basis' } }}
      />
    </ActionDialog>
  );
}

// The dialogs of the three decisions that need more than a click: 容缺 (which items, by when,
// the commitment), 补正 (every missing item at once, shown before it is sent), 不予受理 (ground,
// detail, and the right agency when the matter is outside the remit). 补正 lives in SupplementDialog.tsx.
import { useState } from 'react';
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
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useProposedDate } from '../calendar/useProposedDate';
import type { ChecklistItem, RefusalGround } from '../../domain';

export type DecisionInput =
  | { type: 'accept' }
  | { type: 'acceptWithDeficiencies'; itemIds: string[]; dueOn: string; commitment: string }
  | {
      type: 'requestSupplement';
      /** 补正要求及标准 by material id, as the clerk left it ('' → the general standard). */
      requirements: Record<string, string>;
      dueOn: string;
    }
  | { type: 'refuse'; ground: RefusalGround; detail: string; rightAgency?: string };

export function Frame({
  title,
  children,
  onCancel,
  onConfirm,
  busy,
  error,
}: {
  title: string;
  children: React.ReactNode;
  onCancel: () => void;
  onConfirm: () => void;
  busy: boolean;
  error?: string | null;
}) {
  const { t } = useTranslation('intake');
  return (
    <Dialog open onClose={onCancel} maxWidth="sm" fullWidth>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent dividers>
        {children}
        {error && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }} data-testid="decision-error">
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{t('dialog.cancel')}</Button>
        <Button
          variant="contained"
          onClick={onConfirm}
          disabled={busy}
          data-testid="decision-confirm"
        >
          {t('dialog.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** What the dialogs of the decisions about missing materials (容缺, 补正) are given. */
export interface MissingItemsDialogProps {
  missing: ChecklistItem[];
  today: string;
  busy: boolean;
  error?: string | null;
  onCancel: () => void;
  onConfirm: (d: DecisionInput) => void;
}

/** Working days an applicant is offered by default to supply a deferred item. */
const DEFAULT_PROMISE_DAYS = 10;

export function DeficienciesDialog({
  missing,
  today,
  busy,
  error,
  onCancel,
  onConfirm,
}: MissingItemsDialogProps) {
  const { t, i18n } = useTranslation('intake');
  const deferrable = missing.filter((m) => m.deferrable);
  const [ids, setIds] = useState(deferrable.map((m) => m.id));
  const { date: dueOn, setDate: setDueOn, estimate } = useProposedDate(today, DEFAULT_PROMISE_DAYS);
  const [commitment, setCommitment] = useState(t('deficiencies.commitmentDefault'));
  return (
    <Frame
      title={t('deficiencies.title')}
      busy={busy}
      error={error}
      onCancel={onCancel}
      onConfirm={() =>
        onConfirm({ type: 'acceptWithDeficiencies', itemIds: ids, dueOn, commitment })
      }
    >
      <Stack spacing={2}>
        <Typography sx={{ fontWeight: 600 }}>{t('deficiencies.items')}</Typography>
        {deferrable.length === 0 && <Typography>{t('deficiencies.none')}</Typography>}
        {deferrable.map((m) => (
          <FormControlLabel
            key={m.id}
            control={
              <Checkbox
                checked={ids.includes(m.id)}
                onChange={(e) =>
                  setIds((s) => (e.target.checked ? [...s, m.id] : s.filter((x) => x !== m.id)))
                }
              />
            }
            label={i18n.language === 'en' ? m.nameEn : m.name}
          />
        ))}
        <TextField
          type="date"
          label={t('deficiencies.due')}
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
          helperText={estimate || ' '}
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'deficiency-due' },
          }}
        />
        <TextField
          multiline
          minRows={2}
          label={t('deficiencies.commitment')}
          value={commitment}
          onChange={(e) => setCommitment(e.target.value)}
        />
      </Stack>
    </Frame>
  );
}

const GROUNDS: RefusalGround[] = ['noLicenceNeeded', 'outsideRemit', 'falseMaterials', 'other'];

export function RefuseDialog({
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  busy: boolean;
  error?: string | null;
  onCancel: () => void;
  onConfirm: (d: DecisionInput) => void;
}) {
  const { t } = useTranslation('intake');
  const [ground, setGround] = useState<RefusalGround>('outsideRemit');
  const [detail, setDetail] = useState('');
  const [rightAgency, setRightAgency] = useState('');
  return (
    <Frame
      title={t('refuse.title')}
      busy={busy}
      error={error}
      onCancel={onCancel}
      onConfirm={() =>
        onConfirm({
          type: 'refuse',
          ground,
          detail,
          ...(ground === 'outsideRemit' ? { rightAgency } : {}),
        })
      }
    >
      <Stack spacing={2}>
        <TextField
          select
          label={t('refuse.ground')}
          value={ground}
          onChange={(e) => setGround(e.target.value as RefusalGround)}
          slotProps={{ htmlInput: { 'data-testid': 'refuse-ground' } }}
        >
          {GROUNDS.map((g) => (
            <MenuItem key={g} value={g}>
              {t(`refuse.ground.${g}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          multiline
          minRows={2}
          label={t('refuse.detail')}
          value={detail}
          onChange={(e) => setDetail(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'refuse-detail' } }}
        />
        {ground === 'outsideRemit' && (
          <TextField
            label={t('refuse.rightAgency')}
            value={rightAgency}
            onChange={(e) => setRightAgency(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'refuse-agency' } }}
          />
        )}
      </Stack>
    </Frame>
  );
}

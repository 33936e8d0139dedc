// Transfer the ticket at the window to another business or to one named window (its issue time
// kept, so it waits where it would have been). One list: the businesses, then the windows.
import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  BUSINESS_TYPES,
  type BusinessType,
  type FloorWindow,
  type Ticket,
} from '../../domain/floor/types';

export function TransferDialog({
  open,
  ticket,
  windows,
  onClose,
  onTransfer,
}: {
  open: boolean;
  ticket: Ticket;
  windows: FloorWindow[];
  onClose: () => void;
  onTransfer: (to: { business?: BusinessType; window?: string }) => void;
}) {
  const { t } = useTranslation('queue');
  const [choice, setChoice] = useState('');
  const options = [
    ...BUSINESS_TYPES.filter((b) => b !== ticket.business).map((b) => ({
      value: `b:${b}`,
      label: t('panel.transferBusiness', { name: t(`business.${b}`) }),
    })),
    ...windows.map((w) => ({
      value: `w:${w.id}`,
      label: t('panel.transferWindow', { number: w.number }),
    })),
  ];
  const submit = () => {
    if (choice.startsWith('b:')) onTransfer({ business: choice.slice(2) as BusinessType });
    else if (choice.startsWith('w:')) onTransfer({ window: choice.slice(2) });
  };
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="transfer-title">
      <DialogTitle id="transfer-title">
        {t('panel.transfer')} · {ticket.number}
      </DialogTitle>
      <DialogContent>
        <TextField
          select
          fullWidth
          autoFocus
          label={t('panel.transferTo')}
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          sx={{ mt: 1, minWidth: 320 }}
        >
          {options.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('panel.cancel')}</Button>
        <Button variant="contained" disabled={!choice} onClick={submit}>
          {t('panel.transferConfirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

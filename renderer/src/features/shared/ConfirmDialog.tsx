// A question before something that cannot be undone, as an app dialog (never the browser's
// confirm(): it blocks the window, cannot be styled or tested, and reads in the browser's
// language). Cancel has the focus, so Enter on a reflex keeps the work.
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@mui/material';

interface Props {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
}

export function ConfirmDialog(p: Props) {
  return (
    <Dialog open={p.open} onClose={p.onCancel} data-testid={p.testId}>
      <DialogTitle>{p.title}</DialogTitle>
      <DialogContent>
        <Typography>{p.body}</Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={p.onCancel} autoFocus data-testid={`${p.testId}-cancel`}>
          {p.cancelLabel}
        </Button>
        <Button color="error" onClick={p.onConfirm} data-testid={`${p.testId}-confirm`}>
          {p.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

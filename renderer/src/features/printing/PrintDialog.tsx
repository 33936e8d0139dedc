// The print dialog of every paper: a true-scale preview, then 打印 (archive + print). A failed
// print shows the host's message and can be retried; the archived copy is kept once. The message
// says what was kept: PDFs, or — where the host cannot make a PDF — the papers as printed (HTML).
import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
} from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { useTranslation } from 'react-i18next';
import { PrintPreview } from '../../print';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { useHostErrorText } from '../shared/useHostErrorText';
import type { ArchiveFormat } from '../../../../electron/contract';
import { archive, sendToPrinter, type PrintJob } from './printService';
import { OfficeGapsAlert } from './OfficeGapsAlert';

export interface PrintDialogProps {
  jobs: PrintJob[];
  open: boolean;
  onClose: (printed: boolean) => void;
  /** Archive id of the original when this is a reprint. */
  reprintOf?: string;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; archived: number; asHtml: number }
  | { kind: 'error'; text: string };

type Archived = Record<number, { id: string; format: ArchiveFormat }>;

export function PrintDialog({ jobs, open, onClose, reprintOf }: PrintDialogProps) {
  const { t } = useTranslation('printing');
  const errorText = useHostErrorText();
  const language = useSettingsStore((s) => s.settings.language);
  const [index, setIndex] = useState(0);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // Archive once per job even if printing is retried.
  const [archived, setArchived] = useState<Archived>({});
  const job = jobs[index];

  const printAll = async () => {
    setStatus({ kind: 'busy' });
    const done = { ...archived };
    for (const [i, j] of jobs.entries()) {
      if (!done[i]) {
        const a = await archive(j, reprintOf);
        if ('error' in a) {
          setArchived(done);
          setStatus({ kind: 'error', text: t('archiveFailed', { message: errorText(a.error) }) });
          return;
        }
        done[i] = { id: a.id, format: a.format };
      }
      try {
        await sendToPrinter(j);
      } catch (e) {
        setArchived(done);
        setStatus({ kind: 'error', text: t('printFailed', { message: errorText(e) }) });
        return;
      }
    }
    setArchived(done);
    const kept = Object.values(done);
    setStatus({
      kind: 'done',
      archived: kept.length,
      asHtml: kept.filter((a) => a.format === 'html').length,
    });
  };

  if (!job) return null;
  return (
    <Dialog open={open} onClose={() => onClose(status.kind === 'done')} maxWidth="lg" fullWidth>
      <DialogTitle>{t('title', { title: job.title })}</DialogTitle>
      <DialogContent dividers sx={{ bgcolor: '#e9ecf1' }}>
        {jobs.length > 1 && (
          <Stack direction="row" spacing={1} sx={{ mb: 1 }}>
            {jobs.map((j, i) => (
              <Button
                key={j.docType}
                variant={i === index ? 'contained' : 'outlined'}
                onClick={() => setIndex(i)}
                size="medium"
              >
                {j.title}
              </Button>
            ))}
          </Stack>
        )}
        <PrintPreview document={job.doc} locale={language} initialZoom="fit" />
      </DialogContent>
      <OfficeGapsAlert jobs={jobs} />
      {status.kind === 'error' && (
        <Alert severity="error" role="alert" sx={{ mx: 3, mt: 2 }}>
          {status.text}
        </Alert>
      )}
      {status.kind === 'done' && (
        <Alert severity="success" role="status" sx={{ mx: 3, mt: 2 }}>
          {status.asHtml > 0
            ? t('doneHtml', { count: jobs.length, archived: status.archived })
            : t('done', { count: jobs.length, archived: status.archived })}
        </Alert>
      )}
      <DialogActions>
        <Button onClick={() => onClose(status.kind === 'done')}>{t('close')}</Button>
        <Button
          variant="contained"
          startIcon={<PrintIcon />}
          onClick={() => void printAll()}
          disabled={status.kind === 'busy'}
          autoFocus
          data-testid="print-confirm"
        >
          {status.kind === 'error' ? t('retry') : t('print', { count: jobs.length })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

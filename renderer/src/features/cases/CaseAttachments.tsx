// Scans attached at intake. Their bytes are kept by the host under their SHA-256; the files table
// links them to the case. Opening fetches the bytes and shows them from a blob URL.
import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { FileMetaRow } from '../../data/db';
import { host } from '../../host';
import { useHostErrorText } from '../shared/useHostErrorText';
import { Section } from '../shared/Section';

export interface AttachmentInfo {
  sha256: string;
  name: string;
  mime: string;
  size: number | null;
}

/** Reads an attachment row whatever fields the intake stored beyond the id. */
export function attachmentInfo(row: FileMetaRow): AttachmentInfo {
  const d = (row.data ?? {}) as Partial<
    Record<'sha256' | 'id' | 'name' | 'mime' | 'size', unknown>
  >;
  const s = (v: unknown, fallback: string) => (typeof v === 'string' && v ? v : fallback);
  const sha256 = s(d.sha256, s(d.id, row.id));
  return {
    sha256,
    name: s(d.name, sha256.slice(0, 12)),
    mime: s(d.mime, 'application/octet-stream'),
    size: typeof d.size === 'number' ? d.size : null,
  };
}

export function CaseAttachments({ rows }: { rows: FileMetaRow[] }) {
  const { t } = useTranslation('cases');
  const hostErrorText = useHostErrorText();
  const [opened, setOpened] = useState<(AttachmentInfo & { url: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => () => (opened ? URL.revokeObjectURL(opened.url) : undefined), [opened]);

  const open = async (a: AttachmentInfo) => {
    setError(null);
    try {
      const { bytes } = await host.attachmentsGet({ id: a.sha256 });
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: a.mime }));
      setOpened({ ...a, url });
    } catch (e) {
      setError(t('attachments.openFailed', { name: a.name, message: hostErrorText(e) }));
    }
  };

  const items = rows.map(attachmentInfo);
  return (
    <Section id="attachments" title={t('section.attachments')}>
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }}>
          {error}
        </Alert>
      )}
      {items.length === 0 ? (
        <Typography color="text.secondary">{t('attachments.empty')}</Typography>
      ) : (
        <List dense>
          {items.map((a) => (
            <ListItem
              key={a.sha256}
              secondaryAction={
                <Button variant="outlined" size="medium" onClick={() => void open(a)}>
                  {t('attachments.open')}
                </Button>
              }
            >
              <ListItemText
                primary={a.name}
                secondary={
                  a.size === null
                    ? a.mime
                    : t('attachments.size', { mime: a.mime, kb: Math.ceil(a.size / 1024) })
                }
              />
            </ListItem>
          ))}
        </List>
      )}
      {opened && (
        <Dialog open onClose={() => setOpened(null)} maxWidth="lg" fullWidth>
          <DialogTitle>{opened.name}</DialogTitle>
          {/* Scrolls when the paper is tall: reachable by keyboard to scroll it. */}
          <DialogContent dividers tabIndex={0}>
            {opened.mime.startsWith('image/') ? (
              <img src={opened.url} alt={opened.name} style={{ maxWidth: '100%' }} />
            ) : (
              <iframe
                title={opened.name}
                src={opened.url}
                style={{ width: '100%', height: '70vh', border: 0 }}
              />
            )}
          </DialogContent>
          <DialogActions>
            <Link href={opened.url} download={opened.name} sx={{ mr: 'auto', ml: 2 }}>
              {t('attachments.download')}
            </Link>
            <Button onClick={() => setOpened(null)} autoFocus>
              {t('common.close')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </Section>
  );
}

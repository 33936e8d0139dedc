// Every paper printed for the case, from the print records: reopen the archived paper (its hash
// is checked by the host; a mismatch is said plainly) — the PDF, or where the host could make
// none the HTML as printed, shown in the sandboxed preview — or reprint the very same HTML,
// which is archived again and recorded as a reprint pointing at the original.
import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PrintRecord } from '../../data/prints';
import { host, HostError } from '../../host';
import { PrintPreview } from '../../print';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { PrintDialog } from '../printing/PrintDialog';
import { reprintJob, type PrintJob } from '../printing/printService';
import { useHostErrorText } from '../shared/useHostErrorText';
import { Section } from '../shared/Section';
import { formatTime } from './caseFormat';

interface Opened {
  record: PrintRecord;
  url: string;
  /** The archived HTML when no PDF was made (a plain browser); null for a PDF. */
  html: string | null;
}

export function CasePapers({ prints }: { prints: PrintRecord[] }) {
  const { t, i18n } = useTranslation('cases');
  const hostErrorText = useHostErrorText();
  const language = useSettingsStore((s) => s.settings.language);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [reprint, setReprint] = useState<{ job: PrintJob; of: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => () => (opened ? URL.revokeObjectURL(opened.url) : undefined), [opened]);

  const byId = new Map(prints.map((p) => [p.archiveId, p]));

  const reopen = async (record: PrintRecord) => {
    setError(null);
    try {
      const { meta, bytes } = await host.archiveGet({ id: record.archiveId });
      const html = meta.format === 'html' ? new TextDecoder().decode(bytes) : null;
      const type = html === null ? 'application/pdf' : 'text/html';
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
      setOpened({ record, url, html });
    } catch (e) {
      setError(
        e instanceof HostError && e.code === 'integrity'
          ? t('papers.integrity', { title: record.title, id: record.archiveId })
          : t('papers.openFailed', { message: hostErrorText(e) }),
      );
    }
  };

  const startReprint = async (record: PrintRecord) => {
    setError(null);
    const job = await reprintJob(record.archiveId);
    if (job) setReprint({ job, of: record.archiveId });
    else setError(t('papers.noRecord', { id: record.archiveId }));
  };

  return (
    <Section id="papers" title={t('section.papers')}>
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }} data-testid="papers-error">
          {error}
        </Alert>
      )}
      {prints.length === 0 ? (
        <Typography color="text.secondary">{t('papers.empty')}</Typography>
      ) : (
        <Table size="small" data-testid="papers">
          <TableHead>
            <TableRow>
              <TableCell>{t('papers.title')}</TableCell>
              <TableCell>{t('papers.when')}</TableCell>
              <TableCell>{t('papers.by')}</TableCell>
              <TableCell>{t('papers.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {prints.map((p) => {
              const original = p.reprintOf ? byId.get(p.reprintOf) : undefined;
              return (
                <TableRow key={p.archiveId} data-testid={`paper-${p.archiveId}`}>
                  <TableCell>
                    {p.title}
                    <Typography
                      sx={{ fontFamily: 'monospace', fontSize: '0.85rem', wordBreak: 'break-all' }}
                      color="text.secondary"
                    >
                      {t('papers.archiveId')} {p.archiveId}
                    </Typography>
                    {p.format === 'html' && (
                      <Typography
                        color="text.secondary"
                        sx={{ fontSize: '0.9rem' }}
                        data-testid="paper-format"
                      >
                        {t('papers.keptAsHtml')}
                      </Typography>
                    )}
                    {p.reprintOf && (
                      <Typography
                        color="text.secondary"
                        sx={{ fontSize: '0.9rem' }}
                        data-testid="reprint-of"
                      >
                        {t('papers.reprintOf', {
                          id: p.reprintOf,
                          when: original ? formatTime(original.printedAt, i18n.language) : '',
                        })}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {formatTime(p.printedAt, i18n.language)}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.by.name}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Stack direction="row" spacing={1}>
                      <Button
                        size="medium"
                        variant="outlined"
                        onClick={() => void reopen(p)}
                        data-testid="paper-open"
                      >
                        {t('papers.open')}
                      </Button>
                      <Button
                        size="medium"
                        variant="outlined"
                        onClick={() => void startReprint(p)}
                        data-testid="paper-reprint"
                      >
                        {t('papers.reprint')}
                      </Button>
                    </Stack>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {opened && (
        <Dialog open onClose={() => setOpened(null)} maxWidth="lg" fullWidth>
          <DialogTitle>{opened.record.title}</DialogTitle>
          {/* Scrolls when the paper is tall: reachable by keyboard to scroll it. */}
          <DialogContent dividers tabIndex={0}>
            <Typography sx={{ mb: 1 }}>
              {t(opened.html === null ? 'papers.verified' : 'papers.verifiedHtml', {
                sha: opened.record.sha256.slice(0, 16),
              })}
            </Typography>
            {opened.html === null ? (
              <iframe
                title={opened.record.title}
                src={opened.url}
                style={{ width: '100%', height: '70vh', border: '1px solid #b8c0cc' }}
              />
            ) : (
              // Never a blob: page of our origin: the archived HTML is shown sandboxed.
              <PrintPreview
                document={{ html: opened.html, paper: opened.record.paper }}
                locale={language}
                initialZoom="fit"
              />
            )}
          </DialogContent>
          <DialogActions>
            <Link
              href={opened.url}
              download={`${opened.record.archiveId}.${opened.html === null ? 'pdf' : 'html'}`}
              data-testid="paper-download"
              sx={{ mr: 'auto', ml: 2, fontSize: '1.05rem' }}
            >
              {t(opened.html === null ? 'papers.download' : 'papers.downloadHtml')}
            </Link>
            <Button onClick={() => setOpened(null)} autoFocus>
              {t('common.close')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
      {reprint && (
        <PrintDialog
          jobs={[reprint.job]}
          open
          reprintOf={reprint.of}
          onClose={() => setReprint(null)}
        />
      )}
    </Section>
  );
}

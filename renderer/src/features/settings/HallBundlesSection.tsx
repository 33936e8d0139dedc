// 设置 › 大厅同步 › 同步包 (issue 17 item 5): for a site with no network at all. 导出同步包 seals
// this station's records the hall has not acknowledged (the host signs them) and saves the file
// (Electron: the main process's save dialog; the browser: a download); 导入同步包 reads a hall
// bundle from a file and imports it through the pull's own path (data/sync/bundle.ts). Every
// refusal says why and what to do; nothing changes when a bundle is refused.
import { useRef, useState } from 'react';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../cases/caseFormat';
import { host } from '../../host';
import { appDb } from '../../data/stationDb';
import { exportStationBundle, importHallBundle, type BundleProblem } from '../../data/sync/bundle';
import { useSessionStore } from '../../app/stores/sessionStore';

type Message = { ok: boolean; text: string };

export function HallBundlesSection({ stationCode }: { stationCode: string }) {
  const { t, i18n } = useTranslation('sync');
  const user = useSessionStore((s) => s.user);
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const problemText = (p: BundleProblem): string => {
    switch (p.code) {
      case 'foreign':
        return t(`bundle.problem.foreign.${p.detail}`, { code: stationCode });
      case 'replayed':
        return t('bundle.problem.replayed', {
          at: formatTime(p.at, i18n.language),
        });
      case 'gap':
        return t('bundle.problem.gap', { from: p.after + 1, cursor: p.cursor });
      case 'fork':
        return t('bundle.problem.fork', { chain: p.chainId });
      default:
        return t(`bundle.problem.${p.code}`);
    }
  };

  const exportNow = async () => {
    if (!user) return;
    setBusy('export');
    setMessage(null);
    try {
      const r = await exportStationBundle(appDb(), user, host);
      if (!r.ok) return setMessage({ ok: false, text: problemText(r.problem) });
      const saved = await host.filesSaveFile({ suggestedName: r.fileName, bytes: r.bytes });
      if (saved.path === null) return setMessage({ ok: false, text: t('bundle.cancelled') });
      setMessage({
        ok: true,
        text: t('bundle.exported', { file: r.fileName, events: r.events, blobs: r.blobs }),
      });
    } catch {
      setMessage({ ok: false, text: t('bundle.failed') });
    } finally {
      setBusy(null);
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file || !user) return;
    setBusy('import');
    setMessage(null);
    try {
      const r = await importHallBundle(appDb(), user, await file.text(), host);
      if (!r.ok) return setMessage({ ok: false, text: problemText(r.problem) });
      setMessage({
        ok: true,
        text:
          r.stored === 0 && r.acknowledged === 0
            ? t('bundle.importedNothing')
            : t('bundle.imported', {
                stored: r.stored,
                held: r.held,
                acknowledged: r.acknowledged,
              }),
      });
    } catch {
      setMessage({ ok: false, text: t('bundle.failed') });
    } finally {
      setBusy(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <Paper sx={{ p: 3, mb: 3 }} data-testid="hall-bundles">
      <Typography variant="h3" component="h2" gutterBottom>
        {t('bundle.title')}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('bundle.help', { code: stationCode })}</Typography>
      <Stack direction="row" spacing={2} sx={{ mb: message ? 2 : 0 }}>
        <Button
          variant="contained"
          onClick={() => void exportNow()}
          disabled={busy !== null}
          data-testid="bundle-export"
        >
          {busy === 'export' ? t('bundle.exporting') : t('bundle.export')}
        </Button>
        <Button variant="outlined" component="label" disabled={busy !== null}>
          {busy === 'import' ? t('bundle.importing') : t('bundle.import')}
          <input
            ref={fileInput}
            hidden
            type="file"
            accept=".owb,application/json"
            data-testid="bundle-file"
            onChange={(e) => void importFile(e.target.files?.[0])}
          />
        </Button>
      </Stack>
      {message && (
        <Box>
          <Alert
            severity={message.ok ? 'success' : 'error'}
            role={message.ok ? 'status' : 'alert'}
            data-testid="bundle-message"
          >
            {message.text}
          </Alert>
        </Box>
      )}
    </Paper>
  );
}

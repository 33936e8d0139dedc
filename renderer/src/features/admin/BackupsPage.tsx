// Backups: the list kept by the host, back up now, export to a folder (a USB stick), and
// restore from a listed backup or from a file (in the browser: a file input).
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../cases/caseFormat';
import type { BackupInfo } from '../../../../electron/contract';
import { exportBackup } from '../../data/backup';
import type { OneWindowDb } from '../../data/db';
import { appDb } from '../../data/stationDb';
import { host } from '../../host';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { useSessionStore } from '../../app/stores/sessionStore';
import { useAuthErrorText } from '../auth/useAuthErrorText';
import { AdminPage } from './AdminOnly';
import { RestoreDialogs } from './RestoreDialogs';

export function BackupsPage({ db: given }: { db?: OneWindowDb }) {
  const { t } = useTranslation('admin');
  return (
    <AdminPage title={t('backups.title')}>
      <BackupsAdmin db={given ?? appDb()} />
    </AdminPage>
  );
}

const kindOf = (name: string) => /^onewindow-(auto|exit|manual)-/.exec(name)?.[1] ?? 'manual';
const sizeText = (n: number) =>
  n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

function BackupsAdmin({ db }: { db: OneWindowDb }) {
  const { t, i18n } = useTranslation('admin');
  const errorText = useAuthErrorText();
  const keep = useSettingsStore((s) => s.settings.backupKeep);
  const [items, setItems] = useState<BackupInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [restoring, setRestoring] = useState<Uint8Array | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const reload = useCallback(async () => {
    try {
      setItems((await host.backupsList({})).items);
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  }, [errorText]);
  useEffect(() => {
    void reload();
    // errorText is a fresh function each render; load once on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage({ ok: true, text: await work() });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
      void reload();
    }
  };

  const backupNow = () =>
    run(async () => {
      const { backup } = await host.backupsWrite({ bytes: await exportBackup(db), kind: 'manual' });
      return t('backups.done', { name: backup.name });
    });

  const exportOne = (name: string) =>
    run(async () => {
      const { path: folder } = await host.filesChooseFolder({ title: t('backups.export') });
      if (folder === null) return t('app:host.error.cancelled');
      const { path } = await host.backupsExport({ name, folder });
      return t('backups.exported', { path: path ?? folder });
    });

  const restoreListed = async (name: string) => {
    try {
      setRestoring((await host.backupsRead({ name })).bytes);
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  };

  const restoreFile = async (file: File | undefined) => {
    if (!file) return;
    setRestoring(new Uint8Array(await file.arrayBuffer()));
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <Stack spacing={2}>
      <Typography>{t('backups.intro', { keep })}</Typography>
      <Stack direction="row" spacing={2}>
        <Button variant="contained" onClick={backupNow} disabled={busy} data-testid="backup-now">
          {busy ? t('backups.working') : t('backups.now')}
        </Button>
        <Button variant="outlined" component="label" disabled={busy}>
          {t('backups.fromFile')}
          <input
            ref={fileInput}
            hidden
            type="file"
            accept=".owbak,application/octet-stream"
            data-testid="restore-file"
            onChange={(e) => void restoreFile(e.target.files?.[0])}
          />
        </Button>
      </Stack>
      {message && (
        <Alert severity={message.ok ? 'success' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
      <Typography variant="h2" sx={{ fontSize: '1.2rem' }}>
        {t('backups.list')}
      </Typography>
      {items && items.length === 0 && <Typography>{t('backups.none')}</Typography>}
      {items && items.length > 0 && (
        <Table size="small" aria-label={t('backups.list')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('backups.createdAt')}</TableCell>
              <TableCell>{t('backups.kind')}</TableCell>
              <TableCell>{t('backups.size')}</TableCell>
              <TableCell>{t('backups.name')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((b) => (
              <TableRow key={b.name} data-testid="backup-row">
                <TableCell>{formatTime(b.createdAt, i18n.language)}</TableCell>
                <TableCell>{t(`backups.kind.${kindOf(b.name)}`)}</TableCell>
                <TableCell>{sizeText(b.size)}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: '0.85rem' }}>
                  {b.name}
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1}>
                    <Button size="small" onClick={() => exportOne(b.name)} disabled={busy}>
                      {t('backups.export')}
                    </Button>
                    <Button
                      size="small"
                      color="warning"
                      onClick={() => restoreListed(b.name)}
                      disabled={busy}
                    >
                      {t('backups.restore')}
                    </Button>
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {restoring && (
        <RestoreDialogs
          db={db}
          bytes={restoring}
          onClose={() => setRestoring(null)}
          onRestored={() => {
            // Everything changed underneath: start again from the sign-in screen.
            useSessionStore.getState().signOut();
            window.location.reload();
          }}
        />
      )}
    </Stack>
  );
}

// 屏幕锁定: after how many minutes without input the screen locks — the station's setting, which
// only an administrator changes (the data layer checks the stored role); everyone else reads it.
import { useEffect, useState } from 'react';
import { Alert, Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import {
  IDLE_LOCK_MAX,
  IDLE_LOCK_MIN,
  IDLE_LOCK_SETTERS,
  loadIdleLockMinutes,
  saveIdleLockMinutes,
} from '../../data/idleLock';
import { appDb } from '../../data/stationDb';
import { currentActor, useSessionStore } from '../../app/stores/sessionStore';
import { useSettingsStore } from '../../app/stores/settingsStore';

export function IdleLockSettings() {
  const { t } = useTranslation('settings');
  const role = useSessionStore((s) => s.user?.role ?? '');
  const machine = useSettingsStore((s) => s.settings.idleLockMinutes);
  const minutes = useLiveQuery(() => loadIdleLockMinutes(appDb(), machine), [machine]);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; key: string } | null>(null);
  useEffect(() => {
    if (minutes !== undefined) setText(String(minutes));
  }, [minutes]);
  if (minutes === undefined) return null;
  const mayChange = IDLE_LOCK_SETTERS.includes(role);

  const save = async () => {
    const n = /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    const r = await saveIdleLockMinutes(appDb(), currentActor(), n);
    setStatus(
      r.ok ? { ok: true, key: 'idleLock.saved' } : { ok: false, key: `idleLock.refused.${r.code}` },
    );
  };

  return (
    <Paper sx={{ p: 3, mb: 3 }} component="section" aria-labelledby="idle-lock-title">
      <Typography variant="h3" component="h2" id="idle-lock-title" gutterBottom>
        {t('idleLock.title')}
      </Typography>
      {mayChange ? (
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
          <TextField
            label={t('idleLock.minutes')}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setStatus(null);
            }}
            error={status?.ok === false}
            helperText={t('idleLock.help', { min: IDLE_LOCK_MIN, max: IDLE_LOCK_MAX })}
            sx={{ width: 380 }}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'idle-lock-minutes' } }}
          />
          <Button variant="contained" onClick={() => void save()} data-testid="idle-lock-save">
            {t('idleLock.save')}
          </Button>
        </Box>
      ) : (
        <Typography data-testid="idle-lock-readonly">
          {t('idleLock.readOnly', { minutes })}
        </Typography>
      )}
      {status && (
        <Alert
          severity={status.ok ? 'success' : 'error'}
          role={status.ok ? 'status' : 'alert'}
          sx={{ mt: 2 }}
          data-testid="idle-lock-status"
        >
          {t(status.key, { min: IDLE_LOCK_MIN, max: IDLE_LOCK_MAX, minutes: text.trim() })}
        </Alert>
      )}
    </Paper>
  );
}

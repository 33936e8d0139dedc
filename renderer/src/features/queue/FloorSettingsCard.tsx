// 设置 › 大厅叫号: the windows of the hall (station code, number, business served, green-channel
// window) and the calls before a no-show. The administrator edits them; the floor store checks
// the stored role (data/floorLocal.ts, data/floorHall.ts) and the rules (rules.checkSettings).
// Every mistake is worded in the user's language before anything is sent.
import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  IconButton,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { currentActor, useSessionStore } from '../../app/stores/sessionStore';
import { BUSINESS_TYPES, type BusinessType, type FloorWindow } from '../../domain/floor/types';
import { floorPort, useFloorStore, useFloorWatch } from './floorStore';

interface Row {
  id: string;
  number: string;
  businesses: BusinessType[];
  green: boolean;
}

type Check = { ok: true; windows: FloorWindow[]; maxCalls: number } | { ok: false; text: string };

function check(t: TFunction<'queue'>, maxCalls: string, rows: Row[]): Check {
  const max = /^\d$/.test(maxCalls.trim()) ? Number(maxCalls.trim()) : NaN;
  if (!(max >= 1 && max <= 9)) return { ok: false, text: t('settings.error.maxCalls') };
  const ids = new Set<string>();
  const numbers = new Set<number>();
  const windows: FloorWindow[] = [];
  for (const r of rows) {
    const id = r.id.trim().toUpperCase();
    if (!/^[A-Z][A-Z0-9]{1,9}$/.test(id)) return { ok: false, text: t('settings.error.windowId') };
    const n = /^\d{1,2}$/.test(r.number.trim()) ? Number(r.number.trim()) : NaN;
    if (!(n >= 1 && n <= 99)) return { ok: false, text: t('settings.error.number') };
    if (ids.has(id)) return { ok: false, text: t('settings.error.duplicateId', { id }) };
    if (numbers.has(n))
      return { ok: false, text: t('settings.error.duplicateNumber', { number: n }) };
    if (r.businesses.length === 0 && !r.green) {
      return { ok: false, text: t('settings.error.nothing', { id }) };
    }
    ids.add(id);
    numbers.add(n);
    windows.push({ id, number: n, businesses: r.businesses, green: r.green });
  }
  return { ok: true, windows, maxCalls: max };
}

export function FloorSettingsCard() {
  const { t } = useTranslation('queue');
  useFloorWatch();
  const snapshot = useFloorStore((s) => s.snapshot);
  const port = useFloorStore((s) => s.port);
  const role = useSessionStore((s) => s.user?.role ?? '');
  const [maxCalls, setMaxCalls] = useState('3');
  const [rows, setRows] = useState<Row[]>([]);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const loaded = snapshot !== null;

  useEffect(() => {
    if (!snapshot) return;
    setMaxCalls(String(snapshot.settings.maxCalls));
    setRows(
      snapshot.settings.windows.map((w) => ({
        id: w.id,
        number: String(w.number),
        businesses: [...w.businesses],
        green: w.green,
      })),
    );
    // Only the first snapshot fills the form: later ones are calls, not settings.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);

  if (!snapshot || role !== 'admin') return null;
  const set = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = async () => {
    const c = check(t, maxCalls, rows);
    if (!c.ok) return setStatus({ ok: false, text: c.text });
    const r = await (
      await floorPort()
    ).saveSettings({
      settings: { maxCalls: c.maxCalls, windows: c.windows },
      userId: currentActor().id,
    });
    if (r.ok) setStatus({ ok: true, text: t('settings.saved') });
    else if (r.code === 'offline') setStatus({ ok: false, text: t('settings.error.offline') });
    else if (r.code === 'refused') setStatus({ ok: false, text: t('settings.error.refused') });
    else setStatus({ ok: false, text: t(`refusal.${r.code}`) });
  };

  return (
    <Paper sx={{ p: 3, mb: 3 }} component="section" aria-labelledby="floor-settings-title">
      <Typography variant="h3" component="h2" id="floor-settings-title" gutterBottom>
        {t('settings.title')}
      </Typography>
      <Typography sx={{ mb: 1 }}>{t('settings.intro')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t(`settings.mode.${port?.mode ?? 'local'}`)}
      </Typography>
      <TextField
        label={t('settings.maxCalls')}
        helperText={t('settings.maxCallsHelp')}
        value={maxCalls}
        onChange={(e) => setMaxCalls(e.target.value)}
        size="small"
        slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'floor-max-calls' } }}
        sx={{ mb: 2, width: 220 }}
      />
      <Stack spacing={2}>
        {rows.map((r, i) => (
          <Box
            key={i}
            role="group"
            aria-label={t('settings.windowGroup', { n: i + 1 })}
            data-testid={`floor-window-${i}`}
            sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, m: 0 }}
          >
            <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
              <TextField
                label={t('settings.windowId')}
                helperText={t('settings.windowIdHelp')}
                value={r.id}
                size="small"
                onChange={(e) => set(i, { id: e.target.value.toUpperCase() })}
                slotProps={{ htmlInput: { 'data-testid': `floor-window-id-${i}` } }}
              />
              <TextField
                label={t('settings.number')}
                value={r.number}
                size="small"
                onChange={(e) => set(i, { number: e.target.value })}
                slotProps={{
                  htmlInput: { inputMode: 'numeric', 'data-testid': `floor-window-number-${i}` },
                }}
                sx={{ width: 120 }}
              />
              <FormControlLabel
                control={
                  <Checkbox
                    checked={r.green}
                    onChange={(e) => set(i, { green: e.target.checked })}
                  />
                }
                label={t('settings.greenWindow')}
              />
              <IconButton
                aria-label={t('settings.remove', { id: r.id || i + 1 })}
                onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
              >
                <DeleteIcon />
              </IconButton>
            </Stack>
            <Typography variant="body2" sx={{ mt: 1 }}>
              {t('settings.businesses')}
            </Typography>
            <FormGroup row>
              {BUSINESS_TYPES.map((b) => (
                <FormControlLabel
                  key={b}
                  control={
                    <Checkbox
                      checked={r.businesses.includes(b)}
                      onChange={(e) =>
                        set(i, {
                          businesses: e.target.checked
                            ? BUSINESS_TYPES.filter((x) => x === b || r.businesses.includes(x))
                            : r.businesses.filter((x) => x !== b),
                        })
                      }
                    />
                  }
                  label={t(`business.${b}`)}
                />
              ))}
            </FormGroup>
          </Box>
        ))}
      </Stack>
      <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
        <Button
          variant="outlined"
          onClick={() =>
            setRows((rs) => [
              ...rs,
              { id: '', number: String(rs.length + 1), businesses: [], green: false },
            ])
          }
        >
          {t('settings.add')}
        </Button>
        <Button variant="contained" onClick={() => void save()} data-testid="floor-settings-save">
          {t('settings.save')}
        </Button>
      </Stack>
      {status && (
        <Alert severity={status.ok ? 'success' : 'error'} role="status" sx={{ mt: 2 }}>
          {status.text}
        </Alert>
      )}
    </Paper>
  );
}

// While a station catches up with the hall (a new station, or one back after days offline), the
// frame shows how far it is: 正在同步大厅数据 45% · 90,000 / 200,000 条, with a progress bar. The
// numbers are the engine's: the cursor held so far of the hall's last gseq (data/sync/engine.ts).
import { Box, LinearProgress, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../shared/syncStatus';

/** Whole percent of the catch-up, never 100 before it is done. */
export const catchUpPercent = ({ cursor, lastGseq }: { cursor: number; lastGseq: number }) =>
  lastGseq <= 0 ? 0 : Math.min(99, Math.floor((cursor / lastGseq) * 100));

export function SyncCatchUp({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation('sync');
  const c = status.catchUp;
  if (!c) return null;
  const percent = catchUpPercent(c);
  const n = (x: number) => x.toLocaleString(i18n.language);
  const text = t('status.catchUp', { percent, cursor: n(c.cursor), total: n(c.lastGseq) });
  return (
    <Box
      sx={{ mb: 2, p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}
      data-testid="sync-catchup"
    >
      <Typography sx={{ fontWeight: 600, mb: 1 }}>{text}</Typography>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label={t('status.catchUpLabel')}
        aria-valuetext={text}
        sx={{ height: 8, borderRadius: 1 }}
      />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {t('status.catchUpHelp')}
      </Typography>
    </Box>
  );
}

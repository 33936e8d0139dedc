// Recent counselling sessions, newest first, live from the `counselling` table: reopen one,
// print its notice again, or start the intake from it. Phones are masked in the list.
import { useMemo } from 'react';
import {
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { maskPhone } from '../../domain';
import { appDb } from '../../data/stationDb';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { mattersOf, newestFirst, parseSession, type SavedSession } from './session';

export const RECENT_LIMIT = 30;

interface Props {
  onOpen: (s: SavedSession) => void;
  onPrint: (s: SavedSession) => void;
  onIntake: (s: SavedSession) => void;
  openId?: string;
}

export function SessionList({ onOpen, onPrint, onIntake, openId }: Props) {
  const { t } = useTranslation('counselling');
  const en = useSettingsStore((s) => s.settings.language) === 'en';
  const rows = useLiveQuery(
    // createdAt is the local date; a day's sessions are ordered by their time-stamped ids.
    () =>
      appDb()
        .counselling.orderBy('createdAt')
        .reverse()
        .limit(RECENT_LIMIT * 4)
        .toArray(),
    [],
  );
  const sessions = useMemo(
    () =>
      (rows ?? [])
        .map(parseSession)
        .filter((s): s is SavedSession => s !== null)
        .sort(newestFirst)
        .slice(0, RECENT_LIMIT),
    [rows],
  );

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h3" component="h2" gutterBottom id="recent-title">
        {t('recent.title')}
      </Typography>
      {rows !== undefined && sessions.length === 0 ? (
        <Typography data-testid="recent-empty">{t('recent.empty')}</Typography>
      ) : (
        <Table size="small" aria-labelledby="recent-title" data-testid="recent-sessions">
          <TableHead>
            <TableRow sx={{ '& th': { whiteSpace: 'nowrap' } }}>
              <TableCell>{t('recent.number')}</TableCell>
              <TableCell>{t('recent.date')}</TableCell>
              <TableCell>{t('recent.applicant')}</TableCell>
              <TableCell>{t('recent.phone')}</TableCell>
              <TableCell>{t('recent.matters')}</TableCell>
              <TableCell>{t('recent.clerk')}</TableCell>
              <TableCell>{t('recent.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sessions.map((s) => (
              <TableRow
                key={s.counsellingId}
                selected={s.counsellingId === openId}
                data-testid={`session-${s.counsellingId}`}
              >
                <TableCell
                  sx={{ fontFamily: 'monospace', fontSize: '0.85rem', whiteSpace: 'nowrap' }}
                >
                  {s.counsellingId}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{s.on}</TableCell>
                <TableCell>{s.applicantName || t('recent.noName')}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {s.contactPhone ? maskPhone(s.contactPhone) : ''}
                </TableCell>
                <TableCell>
                  {mattersOf(s)
                    .map((m) => (en ? m.nameEn : m.name))
                    .join(en ? '; ' : '；')}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{s.clerk?.name ?? ''}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1} sx={{ '& button': { whiteSpace: 'nowrap' } }}>
                    <Button size="small" variant="outlined" onClick={() => onOpen(s)}>
                      {t('recent.open')}
                    </Button>
                    <Button size="small" variant="outlined" onClick={() => onPrint(s)}>
                      {t('recent.print')}
                    </Button>
                    <Button size="small" variant="contained" onClick={() => onIntake(s)}>
                      {t('action.intake')}
                    </Button>
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

// 设置 › 大厅同步: the join check of a station that ran alone before it joined the hall
// (data/join/) — checking, the clashes to settle (JoinClashCard), done, or withdrawn — and, on
// every station of the hall, the register of numbers found issued twice when a station joined.
// Read again whenever the sync status moves (the engine runs the check and lets the push go).
import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { readJoin, type JoinClash, type JoinRecord } from '../../data/join/joinCheck';
import {
  ownAccountState,
  recordedNumberClashes,
  type RecordedNumberClash,
} from '../../data/join/joinSettle';
import type { UserRow } from '../../data/db';
import { appDb } from '../../data/stationDb';
import { formatTime } from '../cases/caseFormat';
import { useSyncStatus } from '../shared/syncStatus';
import { JoinClashCard } from './JoinClashCard';
import { RecodedNotice } from './JoinRecodeDialog';

export function HallJoinSection({ admin, stationCode }: { admin: boolean; stationCode: string }) {
  const { t, i18n } = useTranslation('sync');
  const status = useSyncStatus();
  const [record, setRecord] = useState<JoinRecord | null>(null);
  const [recorded, setRecorded] = useState<RecordedNumberClash[]>([]);
  const [accounts, setAccounts] = useState<Map<string, UserRow | undefined>>(new Map());
  const reload = useCallback(async () => {
    const db = appDb();
    const [r, n] = await Promise.all([readJoin(db), recordedNumberClashes(db)]);
    const ids = (r?.clashes ?? []).flatMap((c) =>
      c.kind === 'username' ? [String(c.own['userId'])] : [],
    );
    const users = await db.users.bulkGet(ids);
    setAccounts(new Map(ids.map((id, i) => [id, users[i]])));
    setRecord(r);
    setRecorded(n);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload, status?.phase, status?.held?.open, status?.pending]);
  // While the check runs, look again now and then (it ends with a status change too).
  useEffect(() => {
    if (record?.status !== 'checking') return;
    const timer = setInterval(() => void reload(), 1500);
    return () => clearInterval(timer);
  }, [record?.status, reload]);

  return (
    <>
      {/* A station set up for the hall needed no check: nothing to say. */}
      {record && !(record.status === 'clear' && record.checkedAt === null) && (
        <Paper sx={{ p: 3, mb: 3 }} data-testid="hall-join" data-status={record.status}>
          <Typography variant="h3" component="h2" gutterBottom>
            {t('join.title')}
          </Typography>
          <RecodedNotice reloadKey={record} />
          {record.status === 'checking' && <Alert severity="info">{t('join.checking')}</Alert>}
          {record.status === 'clear' && (
            <Alert severity="success" data-testid="hall-join-clear">
              {t('join.clear', {
                time: record.checkedAt ? formatTime(record.checkedAt, i18n.language) : '—',
              })}
            </Alert>
          )}
          {record.status === 'withdrawn' && (
            <Alert severity="info" data-testid="hall-join-withdrawn">
              {t('join.withdrawn', { code: stationCode })}
            </Alert>
          )}
          {record.status === 'held' && (
            <Stack spacing={2}>
              <Typography>{t('join.intro')}</Typography>
              <Alert severity="warning" data-testid="hall-join-open">
                {t('join.open', { count: record.clashes.length })}
                {!admin && ` ${t('join.readOnly')}`}
              </Alert>
              {record.clashes.map((c) => (
                <JoinClashCard
                  key={c.id}
                  clash={c}
                  admin={admin}
                  stationCode={stationCode}
                  {...accountOf(c, accounts)}
                  onSettled={() => void reload()}
                />
              ))}
            </Stack>
          )}
        </Paper>
      )}
      {recorded.length > 0 && <RecordedNumbers rows={recorded} />}
    </>
  );
}

function RecordedNumbers({ rows }: { rows: RecordedNumberClash[] }) {
  const { t, i18n } = useTranslation('sync');
  const caseNo = (v: string | number | undefined) => (v ? String(v) : t('join.unknownCase'));
  return (
    <Paper sx={{ p: 3, mb: 3 }} data-testid="hall-join-recorded">
      <Typography variant="h3" component="h2" gutterBottom>
        {t('join.recordedTitle')}
      </Typography>
      <Typography sx={{ mb: 1 }}>{t('join.recordedIntro')}</Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            {(['number', 'kind', 'station', 'own', 'other', 'note', 'by'] as const).map((c) => (
              <TableCell
                key={c}
                sx={{ whiteSpace: c === 'kind' || c === 'station' ? 'nowrap' : undefined }}
              >
                {t(`join.col.${c}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={`${r.stationId}:${r.kind}:${r.number}`}>
              <TableCell>{r.number}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`join.kindShort.${r.kind}`)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.stationId}</TableCell>
              <TableCell>{caseNo(r.own['caseNo'])}</TableCell>
              <TableCell>
                {String(r.other['stationId'] ?? '—')} · {caseNo(r.other['caseNo'])}
              </TableCell>
              <TableCell>{r.note}</TableCell>
              <TableCell>
                {r.by} · {formatTime(r.at, i18n.language)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

/** The card's view of this station's account in a name clash (none for other kinds). */
function accountOf(c: JoinClash, accounts: Map<string, UserRow | undefined>) {
  const user = accounts.get(String(c.own['userId']));
  const state = ownAccountState(c, user);
  return state ? { ownAccount: { state, username: user?.username ?? c.key } } : {};
}

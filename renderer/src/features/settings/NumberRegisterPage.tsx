// 设置 › 大厅同步 › 编号登记 (#/settings/numbers): the register of every hall-wide series for the
// administrator — per series its numbers used, leased, reserved and voided, and any seq without a
// record (an unexplained gap, in red); one series' numbers in full; what this station holds free.
// The data layer checks the stored role and asks the hall (data/numberRegister.ts).
import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../cases/caseFormat';
import type { RegisterEntry } from '../../../../server/protocol';
import { defaultCatalogue } from '../../domain';
import { hostNumbersChannel } from '../../data/numberLeases';
import { numberRegister, type RegisterResult } from '../../data/numberRegister';
import { appDb } from '../../data/stationDb';
import { useRouteStore } from '../../app/stores/routeStore';
import { useSessionStore } from '../../app/stores/sessionStore';
import { host } from '../../host';
import { AdminOnly } from '../admin/AdminOnly';
import { NumberClashes } from './NumberClashes';

/** A series id in words: 受理通知书 2026 · 建设工程规划许可证 2026 · 投诉台账 2026. */
function useSeriesName() {
  const { t, i18n } = useTranslation('sync');
  return (seriesId: string) => {
    const [kind, type = '', year = ''] = seriesId.split(':');
    let name = type;
    if (kind === 'cert') {
      const c = defaultCatalogue.certificateTypes.find((x) => x.id === type);
      if (c) name = i18n.language.startsWith('zh') ? c.name : c.nameEn;
    } else {
      const key = `register.${kind === 'doc' ? 'docType' : 'ledgerKind'}.${type}`;
      if (i18n.exists(`sync:${key}`)) name = t(key);
    }
    return t('register.seriesName', { name, year });
  };
}

function entryWhat(e: RegisterEntry, t: (k: string, o?: Record<string, unknown>) => string) {
  if (e.status === 'used')
    return `${e.usedRef || e.caseId || '—'}${e.origin === 'island' ? t('register.island') : ''}`;
  if (e.status === 'voided') {
    const [reason = '', ...note] = (e.voidReason ?? '').split(': ');
    return t('register.voidedWhy', {
      reason: t(`register.reason.${reason}`, { defaultValue: reason }),
      note: note.join(': '),
      by:
        e.voidedBy === 'station'
          ? t('register.byStation')
          : e.voidedBy === 'hall'
            ? t('register.byHall')
            : (e.voidedBy ?? '—'),
    });
  }
  if (e.status === 'reserved') return t('register.reservedFor', { caseId: e.caseId ?? '—' });
  return t('register.leasedTo');
}

export function NumberRegisterPage() {
  const { t, i18n } = useTranslation('sync');
  const go = useRouteStore((s) => s.go);
  const userId = useSessionStore((s) => s.user?.id ?? '');
  const seriesName = useSeriesName();
  const [all, setAll] = useState<RegisterResult | null>(null);
  const [one, setOne] = useState<RegisterResult | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const transport = hostNumbersChannel(host);

  const load = useCallback(async () => {
    setAll(await numberRegister(appDb(), hostNumbersChannel(host), { id: userId }));
  }, [userId]);
  useEffect(() => {
    void load();
  }, [load]);
  const show = async (seriesId: string) => {
    setOpen(seriesId);
    setOne(await numberRegister(appDb(), transport, { id: userId }, seriesId));
  };
  const time = (iso: string) => formatTime(iso, i18n.language);

  return (
    <Box sx={{ maxWidth: 1100 }}>
      <Button startIcon={<ArrowBackIcon />} onClick={() => go('settings', 'hall')} sx={{ mb: 1 }}>
        {t('register.back')}
      </Button>
      <Typography variant="h2" component="h1" gutterBottom>
        {t('register.title')}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('register.intro')}</Typography>
      <AdminOnly>
        {all && !all.ok && (
          <Alert severity="warning" data-testid="register-problem">
            {t(`register.problem.${all.code}`, { detail: all.detail ?? '' })}
          </Alert>
        )}
        {all?.ok && (
          <>
            <Paper sx={{ p: 2, mb: 3 }}>
              <Table size="small" aria-label={t('register.seriesTable')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('register.col.series')}</TableCell>
                    <TableCell align="right">{t('register.col.last')}</TableCell>
                    <TableCell align="right">{t('register.status.used')}</TableCell>
                    <TableCell align="right">{t('register.status.leased')}</TableCell>
                    <TableCell align="right">{t('register.status.reserved')}</TableCell>
                    <TableCell align="right">{t('register.status.voided')}</TableCell>
                    <TableCell>{t('register.col.gaps')}</TableCell>
                    <TableCell align="right">{t('register.col.clashes')}</TableCell>
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {all.register.series.map((s) => (
                    <TableRow key={s.seriesId} data-testid={`register-series-${s.seriesId}`}>
                      <TableCell>{seriesName(s.seriesId)}</TableCell>
                      <TableCell align="right">{s.lastSeq}</TableCell>
                      <TableCell align="right">{s.counts.used}</TableCell>
                      <TableCell align="right">{s.counts.leased}</TableCell>
                      <TableCell align="right">{s.counts.reserved}</TableCell>
                      <TableCell align="right">{s.counts.voided}</TableCell>
                      <TableCell sx={{ color: s.missing.length ? 'error.main' : undefined }}>
                        {s.missing.length
                          ? t('register.gaps', { seqs: s.missing.join('、') })
                          : t('register.noGaps')}
                      </TableCell>
                      <TableCell align="right">{s.clashes}</TableCell>
                      <TableCell>
                        <Button size="small" onClick={() => void show(s.seriesId)}>
                          {t('register.open')}
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {all.register.series.length === 0 && <Typography>{t('register.empty')}</Typography>}
            </Paper>
            <Typography variant="h3" component="h2" gutterBottom>
              {t('register.localTitle')}
            </Typography>
            <Typography sx={{ mb: 3 }} data-testid="register-local">
              {all.local.length === 0
                ? t('register.localNone')
                : all.local
                    .filter((h) => h.free.length > 0)
                    .map((h) =>
                      t('register.localOne', {
                        series: seriesName(h.seriesId),
                        count: h.free.length,
                        first: h.free[0],
                      }),
                    )
                    .join(t('register.localSep'))}
            </Typography>
          </>
        )}
        {open && one?.ok && (
          <Paper sx={{ p: 2 }} data-testid="register-entries">
            <Typography variant="h3" component="h2" gutterBottom>
              {seriesName(open)}
            </Typography>
            <Table size="small" aria-label={seriesName(open)}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('register.col.seq')}</TableCell>
                  <TableCell>{t('register.col.status')}</TableCell>
                  <TableCell>{t('register.col.station')}</TableCell>
                  <TableCell>{t('register.col.what')}</TableCell>
                  <TableCell>{t('register.col.at')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {one.register.entries.map((e) => (
                  <TableRow key={e.seq} data-testid={`register-entry-${e.seq}`}>
                    <TableCell>{e.seq}</TableCell>
                    <TableCell>{t(`register.status.${e.status}`)}</TableCell>
                    <TableCell>{e.stationCode}</TableCell>
                    <TableCell>{entryWhat(e, t)}</TableCell>
                    <TableCell>{time(e.at)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <NumberClashes clashes={one.register.clashes} at={time} />
          </Paper>
        )}
      </AdminOnly>
    </Box>
  );
}

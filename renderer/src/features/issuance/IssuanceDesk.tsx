// The issuance desk: approved cases waiting for their certificate, issued ones waiting for
// delivery, voided ones waiting for a reissue — live, the soonest Art. 44 limit first. Its box
// takes a scanned receipt (or a number or name) and opens the case.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Box,
  Button,
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import VerifiedIcon from '@mui/icons-material/Verified';
import { useTranslation } from 'react-i18next';
import { issuanceQueue } from '../../data/certificates';
import { NO_DUE_DATE } from '../../data/projection';
import { appDb } from '../../data/stationDb';
import { useRouteStore } from '../../app/stores/routeStore';
import { LightChip } from '../shared/LightChip';
import { useToday } from '../shared/useToday';
import { filterQueue, IssuanceScan } from './IssuanceScan';
import { isKey } from '../shared/shortcuts';

export function IssuanceDesk() {
  const { t } = useTranslation(['issuance', 'domain']);
  const go = useRouteStore((s) => s.go);
  const today = useToday();
  const queue = useLiveQuery(() => issuanceQueue(appDb()), []);
  const [text, setText] = useState('');
  const rows = queue && filterQueue(queue, text);
  const counts = {
    approved: queue?.filter((r) => r.status === 'approved').length ?? 0,
    issued: queue?.filter((r) => r.status === 'issued').length ?? 0,
    certificateVoided: queue?.filter((r) => r.status === 'certificateVoided').length ?? 0,
  };
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h1" sx={{ fontSize: '1.6rem', flexGrow: 1 }}>
          {t('desk.title')}
        </Typography>
        <Button
          variant="outlined"
          startIcon={<VerifiedIcon />}
          onClick={() => go('issuance', 'verify')}
          data-testid="issuance-verify-open"
        >
          {t('verify.open')}
        </Button>
      </Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} data-testid="issuance-counts">
        {(['approved', 'issued', 'certificateVoided'] as const).map((s) => (
          <Chip key={s} label={t(`desk.count.${s}`, { count: counts[s] })} />
        ))}
      </Box>
      <Typography color="text.secondary">{t('desk.limitHint')}</Typography>
      <IssuanceScan text={text} onText={setText} shown={rows ?? []} />
      <Paper variant="outlined">
        {rows && rows.length === 0 ? (
          <Typography sx={{ p: 3 }} data-testid="issuance-empty">
            {queue && queue.length > 0
              ? t('desk.noMatch', { query: text.trim() })
              : t('desk.empty')}
          </Typography>
        ) : (
          <Table size="small" aria-label={t('desk.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('desk.col.caseNo')}</TableCell>
                <TableCell>{t('desk.col.applicant')}</TableCell>
                <TableCell>{t('desk.col.project')}</TableCell>
                <TableCell>{t('desk.col.status')}</TableCell>
                <TableCell>{t('desk.col.due')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(rows ?? []).map((r) => (
                <TableRow
                  key={r.id}
                  hover
                  tabIndex={0}
                  role="link"
                  data-testid={`issuance-row-${r.caseNo}`}
                  sx={{ cursor: 'pointer' }}
                  onClick={() => go('issuance', 'case', r.id)}
                  onKeyDown={(e) => {
                    if (isKey('enter', e)) go('issuance', 'case', r.id);
                  }}
                >
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.caseNo}</TableCell>
                  <TableCell>{r.applicantName}</TableCell>
                  <TableCell>{r.projectName}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {t(`status.${r.status}`, { ns: 'domain' })}
                  </TableCell>
                  <TableCell sx={{ minWidth: '10rem' }}>
                    {r.dueDate !== NO_DUE_DATE && (
                      <Box sx={{ display: 'grid', gap: 0.5 }}>
                        <span>{r.dueDate}</span>
                        <LightChip dueOn={r.dueDate} today={today} />
                      </Box>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
    </Box>
  );
}

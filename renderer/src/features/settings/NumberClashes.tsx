// The clashes of one series on 编号登记: numbers a station issued on its own before it joined that
// the hall had already given or leased to another station (server/core/numberUses.ts). Both papers
// stand; each is listed with what the hall held under the number — recorded, never renumbered.
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { RegisterClash } from '../../../../server/protocol';

export function NumberClashes({
  clashes,
  at,
}: {
  clashes: readonly RegisterClash[];
  at: (iso: string) => string;
}) {
  const { t } = useTranslation('sync');
  if (clashes.length === 0) return null;
  return (
    <>
      <Typography variant="h3" component="h3" sx={{ mt: 3 }} gutterBottom>
        {t('register.clashesTitle')}
      </Typography>
      <Typography sx={{ mb: 1 }}>{t('register.clashesIntro')}</Typography>
      <Table size="small" aria-label={t('register.clashesTitle')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('register.col.seq')}</TableCell>
            <TableCell>{t('register.col.station')}</TableCell>
            <TableCell>{t('register.col.island')}</TableCell>
            <TableCell>{t('register.col.other')}</TableCell>
            <TableCell>{t('register.col.at')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {clashes.map((c) => (
            <TableRow key={`${c.seq}-${c.eventId}`} data-testid={`register-clash-${c.seq}`}>
              <TableCell>{c.seq}</TableCell>
              <TableCell>{c.stationCode}</TableCell>
              <TableCell>{c.usedRef || '—'}</TableCell>
              <TableCell>
                {t('register.clashOther', {
                  station: c.otherStation,
                  status: t(`register.status.${c.otherStatus}`, { defaultValue: c.otherStatus }),
                  ref: c.otherRef ? ` · ${c.otherRef}` : '',
                })}
              </TableCell>
              <TableCell>{at(c.at)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

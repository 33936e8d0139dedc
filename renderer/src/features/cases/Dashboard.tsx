// Today's counter dashboard: five tiles (taken in today, waiting for supplement with the Art. 32
// five-working-day counter, due soon, overdue, green channel). The number opens the whole list
// below the search box; each short entry opens its case.
import { Box, Button, Chip, Link, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../data/db';
import type { DeskDashboard, DeskListKey } from '../../data/queries';
import { SUPPLEMENT_NOTICE_DAYS, supplementNoticeStatus } from '../../domain';
import { EstimateMark } from '../calendar/EstimateMark';
import { useCalendar } from '../shared/useCalendar';
import { LightChip } from '../shared/LightChip';
import { stateOf } from './caseFormat';

export const TILES: readonly DeskListKey[] = [
  'takenToday',
  'awaitingSupplement',
  'dueSoon',
  'overdue',
  'greenChannel',
];

const tileColour: Record<DeskListKey, string> = {
  takenToday: '#0b4a8b',
  awaitingSupplement: '#5b3a8a',
  dueSoon: '#8a5a00',
  overdue: '#b00020',
  greenChannel: '#1b6e2a',
};

/**
 * Once the supplement notice is out, the clock that matters is the applicant's: the supply-by
 * date the notice gave (notices printed before it was asked have none: the Art. 32 counter then).
 */
function SupplyByChip({ dueOn, today }: { dueOn: string; today: string }) {
  const { t } = useTranslation('cases');
  const late = today > dueOn;
  return (
    <Chip
      size="small"
      color={late ? 'error' : 'default'}
      variant={late ? 'filled' : 'outlined'}
      data-supply-by={dueOn}
      sx={{ height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }}
      label={t(late ? 'supplyBy.late' : 'supplyBy.due', { dueOn })}
    />
  );
}

/** Art. 32: working days since the materials arrived, out of five; warn at three. */
export function Art32Counter({ row, today }: { row: CaseRow; today: string }) {
  const { t } = useTranslation('cases');
  const calendar = useCalendar();
  const supplement = stateOf(row).supplement;
  if (stateOf(row).status === 'supplementRequested' && supplement?.dueOn)
    return <SupplyByChip dueOn={supplement.dueOn} today={today} />;
  const received = stateOf(row).receivedOn ?? row.receivedDate;
  const s = supplementNoticeStatus(received, today, calendar);
  const colour = s.level === 'ok' ? 'default' : s.level === 'warn' ? 'warning' : 'error';
  const chip = (
    <Chip
      size="small"
      color={colour}
      variant={s.level === 'ok' ? 'outlined' : 'filled'}
      data-art32={s.level}
      label={t(`art32.${s.level}`, {
        elapsed: Math.min(s.elapsed, SUPPLEMENT_NOTICE_DAYS),
        days: SUPPLEMENT_NOTICE_DAYS,
        dueOn: s.dueOn,
      })}
    />
  );
  if (s.estimatedYears.length === 0) return chip;
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, alignItems: 'center' }}>
      {chip}
      <EstimateMark years={s.estimatedYears} />
    </Box>
  );
}

interface DashboardProps {
  data: DeskDashboard | undefined;
  today: string;
  selected: DeskListKey | null;
  onSelect: (key: DeskListKey) => void;
  onOpen: (row: CaseRow) => void;
}

export function Dashboard({ data, today, selected, onSelect, onOpen }: DashboardProps) {
  const { t } = useTranslation('cases');
  return (
    <Box component="section" aria-labelledby="dashboard-title">
      <Typography id="dashboard-title" variant="h2" sx={{ fontSize: '1.35rem', mb: 1 }}>
        {t('dashboard.title', { date: today })}
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
          gap: 1.5,
        }}
      >
        {TILES.map((key) => {
          const list = data?.[key];
          return (
            <Paper
              key={key}
              variant="outlined"
              sx={{
                p: 1.5,
                borderTop: 5,
                borderTopColor: tileColour[key],
                outline: selected === key ? `3px solid ${tileColour[key]}` : undefined,
              }}
            >
              <Button
                onClick={() => onSelect(key)}
                data-testid={`tile-${key}`}
                aria-pressed={selected === key}
                sx={{ display: 'flex', width: '100%', justifyContent: 'space-between', px: 1 }}
              >
                <span>{t(`dashboard.${key}`)}</span>
                <Typography
                  component="span"
                  data-testid={`count-${key}`}
                  sx={{ fontSize: '2rem', fontWeight: 700, color: tileColour[key] }}
                >
                  {list ? list.count : '…'}
                </Typography>
              </Button>
              <Stack component="ul" spacing={0.5} sx={{ listStyle: 'none', p: 0, m: 0, mt: 0.5 }}>
                {list?.cases.map((row) => (
                  <Box component="li" key={row.id} sx={{ minWidth: 0 }}>
                    <Link
                      component="button"
                      onClick={() => onOpen(row)}
                      underline="hover"
                      sx={{ textAlign: 'left', fontSize: '0.95rem', display: 'block' }}
                    >
                      {row.caseNo} · {row.applicantName}
                    </Link>
                    {key === 'awaitingSupplement' ? (
                      <Art32Counter row={row} today={today} />
                    ) : key === 'takenToday' ? null : (
                      <LightChip dueOn={row.dueDate} today={today} />
                    )}
                  </Box>
                ))}
                {list && list.count === 0 && (
                  <Typography component="li" color="text.secondary" sx={{ fontSize: '0.95rem' }}>
                    {t('dashboard.none')}
                  </Typography>
                )}
              </Stack>
            </Paper>
          );
        })}
      </Box>
    </Box>
  );
}

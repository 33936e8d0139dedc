// One year's holiday periods and make-up working days: fields for the administrator, with the
// reason for each problem under its field; plain text for everyone else.
import {
  Box,
  Button,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import { useTranslation } from 'react-i18next';
import {
  dayNumber,
  isLocalDate,
  type CalendarProblem,
  type CalendarYear,
  type HolidayPeriod,
} from '../../domain';
import { useCalendarProblemText } from './useCalendarText';

/** Days in a period as typed so far; null while a date is missing, invalid or backwards. */
const daysOf = (h: HolidayPeriod) => {
  if (!isLocalDate(h.from) || !isLocalDate(h.to)) return null;
  const days = dayNumber(h.to) - dayNumber(h.from) + 1;
  return days >= 1 ? days : null;
};

interface Props {
  year: CalendarYear;
  problems: readonly CalendarProblem[];
  editable: boolean;
  onChange: (next: CalendarYear) => void;
}

export function YearEditor({ year, problems, editable, onChange }: Props) {
  const { t, i18n } = useTranslation('calendar');
  const problemText = useCalendarProblemText();
  const en = i18n.language.startsWith('en');
  const errorOf = (field: string) =>
    problems
      .filter((p) => p.field === field)
      .map(problemText)
      .join(' ');
  const setHoliday = (i: number, patch: Partial<HolidayPeriod>) =>
    onChange({
      ...year,
      holidays: year.holidays.map((h, k) => (k === i ? { ...h, ...patch } : h)),
    });
  const setMakeUp = (i: number, value: string) =>
    onChange({
      ...year,
      makeUpWorkdays: year.makeUpWorkdays.map((d, k) => (k === i ? value : d)),
    });
  const yearError = errorOf('holidays');

  return (
    <Stack spacing={2}>
      <Box>
        <Typography variant="h3" component="h3" sx={{ fontSize: '1.15rem', mb: 1 }}>
          {t('holidays')}
        </Typography>
        {yearError && (
          <Typography color="error" role="alert" sx={{ mb: 1 }}>
            {yearError}
          </Typography>
        )}
        {year.holidays.length === 0 && !editable ? (
          <Typography color="text.secondary">{t('none')}</Typography>
        ) : (
          <Table size="small" data-testid="holiday-table" aria-label={t('holidays')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('holidayName')}</TableCell>
                {editable && <TableCell>{t('holidayNameEn')}</TableCell>}
                <TableCell>{t('from')}</TableCell>
                <TableCell>{t('to')}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('days')}</TableCell>
                {editable && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {year.holidays.map((h, i) => {
                const days = daysOf(h);
                const f = `holidays.${i}`;
                return (
                  <TableRow key={i} data-holiday={i}>
                    {editable ? (
                      <>
                        <TableCell sx={{ verticalAlign: 'top', minWidth: 150 }}>
                          <TextField
                            size="small"
                            label={t('holidayName')}
                            value={h.name}
                            onChange={(e) => setHoliday(i, { name: e.target.value })}
                            error={!!errorOf(`${f}.name`)}
                            helperText={errorOf(`${f}.name`) || ' '}
                            slotProps={{ htmlInput: { 'data-testid': `holiday-${i}-name` } }}
                          />
                        </TableCell>
                        <TableCell sx={{ verticalAlign: 'top', minWidth: 150 }}>
                          <TextField
                            size="small"
                            label={t('holidayNameEn')}
                            value={h.nameEn}
                            onChange={(e) => setHoliday(i, { nameEn: e.target.value })}
                            helperText=" "
                          />
                        </TableCell>
                        {(['from', 'to'] as const).map((end) => (
                          <TableCell key={end} sx={{ verticalAlign: 'top', minWidth: 170 }}>
                            <TextField
                              size="small"
                              type="date"
                              label={t(end)}
                              value={h[end]}
                              onChange={(e) => setHoliday(i, { [end]: e.target.value })}
                              error={!!errorOf(`${f}.${end}`)}
                              helperText={errorOf(`${f}.${end}`) || ' '}
                              slotProps={{
                                inputLabel: { shrink: true },
                                htmlInput: { 'data-testid': `holiday-${i}-${end}` },
                              }}
                            />
                          </TableCell>
                        ))}
                      </>
                    ) : (
                      <>
                        <TableCell>{en && h.nameEn ? h.nameEn : h.name}</TableCell>
                        <TableCell>{h.from}</TableCell>
                        <TableCell>{h.to}</TableCell>
                      </>
                    )}
                    <TableCell
                      sx={{
                        verticalAlign: editable ? 'top' : undefined,
                        pt: editable ? 2 : undefined,
                      }}
                    >
                      {days !== null ? t('daysValue', { count: days }) : ''}
                    </TableCell>
                    {editable && (
                      <TableCell sx={{ verticalAlign: 'top' }}>
                        <IconButton
                          aria-label={t('removeHoliday')}
                          title={t('removeHoliday')}
                          onClick={() =>
                            onChange({ ...year, holidays: year.holidays.filter((_, k) => k !== i) })
                          }
                        >
                          <DeleteIcon />
                        </IconButton>
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {editable && (
          <Button
            startIcon={<AddIcon />}
            sx={{ mt: 1 }}
            data-testid="add-holiday"
            onClick={() =>
              onChange({
                ...year,
                holidays: [...year.holidays, { name: '', nameEn: '', from: '', to: '' }],
              })
            }
          >
            {t('addHoliday')}
          </Button>
        )}
      </Box>
      <Box>
        <Typography variant="h3" component="h3" sx={{ fontSize: '1.15rem', mb: 1 }}>
          {t('makeUps')}
        </Typography>
        {!editable && (
          <Typography data-testid="make-up-list">
            {year.makeUpWorkdays.length ? year.makeUpWorkdays.join('、') : t('none')}
          </Typography>
        )}
        {editable && (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
            {year.makeUpWorkdays.map((d, i) => (
              <Box key={i} sx={{ display: 'flex', alignItems: 'flex-start' }}>
                <TextField
                  size="small"
                  type="date"
                  label={t('makeUpDate')}
                  value={d}
                  onChange={(e) => setMakeUp(i, e.target.value)}
                  error={!!errorOf(`makeUp.${i}`)}
                  helperText={errorOf(`makeUp.${i}`) || ' '}
                  sx={{ maxWidth: 260 }}
                  slotProps={{
                    inputLabel: { shrink: true },
                    htmlInput: { 'data-testid': `make-up-${i}` },
                  }}
                />
                <IconButton
                  aria-label={t('removeMakeUp')}
                  title={t('removeMakeUp')}
                  onClick={() =>
                    onChange({
                      ...year,
                      makeUpWorkdays: year.makeUpWorkdays.filter((_, k) => k !== i),
                    })
                  }
                >
                  <DeleteIcon />
                </IconButton>
              </Box>
            ))}
          </Box>
        )}
        {editable && (
          <Button
            startIcon={<AddIcon />}
            sx={{ mt: 1 }}
            data-testid="add-make-up"
            onClick={() => onChange({ ...year, makeUpWorkdays: [...year.makeUpWorkdays, ''] })}
          >
            {t('addMakeUp')}
          </Button>
        )}
      </Box>
    </Stack>
  );
}

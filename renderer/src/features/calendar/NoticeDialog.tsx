// Paste the State Council's notice: the app reads it (domain/holidayNotice.ts), shows what it
// read on the month grid and as a list for checking, names every line it could not read (it
// never guesses), and saves only when the administrator confirms.
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  parseHolidayNotice,
  validateCalendarYear,
  type CalendarYear,
  type HolidayCalendar,
  type HolidayNoticeResult,
} from '../../domain';
import { MonthGrid } from './MonthGrid';
import { YearEditor } from './YearEditor';
import { useCalendarProblemText, useNoticeText } from './useCalendarText';

interface Props {
  open: boolean;
  calendar: HolidayCalendar;
  busy: boolean;
  /** The save's refusal or failure, in words; the dialog stays open with the result. */
  error: string | null;
  onCancel: () => void;
  onConfirm: (year: CalendarYear) => void;
}

export function NoticeDialog({ open, calendar, busy, error, onCancel, onConfirm }: Props) {
  const { t } = useTranslation('calendar');
  const { problem, note } = useNoticeText();
  const problemText = useCalendarProblemText();
  const [text, setText] = useState('');
  const [yearText, setYearText] = useState('');
  const [result, setResult] = useState<HolidayNoticeResult | null>(null);
  const yearArg = /^\d{4}$/.test(yearText.trim()) ? Number(yearText.trim()) : undefined;
  const read = () => setResult(parseHolidayNotice(text, yearArg));
  const parsed = result?.ok ? result.year : null;
  const invalid = parsed
    ? validateCalendarYear(
        parsed,
        calendar.years.filter((y) => y.year !== parsed.year),
      )
    : [];
  const replaces = parsed && calendar.years.some((y) => y.year === parsed.year);

  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onCancel}
      fullWidth
      maxWidth="lg"
      scroll="body"
      aria-labelledby="notice-title"
    >
      <DialogTitle id="notice-title">{t('notice.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography>{t('notice.hint')}</Typography>
          <TextField
            label={t('notice.text')}
            multiline
            minRows={6}
            maxRows={14}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setResult(null);
            }}
            slotProps={{ htmlInput: { 'data-testid': 'notice-text' } }}
          />
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
            <TextField
              size="small"
              label={t('notice.year')}
              value={yearText}
              onChange={(e) => {
                setYearText(e.target.value);
                setResult(null);
              }}
              sx={{ width: 280 }}
              slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4 } }}
            />
            <Button
              variant="outlined"
              onClick={read}
              disabled={!text.trim()}
              data-testid="notice-read"
            >
              {result ? t('notice.readAgain') : t('notice.read')}
            </Button>
          </Box>
          {result && !result.ok && (
            <Alert severity="error" data-testid="notice-problems">
              {t('notice.problems', { count: result.problems.length })}
              <List dense>
                {result.problems.map((p, i) => {
                  const s = problem(p);
                  return (
                    <ListItem key={i} disableGutters>
                      <ListItemText
                        primary={t('notice.item', { where: s.where, text: s.text })}
                        secondary={s.line || null}
                      />
                    </ListItem>
                  );
                })}
              </List>
            </Alert>
          )}
          {parsed && (
            <>
              <Alert severity={invalid.length ? 'error' : 'info'} data-testid="notice-result">
                {t('notice.result', {
                  year: parsed.year,
                  holidays: parsed.holidays.length,
                  makeUps: parsed.makeUpWorkdays.length,
                })}
                {replaces && <Box>{t('notice.replaces', { year: parsed.year })}</Box>}
                {invalid.length > 0 && (
                  <Box>
                    {t('notice.validation', { count: invalid.length })}{' '}
                    {invalid.map(problemText).join(' ')}
                  </Box>
                )}
              </Alert>
              {result?.ok && result.notes.length > 0 && (
                <Alert severity="warning" data-testid="notice-notes">
                  {t('notice.notes')}
                  {result.notes.map((n, i) => {
                    const s = note(n);
                    return <Box key={i}>{t('notice.item', { where: s.where, text: s.text })}</Box>;
                  })}
                </Alert>
              )}
              <YearEditor year={parsed} problems={invalid} editable={false} onChange={() => {}} />
              <MonthGrid year={parsed} calendar={calendar} testId="notice-grid" />
            </>
          )}
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          {t('notice.cancel')}
        </Button>
        <Button
          variant="contained"
          disabled={!parsed || invalid.length > 0 || busy}
          onClick={() => parsed && onConfirm(parsed)}
          data-testid="notice-confirm"
        >
          {t('notice.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

// 设置 › 工作日历 (#/settings/calendar): the years the station knows, each as twelve small months
// with its holiday periods and make-up working days. The administrator adds a year (by hand or
// by pasting the State Council's notice), edits and deletes one nothing depends on; everyone
// else reads it. Edits stay in a draft per year until saved; a refused or failed save keeps it.
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Paper,
  Stack,
  Tab,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { useTranslation } from 'react-i18next';
import {
  CALENDAR_SETTERS,
  deleteCalendarYear,
  missingYearAround,
  saveCalendarYear,
  type CalendarChangeResult,
} from '../../data/holidayCalendar';
import { appDb } from '../../data/stationDb';
import { currentActor, useSessionStore } from '../../app/stores/sessionStore';
import { useRouteStore } from '../../app/stores/routeStore';
import {
  coveredYears,
  defaultCalendar,
  validateCalendarYear,
  yearOf,
  type CalendarYear,
} from '../../domain';
import { useToday } from '../shared/useToday';
import { useHostErrorText } from '../shared/useHostErrorText';
import { useCalendarStore } from '../shared/useCalendar';
import { MonthGrid } from './MonthGrid';
import { NoticeDialog } from './NoticeDialog';
import { YearEditor } from './YearEditor';
import { useCalendarRefusalText } from './useCalendarText';

type Message = { ok: boolean; text: string } | null;

export function CalendarPage() {
  const { t } = useTranslation('calendar');
  const refusalText = useCalendarRefusalText();
  const hostErrorText = useHostErrorText();
  const go = useRouteStore((s) => s.go);
  const role = useSessionStore((s) => s.user?.role ?? '');
  const { loaded, ready } = useCalendarStore();
  const today = useToday();
  const editable = CALENDAR_SETTERS.includes(role);
  const calendar = loaded.calendar;
  const [drafts, setDrafts] = useState<Record<number, CalendarYear>>({});
  const [selected, setSelected] = useState<number | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [pasting, setPasting] = useState(false);
  const [pasteError, setPasteError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [newYear, setNewYear] = useState('');
  const [newYearError, setNewYearError] = useState('');

  const years = [...new Set([...coveredYears(calendar), ...Object.keys(drafts).map(Number)])].sort(
    (a, b) => a - b,
  );
  const thisYear = yearOf(today);
  const current = selected ?? (years.includes(thisYear) ? thisYear : (years.at(-1) ?? thisYear));
  const stored = calendar.years.find((y) => y.year === current) ?? null;
  const draft = drafts[current] ?? null;
  const shown = draft ?? stored ?? { year: current, holidays: [], makeUpWorkdays: [] };
  const others = calendar.years.filter((y) => y.year !== current);
  const problems = draft ? validateCalendarYear(draft, others) : [];
  const missing = missingYearAround(calendar, today);

  const report = (r: CalendarChangeResult, ok: () => string) =>
    setMessage(r.ok ? { ok: true, text: ok() } : { ok: false, text: refusalText(r) });
  const movedText = (moved: number) =>
    moved > 0 ? t('savedMoved', { count: moved }) : t('savedNone');

  const save = async (year: CalendarYear): Promise<CalendarChangeResult | null> => {
    setBusy(true);
    try {
      return await saveCalendarYear(appDb(), currentActor(), year);
    } catch (e) {
      setMessage({ ok: false, text: t('refused.failed', { message: hostErrorText(e) }) });
      return null;
    } finally {
      setBusy(false);
    }
  };

  const onSave = async () => {
    if (!draft || busy) return;
    const r = await save(draft);
    if (!r) return;
    report(r, () => t('saved', { year: draft.year, moved: movedText(r.ok ? r.moved : 0) }));
    if (r.ok) {
      setDrafts(({ [draft.year]: _, ...rest }) => rest);
    }
  };

  const onPasted = async (year: CalendarYear) => {
    setPasteError(null);
    const r = await save(year);
    if (!r) return;
    if (!r.ok) return setPasteError(refusalText(r));
    setPasting(false);
    setDrafts(({ [year.year]: _, ...rest }) => rest);
    setSelected(year.year);
    setMessage({ ok: true, text: t('saved', { year: year.year, moved: movedText(r.moved) }) });
  };

  const onDelete = async () => {
    setDeleting(false);
    setBusy(true);
    try {
      const r = await deleteCalendarYear(appDb(), currentActor(), current);
      report(r, () => t('deleted', { year: current }));
      if (r.ok) setSelected(null);
    } catch (e) {
      setMessage({ ok: false, text: t('refused.failed', { message: hostErrorText(e) }) });
    } finally {
      setBusy(false);
    }
  };

  const onAddYear = () => {
    const y = Number(newYear.trim());
    if (!/^\d{4}$/.test(newYear.trim()) || y < 2000 || y > 2100)
      return setNewYearError(t('addYearBad'));
    if (years.includes(y)) return setNewYearError(t('addYearExists', { year: y }));
    setDrafts((d) => ({ ...d, [y]: { year: y, holidays: [], makeUpWorkdays: [] } }));
    setSelected(y);
    setNewYear('');
    setNewYearError('');
    setMessage(null);
  };

  return (
    <Stack spacing={2} sx={{ maxWidth: 1200 }} data-testid="calendar-page">
      <Box>
        <Button startIcon={<ArrowBackIcon />} onClick={() => go('settings')}>
          {t('settings.title', { ns: 'app' })}
        </Button>
      </Box>
      <Typography variant="h2" component="h1">
        {t('title')}
      </Typography>
      <Typography>{t('intro')}</Typography>
      {ready && loaded.damaged && <Alert severity="error">{t('damaged')}</Alert>}
      {ready && !loaded.damaged && (
        <Typography color="text.secondary" data-testid="calendar-source">
          {loaded.configured
            ? t('configured', { years: coveredYears(calendar).join(t('listSeparator')) })
            : t('shipped', { years: coveredYears(defaultCalendar).join(t('listSeparator')) })}
        </Typography>
      )}
      {!editable && <Alert severity="info">{t('readOnly')}</Alert>}
      {editable && missing !== null && !years.includes(missing) && (
        <Alert severity="warning">{t('banner.missing', { year: missing })}</Alert>
      )}
      {editable && (
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <Button variant="contained" onClick={() => setPasting(true)} data-testid="calendar-paste">
            {t('paste')}
          </Button>
          <TextField
            size="small"
            label={t('addYearLabel')}
            value={newYear}
            onChange={(e) => {
              setNewYear(e.target.value);
              setNewYearError('');
            }}
            error={!!newYearError}
            helperText={newYearError || ' '}
            sx={{ width: 220 }}
            slotProps={{
              htmlInput: { inputMode: 'numeric', maxLength: 4, 'data-testid': 'add-year' },
            }}
          />
          <Button variant="outlined" onClick={onAddYear} data-testid="add-year-confirm">
            {t('addYearConfirm')}
          </Button>
        </Box>
      )}
      {message && (
        <Alert
          severity={message.ok ? 'success' : 'error'}
          role="status"
          data-testid="calendar-message"
        >
          {message.text}
        </Alert>
      )}
      <Paper sx={{ p: 2 }}>
        <Tabs
          value={current}
          onChange={(_, v: number) => {
            setSelected(v);
            setMessage(null);
          }}
          aria-label={t('years')}
          variant="scrollable"
        >
          {years.map((y) => (
            <Tab
              key={y}
              value={y}
              label={t('yearTab', { year: y }) + (drafts[y] ? ' *' : '')}
              data-testid={`year-tab-${y}`}
            />
          ))}
        </Tabs>
        <Stack spacing={3} sx={{ mt: 2 }}>
          <YearEditor
            year={shown}
            problems={problems}
            editable={editable}
            onChange={(next) => {
              setDrafts((d) => ({ ...d, [current]: next }));
              setMessage(null);
            }}
          />
          {editable && (
            <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
              <Button
                variant="contained"
                disabled={!draft || busy}
                onClick={() => void onSave()}
                data-testid="calendar-save"
              >
                {t('save', { year: current })}
              </Button>
              {draft && (
                <Button
                  onClick={() => setDrafts(({ [current]: _, ...rest }) => rest)}
                  disabled={busy}
                >
                  {t('discard')}
                </Button>
              )}
              {draft && <Typography color="text.secondary">{t('draft')}</Typography>}
              <Box sx={{ flexGrow: 1 }} />
              {stored && (
                <Button
                  color="error"
                  variant="outlined"
                  onClick={() => setDeleting(true)}
                  disabled={busy}
                  data-testid="calendar-delete"
                >
                  {t('delete', { year: current })}
                </Button>
              )}
            </Box>
          )}
          <MonthGrid year={shown} calendar={calendar} />
        </Stack>
      </Paper>
      {pasting && (
        <NoticeDialog
          open
          calendar={calendar}
          busy={busy}
          error={pasteError}
          onCancel={() => {
            setPasting(false);
            setPasteError(null);
          }}
          onConfirm={(y) => void onPasted(y)}
        />
      )}
      <Dialog
        open={deleting}
        onClose={() => setDeleting(false)}
        aria-labelledby="calendar-delete-title"
      >
        <DialogTitle id="calendar-delete-title">{t('deleteTitle', { year: current })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('deleteBody', { year: current })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDeleting(false)} autoFocus>
            {t('cancel')}
          </Button>
          <Button
            color="error"
            onClick={() => void onDelete()}
            data-testid="calendar-delete-confirm"
          >
            {t('deleteConfirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}

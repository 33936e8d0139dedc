// An approver's inbox: the cases at the role's step, green channel on top, then by deadline, with
// the traffic light and working days left; filters by matter, light and green channel; counts;
// suspended cases apart. Live: a colleague's action moves cases in and out at once.
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControl,
  FormControlLabel,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useCalendar } from '../shared/useCalendar';
import { appDb } from '../../data/stationDb';
import { inbox } from '../../data/queries';
import { useToday } from '../shared/useToday';
import { isEnglish } from '../cases/caseFormat';
import { InboxTable } from './InboxTable';
import { useApprovalFlash, useFlashMessage } from './flashStore';
import {
  buildInbox,
  NO_FILTERS,
  STEP_OF_ROLE,
  type ApproverRole,
  type InboxFilters,
  type LightFilter,
} from './inboxModel';

/** Enough for a busy week; suspended cases sort last in the index (no due date) so come after. */
const INBOX_LIMIT = 500;

export function InboxPage({ role }: { role: ApproverRole }) {
  const { t, i18n } = useTranslation('approval');
  const calendar = useCalendar();
  const db = appDb();
  const today = useToday();
  const [filters, setFilters] = useState<InboxFilters>(NO_FILTERS);
  const flash = useFlashMessage();
  const clearFlash = useApprovalFlash((s) => s.clear);
  const rows = useLiveQuery(() => inbox(db, role, INBOX_LIMIT), [db, role]);
  const step = STEP_OF_ROLE[role];
  const en = isEnglish(i18n.language);

  const heading = (
    <Typography variant="h2" component="h1" data-testid="inbox-title">
      {t(`title.${step}`)}
    </Typography>
  );
  if (rows === undefined)
    return (
      <Stack spacing={2}>
        {heading}
        <Typography>{t('loading')}</Typography>
      </Stack>
    );

  const box = buildInbox(rows, role, today, filters, calendar);
  const c = box.counts;
  const filtered =
    filters.matter !== '' || filters.light !== 'all' || filters.greenOnly ? true : false;

  return (
    <Stack spacing={2} sx={{ maxWidth: 1400 }} data-testid="approval-inbox">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        {heading}
        <Stack direction="row" spacing={1} data-testid="inbox-counts" sx={{ flexWrap: 'wrap' }}>
          <Chip color="primary" label={t('count.total', { count: c.total })} />
          <Chip color="error" variant="outlined" label={t('count.red', { count: c.red })} />
          <Chip color="warning" variant="outlined" label={t('count.yellow', { count: c.yellow })} />
          <Chip color="success" variant="outlined" label={t('count.green', { count: c.green })} />
          <Chip label={t('count.greenChannel', { count: c.greenChannel })} />
          <Chip label={t('count.suspended', { count: c.suspended })} />
        </Stack>
      </Box>
      {flash && (
        <Alert severity="success" onClose={clearFlash} data-testid="approval-flash">
          {flash}
        </Alert>
      )}
      <Box
        sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}
        data-testid="inbox-filters"
      >
        <FormControl size="small" sx={{ minWidth: 260 }}>
          <InputLabel id="inbox-matter-label" shrink>
            {t('filter.matter')}
          </InputLabel>
          <Select
            labelId="inbox-matter-label"
            label={t('filter.matter')}
            value={filters.matter}
            displayEmpty
            notched
            onChange={(e) => setFilters({ ...filters, matter: e.target.value })}
            data-testid="filter-matter"
          >
            <MenuItem value="">{t('filter.allMatters')}</MenuItem>
            {box.matters.map((m) => (
              <MenuItem key={m.code} value={m.code}>
                {en ? m.nameEn : m.name}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={filters.light}
          aria-label={t('filter.light')}
          onChange={(_e, v: LightFilter | null) => setFilters({ ...filters, light: v ?? 'all' })}
        >
          <ToggleButton value="all" data-testid="filter-light-all">
            {t('filter.allLights')}
          </ToggleButton>
          <ToggleButton value="red" data-testid="filter-light-red">
            {t('filter.lightRed')}
          </ToggleButton>
          <ToggleButton value="yellow" data-testid="filter-light-yellow">
            {t('filter.lightYellow')}
          </ToggleButton>
          <ToggleButton value="green" data-testid="filter-light-green">
            {t('filter.lightGreen')}
          </ToggleButton>
        </ToggleButtonGroup>
        <FormControlLabel
          control={
            <Checkbox
              checked={filters.greenOnly}
              onChange={(e) => setFilters({ ...filters, greenOnly: e.target.checked })}
              slotProps={{ input: { 'aria-label': t('filter.greenOnly') } }}
              data-testid="filter-green-only"
            />
          }
          label={t('filter.greenOnly')}
        />
        {filtered && (
          <Button onClick={() => setFilters(NO_FILTERS)} data-testid="filter-clear">
            {t('filter.clear')}
          </Button>
        )}
        <Typography color="text.secondary" data-testid="inbox-shown">
          {t('count.shown', { shown: c.shown, total: c.total })}
        </Typography>
      </Box>
      <InboxTable
        title={t('section.waiting')}
        items={box.active}
        today={today}
        empty={filtered ? t('list.emptyFiltered') : t('list.empty')}
        testId="inbox-waiting"
      />
      {box.suspended.length > 0 && (
        <InboxTable
          title={t('section.suspended')}
          items={box.suspended}
          today={today}
          suspended
          empty=""
          testId="inbox-suspended"
        />
      )}
    </Stack>
  );
}

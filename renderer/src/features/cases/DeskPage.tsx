// 办件查询: today's dashboard on top, then the one search box (autofocused, F3 from anywhere on
// the desk) and the result list. A scanner types the case number and Enter: when exactly one case
// matches, its page opens at once.
import { useEffect, useRef, useState } from 'react';
import { Alert, Box, InputAdornment, Stack, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { appDb } from '../../data/stationDb';
import type { CaseRow } from '../../data/db';
import { deskDashboard, deskList, findCases } from '../../data/queries';
import { useRouteStore } from '../../app/stores/routeStore';
import { CaseResults, moveInList } from './CaseResults';
import { Dashboard } from './Dashboard';
import { useDeskStore, type DeskSource } from './deskStore';
import { readQuery } from './searchHints';
import { useToday } from '../shared/useToday';
import { isKey } from '../shared/shortcuts';

const LIST_ID = 'desk-results';
const TYPING_DELAY_MS = 250;
export const SEARCH_SHORTCUT = 'F3';

export function DeskPage() {
  const { t } = useTranslation('cases');
  const db = appDb();
  const today = useToday();
  const go = useRouteStore((s) => s.go);
  const { text, source, setText, setSource } = useDeskStore();
  const [active, setActive] = useState(-1);
  const [enterPressed, setEnterPressed] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const reading = readQuery(text);

  const dashboard = useLiveQuery(() => deskDashboard(db, today), [db, today]);
  const rows = useLiveQuery<CaseRow[] | null>(
    () =>
      !source
        ? Promise.resolve(null)
        : source.kind === 'query'
          ? findCases(db, source.query)
          : deskList(db, source.key, today),
    [db, source, today],
  );

  const open = (row: CaseRow) => go('cases', 'case', row.id);
  const show = (next: DeskSource | null) => {
    setActive(-1);
    setSource(next);
  };

  // Results follow the typing; a scanner's Enter does not wait for this.
  useEffect(() => {
    if (reading.blocking) {
      // An emptied box clears its own results, not a list chosen from the dashboard.
      if (reading.hint === 'empty' && source?.kind === 'query') show(null);
      return;
    }
    const timer = window.setTimeout(() => {
      if (source?.kind !== 'query' || source.query !== text.trim())
        show({ kind: 'query', query: text.trim() });
    }, TYPING_DELAY_MS);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text restarts the timer
  }, [text]);

  // The frame moves focus to <main> a frame after an Alt+N switch; take it back for the box,
  // so a scanner can be used the moment the desk opens.
  useEffect(() => {
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => {
        const at = document.activeElement;
        if (!at || at === document.body || at.id === 'main') inputRef.current?.focus();
      });
    });
    return () => {
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isKey('search', e)) {
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = async () => {
    setEnterPressed(true);
    const chosen = active >= 0 && rows ? rows[active] : undefined;
    if (chosen) return open(chosen);
    if (reading.blocking) return;
    const query = text.trim();
    const hits = await findCases(db, query);
    if (hits.length === 1) return open(hits[0]!);
    show({ kind: 'query', query });
  };

  const hintKey = reading.hint && (reading.hint !== 'empty' || enterPressed) ? reading.hint : null;
  const listLabel =
    source?.kind === 'tile'
      ? t(`dashboard.${source.key}`)
      : t('results.for', { query: source?.query ?? '' });

  return (
    <Stack spacing={3} sx={{ maxWidth: 1500 }}>
      <Typography variant="h1">{t('title')}</Typography>
      <Dashboard
        data={dashboard}
        today={today}
        selected={source?.kind === 'tile' ? source.key : null}
        onSelect={(key) => {
          setText('');
          show({ kind: 'tile', key });
        }}
        onOpen={open}
      />
      <Box component="section" aria-labelledby="search-title">
        <Typography id="search-title" variant="h2" sx={{ fontSize: '1.35rem', mb: 1 }}>
          {t('search.title')}
        </Typography>
        <TextField
          inputRef={inputRef}
          autoFocus
          value={text}
          label={t('search.label', { key: SEARCH_SHORTCUT })}
          placeholder={t('search.placeholder')}
          helperText={hintKey ? t(`search.hint.${hintKey}`) : t('search.help')}
          error={hintKey === 'empty' || hintKey === 'tooLong'}
          onChange={(e) => {
            setEnterPressed(false);
            setText(e.target.value);
          }}
          onKeyDown={(e) => {
            if (moveInList(e, rows?.length ?? 0, active, setActive)) return;
            if (isKey('enter', e)) {
              e.preventDefault();
              void submit();
            } else if (isKey('escape', e)) {
              setText('');
              show(null);
            }
          }}
          slotProps={{
            htmlInput: {
              'data-testid': 'case-search',
              role: 'combobox',
              'aria-expanded': !!rows?.length,
              'aria-controls': LIST_ID,
              'aria-activedescendant': active >= 0 ? `${LIST_ID}-row-${active}` : undefined,
              'aria-keyshortcuts': SEARCH_SHORTCUT,
              autoComplete: 'off',
              spellCheck: false,
            },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon />
                </InputAdornment>
              ),
              sx: { fontSize: '1.3rem' },
            },
            formHelperText: {
              // A failed check still searches: shown as a warning, not as an error.
              sx: {
                fontSize: '1rem',
                color: hintKey && !reading.blocking ? 'warning.main' : undefined,
                fontWeight: hintKey ? 600 : undefined,
              },
              role: hintKey ? 'alert' : undefined,
            },
          }}
        />
      </Box>
      {source && rows && rows.length === 0 && (
        <Alert severity="info" data-testid="no-results" sx={{ fontSize: '1.05rem' }}>
          {source.kind === 'tile'
            ? t('results.emptyList')
            : t(`results.none.${readQuery(source.query).kind}`, { query: source.query })}
        </Alert>
      )}
      {rows && rows.length > 0 && (
        <Box component="section" aria-label={listLabel}>
          <Typography sx={{ mb: 1 }} data-testid="results-count">
            {listLabel} — {t('results.count', { count: rows.length })}
            <Typography component="span" color="text.secondary" sx={{ ml: 2 }}>
              {t('results.keys')}
            </Typography>
          </Typography>
          <CaseResults
            id={LIST_ID}
            rows={rows}
            active={active}
            onActive={setActive}
            onOpen={open}
            today={today}
            label={listLabel}
          />
        </Box>
      )}
    </Stack>
  );
}

// 统计: the month's efficiency figures for the office, per department and per clerk; the ranking
// with its red and black lists by the station's rules; a bar chart; the printable monthly
// 红黑榜; the .xlsx export of exactly the tables on screen.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendar } from '../shared/useCalendar';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Alert,
  Box,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { appDb } from '../../data/stationDb';
import { loadStatsCases } from '../../data/ledgersStats';
import { ticketRatingsOfMonth } from '../../data/ticketRatings';
import { ticketLinkedRatings } from '../../domain/floor/figures';
import { monthlyFigures } from '../../domain/stats';
import { rank } from '../../domain/statsRanking';
import { host } from '../../host';
import { useToday } from '../shared/useToday';
import { PrintDialog } from '../printing/PrintDialog';
import type { PrintJob } from '../printing/printService';
import {
  cellText,
  statsSheets,
  percent,
  type Cell,
  type Sheet,
  type TableLabels,
} from './statsTable';
import { statsWorkbook } from './statsXlsx';
import { floorSheets, useFloorStats } from '../queue/floorSheets';
import { BarChart } from './BarChart';
import {
  importOldRankingRules,
  loadRankingRules,
  RANKING_RULE_SETTERS,
} from '../../data/rankingRules';
import { defaultRankingRules } from '../../domain/statsRanking';
import { currentActor, useSessionStore } from '../../app/stores/sessionStore';
import { RulesDialog } from './RulesDialog';
import { redBlackJob } from './redBlackPrint';
import { departmentOfSetup, loadDepartments } from '../../data/departments';
import { getStation } from '../../data/station';

/** "2026年12月" / "December 2026". */
const monthText = (month: string, lang: string) =>
  new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1).toLocaleDateString(lang, {
    year: 'numeric',
    month: 'long',
  });

export function StatsPage() {
  const { t, i18n } = useTranslation('stats');
  const calendar = useCalendar();
  const today = useToday();
  const [month, setMonth] = useState(today.slice(0, 7));
  const rules = useLiveQuery(() => loadRankingRules(appDb()), []) ?? defaultRankingRules;
  // The station's own departments (or the stage defaults until it saves them), live: a change in
  // 设置 regroups the tables at once.
  const departments = useLiveQuery(() => loadDepartments(appDb()), []);
  const station = useLiveQuery(() => getStation(appDb()), []);
  const role = useSessionStore((s) => s.user?.role ?? '');
  // Rules an earlier version kept in this browser move into the station's settings once.
  useEffect(() => {
    if (!RANKING_RULE_SETTERS.includes(role)) return;
    importOldRankingRules(appDb(), currentActor(), window.localStorage).catch(() => undefined);
  }, [role]);
  const [editing, setEditing] = useState(false);
  const [jobs, setJobs] = useState<PrintJob[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const cases = useLiveQuery(() => (valid ? loadStatsCases(appDb(), month) : []), [month, valid]);
  // Ratings of tickets served without a case count beside the cases' (domain/stats.ts).
  const ticketRatings = useLiveQuery(
    () => (valid ? ticketRatingsOfMonth(appDb(), month) : []),
    [month, valid],
  );
  // The hall floor's figures (issue 18) beside the efficiency tables, on screen and in the file.
  const floor = useFloorStats(month, valid);
  const result = useMemo(() => {
    if (!cases || !ticketRatings || !valid || !departments) return null;
    const figures = monthlyFigures(cases, {
      month,
      today,
      calendar,
      ticketRatings,
      departmentOf: departmentOfSetup(departments.setup, i18n.language, t('department.unassigned')),
    });
    const ranking = rank(figures.byClerk, rules);
    const labels: TableLabels = {
      total: t('sheet.total'),
      byDepartment: t('sheet.byDepartment'),
      byClerk: t('sheet.byClerk'),
      ranking: t('sheet.ranking'),
      office: t('office'),
      unknownClerk: t('unknownClerk'),
      none: '—',
      col: {
        name: t('col.name'),
        department: t('col.department'),
        rank: t('col.rank'),
        list: t('col.list'),
        takenIn: t('col.takenIn'),
        concluded: t('col.concluded'),
        onTimeRate: t('col.onTimeRate'),
        averageWorkingDays: t('col.averageWorkingDays'),
        overdue: t('col.overdue'),
        suspended: t('col.suspended'),
        greenChannel: t('col.greenChannel'),
        badRatingRate: t('col.badRatingRate'),
      },
      list: { red: t('list.red'), black: t('list.black') },
    };
    const floorTables = floor
      ? floorSheets(
          floor,
          month,
          t,
          ticketLinkedRatings(
            cases.map((c) => c.state.ratings),
            ticketRatings,
          ),
        )
      : [];
    return { figures, ranking, sheets: [...statsSheets(figures, ranking, labels), ...floorTables] };
  }, [
    cases,
    ticketRatings,
    valid,
    month,
    today,
    rules,
    t,
    departments,
    i18n.language,
    calendar,
    floor,
  ]);

  const exportXlsx = async () => {
    if (!result) return;
    const bytes = await statsWorkbook(
      {
        title: t('title'),
        office: station?.officeName || t('officeMissing'),
        month: t('xlsxMonth', { month: monthText(month, i18n.language) }),
        definitions: t('definitionsFigures'),
      },
      result.sheets,
    );
    const r = await host.filesSaveFile({ suggestedName: t('file', { month }), bytes });
    setMessage(r.path ? t('exported', { path: r.path }) : null);
  };

  return (
    <Stack spacing={2} data-testid="stats">
      <Typography variant="h1" sx={{ fontSize: '1.6rem' }}>
        {t('title')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          label={t('month')}
          type="month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          error={!valid}
          sx={{ width: 240 }}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'stats-month' } }}
        />
        <Button
          variant="contained"
          disabled={!result}
          onClick={() =>
            result &&
            void redBlackJob(result.figures, result.ranking, today).then((j) => setJobs([j]))
          }
          data-testid="stats-print"
        >
          {t('print')}
        </Button>
        <Button
          variant="outlined"
          disabled={!result}
          onClick={() => void exportXlsx()}
          data-testid="stats-export"
        >
          {t('export')}
        </Button>
        {RANKING_RULE_SETTERS.includes(role) && (
          <Button onClick={() => setEditing(true)} data-testid="stats-rules">
            {t('rules.edit')}
          </Button>
        )}
      </Box>
      <Typography color="text.secondary">{t('definitionsFigures')}</Typography>
      {departments && !departments.configured && (
        <Typography color="text.secondary" data-testid="stats-departments-default">
          {t('departmentsDefaultNote')}
        </Typography>
      )}
      {message && <Alert severity="success">{message}</Alert>}
      {floor?.offline && <Alert severity="warning">{t('queue:stats.offline')}</Alert>}
      {result && result.figures.total.uncovered > 0 && (
        <Alert severity="warning">{t('uncovered', { n: result.figures.total.uncovered })}</Alert>
      )}
      {result && (
        <>
          {result.sheets.map((s) => (
            <SheetTable key={s.name} sheet={s} />
          ))}
          <Box data-testid="stats-lists">
            {(['red', 'black'] as const).map((list) => (
              <Typography key={list} data-testid={`stats-list-${list}`}>
                {t('list.members', {
                  list: t(`list.${list}`),
                  names:
                    result.ranking[list].map((r) => r.row.name || t('unknownClerk')).join('、') ||
                    t('list.none'),
                })}
              </Typography>
            ))}
          </Box>
          <BarChart
            title={t('chart')}
            bars={result.ranking.ranked.map((r) => ({
              label: r.row.name || t('unknownClerk'),
              value: r.row.onTimeRate,
              text: percent(r.row.onTimeRate, '—'),
              tone: r.list,
            }))}
          />
        </>
      )}
      {editing && (
        <RulesDialog
          rules={rules}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {jobs && <PrintDialog open jobs={jobs} onClose={() => setJobs(null)} />}
    </Stack>
  );
}

function SheetTable({ sheet }: { sheet: Sheet }) {
  const { t } = useTranslation('stats');
  return (
    <Box component="section" aria-label={sheet.name}>
      <Typography variant="h2" sx={{ fontSize: '1.2rem', mb: 1 }}>
        {sheet.name}
      </Typography>
      {/* No cell breaks a word (a name or "名次" one character a line); a table still wider than
          the screen scrolls sideways, and the scroller is reachable by keyboard. */}
      <Box sx={{ overflowX: 'auto' }} tabIndex={0}>
        <Table
          size="small"
          data-testid="stats-table"
          // A cell breaks only between words (English), never inside a Chinese word or a name
          // ("名/次", "李窗/口").
          sx={{ '& th, & td': { wordBreak: 'keep-all' } }}
        >
          <TableHead>
            <TableRow>
              {sheet.columns.map((c, k) => (
                <TableCell key={c} align={numeric(sheet, k) ? 'right' : 'left'}>
                  {c}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {sheet.rows.map((r, i) => (
              <TableRow key={i}>
                {r.map((cell, k) => (
                  <TableCell key={k} align={numeric(sheet, k) ? 'right' : 'left'}>
                    {cellText(cell)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
            {sheet.rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={sheet.columns.length}>{t('empty')}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
}

/** A column of figures (every cell a number, a rate or the dash): right-aligned. */
const numeric = (sheet: Sheet, k: number) =>
  sheet.rows.length > 0 &&
  sheet.rows.every((r) => typeof r[k] !== 'string' || r[k] === '—') &&
  sheet.rows.some((r) => typeof (r[k] as Cell) !== 'string');

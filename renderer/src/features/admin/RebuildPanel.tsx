// 从日志重建 (beside 数据校验): compares every read table with the fold of the event log and, when
// they differ, rebuilds them from it. Only the administrator — checked again in the data layer
// against the stored user (data/rebuild.ts). The result is said in words: which tables, how many
// rows, and the records this version cannot read or had to park.
import { useState } from 'react';
import { Alert, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { currentActor } from '../../app/stores/sessionStore';
import type { OneWindowDb } from '../../data/db';
import { rebuildReadTables, type RebuildResult } from '../../data/rebuild';

type Severity = 'success' | 'warning' | 'error' | 'info';

/** What the panel says about a result: its severity and its sentences (pure: tested alone). */
export function rebuildMessage(
  result: RebuildResult,
  t: TFunction,
): { severity: Severity; lines: string[] } {
  if (!result.ok) return { severity: 'error', lines: [t(`rebuild.refused.${result.code}`)] };
  const r = result.report;
  const tableName = (table: string) => t(`rebuild.table.${table}`);
  const differing = r.tables.filter(
    (d) => d.missing.length + d.extra.length + d.changed.length > 0,
  );
  const lines: string[] = [];
  if (r.differences === 0) lines.push(t('rebuild.clean', { events: r.events }));
  else if (r.mode === 'apply')
    lines.push(
      t('rebuild.rebuilt', {
        count: r.differences,
        tables: differing.map((d) => tableName(d.table)).join(t('rebuild.separator')),
      }),
    );
  else
    lines.push(
      t('rebuild.differences', {
        count: r.differences,
        list: differing
          .map((d) =>
            t('rebuild.tableDiff', {
              table: tableName(d.table),
              // Only what there is: "1 extra row", not "0 missing, 1 extra, 0 different".
              parts: (['missing', 'extra', 'changed'] as const)
                .filter((part) => d[part].length > 0)
                .map((part) => t(`rebuild.part.${part}`, { count: d[part].length }))
                .join(t('rebuild.partSeparator')),
            }),
          )
          .join(t('rebuild.separator')),
      }),
    );
  const skipped = r.outcomes.filter((o) => o.outcome === 'skipped').length;
  const parked = r.outcomes.filter((o) => o.outcome === 'parked').length;
  if (skipped > 0) lines.push(t('rebuild.skipped', { count: skipped }));
  if (parked > 0) lines.push(t('rebuild.parked', { count: parked }));
  const severity: Severity =
    r.differences === 0 || r.mode === 'apply'
      ? parked + skipped > 0
        ? 'info'
        : 'success'
      : 'warning';
  return { severity, lines };
}

export function RebuildPanel({ db }: { db: OneWindowDb }) {
  const { t } = useTranslation('security');
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<RebuildResult | null>(null);
  const [failed, setFailed] = useState(false);

  const run = async (apply: boolean) => {
    setRunning(true);
    setFailed(false);
    try {
      setResult(await rebuildReadTables(db, currentActor(), { apply }));
    } catch {
      setFailed(true);
    } finally {
      setRunning(false);
    }
  };

  const message = result ? rebuildMessage(result, t) : null;
  const canApply =
    !!result?.ok && result.report.mode === 'compare' && result.report.differences > 0;
  return (
    <Stack spacing={2} data-testid="rebuild-panel">
      <Typography variant="h3" sx={{ fontSize: '1.15rem' }}>
        {t('rebuild.title')}
      </Typography>
      <Typography color="text.secondary">{t('rebuild.help')}</Typography>
      {running && <LinearProgress aria-label={t('rebuild.running')} />}
      {message && (
        <Alert severity={message.severity} data-testid="rebuild-result">
          {message.lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </Alert>
      )}
      {failed && <Alert severity="error">{t('rebuild.failed')}</Alert>}
      <Stack direction="row" spacing={2}>
        <Button
          variant="outlined"
          onClick={() => void run(false)}
          disabled={running}
          data-testid="rebuild-compare"
        >
          {t('rebuild.compare')}
        </Button>
        {canApply && (
          <Button
            variant="contained"
            color="warning"
            onClick={() => void run(true)}
            disabled={running}
            data-testid="rebuild-apply"
          >
            {t('rebuild.apply')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}

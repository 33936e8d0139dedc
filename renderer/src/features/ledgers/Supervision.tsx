// 每周工作督办台账: items from key projects, legacy issues, complaints, bad ratings (follow-ups of
// issuance, read-only here) and green-channel enterprises; overdue rows stand out; weekly
// progress; printed weekly through the shared PrintDialog (archived as PDF). The follow-up of a
// ticket served without a case names the ticket (number, business); its rating has no case page,
// so the chief's appeal and the director's decision of it are made on its row here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Box,
  Button,
  Chip,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { appDb } from '../../data/stationDb';
import { supervisionLedger, type SupervisionRow } from '../../data/ledgersQueries';
import { addProgress, recordSupervision, SUPERVISION_SOURCES } from '../../data/ledgers';
import { useRouteStore } from '../../app/stores/routeStore';
import { useToday } from '../shared/useToday';
import { PrintDialog } from '../printing/PrintDialog';
import type { PrintJob } from '../printing/printService';
import { FormDialog, type FieldSpec } from './FormDialog';
import { useLedgerWrite } from './useLedgerWrite';
import { isOverdue, overdueSx, useMay } from './ledgerFormat';
import { supervisionJob } from './supervisionPrint';
import { LedgerToolbar } from './LedgerToolbar';
import { useSessionStore } from '../../app/stores/sessionStore';
import { RatingAppealDialog } from '../rating/RatingAppealDialog';
import { useTicketAppeal } from '../rating/useTicketAppeal';
import { ticketTitle } from './ticketTitle';
import { supervisionCells } from './supervisionCells';

const ITEM_FIELDS: FieldSpec[] = [
  { key: 'title', required: true },
  {
    key: 'source',
    type: 'select',
    options: SUPERVISION_SOURCES.filter((s) => s !== 'badRating'),
    optionPrefix: 'source.',
  },
  { key: 'creditCode' },
  { key: 'enterpriseName' },
  { key: 'caseNumber' },
  { key: 'department', required: true },
  { key: 'person', required: true },
  { key: 'dueDate', type: 'date', required: true },
];

/** `text` with `keep` (a case number, a date) never broken across lines. */
function Unbroken({ text, keep }: { text: string; keep: string }) {
  const at = keep ? text.indexOf(keep) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
        {keep}
      </Box>
      {text.slice(at + keep.length)}
    </>
  );
}

export function Supervision() {
  const { t, i18n } = useTranslation(['ledgers', 'rating', 'queue']);
  const role = useSessionStore((st) => st.user?.role);
  const { appealing, setAppealing, save: saveAppeal } = useTicketAppeal();
  const today = useToday();
  const mayOpen = useMay('supervision');
  const mayReport = useMay('progress');
  const write = useLedgerWrite();
  const go = useRouteStore((s) => s.go);
  const rows = useLiveQuery(() => supervisionLedger(appDb()), []);
  const [adding, setAdding] = useState(false);
  const [reporting, setReporting] = useState<SupervisionRow | null>(null);
  const [jobs, setJobs] = useState<PrintJob[] | null>(null);

  return (
    <Stack spacing={2} data-testid="supervision">
      <LedgerToolbar intro={t('supervision.intro')}>
        <Button
          variant="outlined"
          disabled={!rows}
          onClick={() => rows && void supervisionJob(rows, today).then((j) => setJobs([j]))}
          data-testid="supervision-print"
        >
          {t('supervision.print')}
        </Button>
        {mayOpen && (
          <Button variant="contained" onClick={() => setAdding(true)}>
            {t('supervision.new')}
          </Button>
        )}
      </LedgerToolbar>
      <Table
        size="small"
        sx={{
          '& th': { whiteSpace: 'nowrap' },
          '& th.wrap': { whiteSpace: 'normal', minWidth: '10em' },
        }}
        aria-label={t('tab.supervision')}
      >
        <TableHead>
          <TableRow>
            {[
              'number',
              'source',
              'title',
              'applicant',
              'department',
              'person',
              'dueDate',
              'progress',
              '',
            ].map((c) => (
              <TableCell key={c} className={c === 'applicant' ? 'wrap' : undefined}>
                {c ? t(`col.${c}`) : ''}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {(rows ?? []).map((r) => {
            const d = r.data;
            const late = isOverdue(d.dueDate, d.status === 'done', today);
            const latest = d.progress[d.progress.length - 1];
            const cells = supervisionCells(t, r, i18n.language);
            return (
              <TableRow key={r.id} sx={late ? overdueSx : undefined} data-testid="supervision-row">
                <TableCell data-testid="supervision-number" sx={{ minWidth: 170 }}>
                  <Unbroken text={cells.number} keep={cells.numberKeep} />
                </TableCell>
                <TableCell>
                  <Chip size="small" label={t(`source.${d.source}`)} />
                  {r.appeal && (
                    <Chip
                      size="small"
                      color={r.appeal === 'upheld' ? 'success' : 'default'}
                      variant="outlined"
                      label={t(
                        `rating:ledger.appeal${r.appeal[0]!.toUpperCase()}${r.appeal.slice(1)}`,
                      )}
                      data-testid="supervision-appeal"
                      sx={{ ml: 1 }}
                    />
                  )}
                </TableCell>
                <TableCell sx={{ maxWidth: 360 }} data-testid="supervision-title">
                  {r.ticket ? ticketTitle(t, r.ticket) : cells.title}
                </TableCell>
                <TableCell data-testid="supervision-applicant">
                  {d.creditCode ? (
                    <Link
                      component="button"
                      onClick={() => go('ledgers', 'enterprise', d.creditCode)}
                    >
                      {cells.applicant}
                    </Link>
                  ) : (
                    cells.applicant
                  )}
                </TableCell>
                <TableCell data-testid="supervision-department">{cells.department}</TableCell>
                <TableCell data-testid="supervision-person">{cells.person}</TableCell>
                <TableCell>
                  <Unbroken text={d.dueDate} keep={d.dueDate} />
                  {late && <Chip size="small" color="error" label={t('overdue')} sx={{ ml: 1 }} />}
                  {d.status === 'done' && (
                    <Chip size="small" color="success" label={t('done')} sx={{ ml: 1 }} />
                  )}
                </TableCell>
                <TableCell>{latest ? `${latest.week}：${latest.note}` : t('none')}</TableCell>
                <TableCell>
                  {r.item && mayReport && d.status === 'open' && (
                    <Button size="small" onClick={() => setReporting(r)}>
                      {t('supervision.report')}
                    </Button>
                  )}
                  {r.ticketRating && role === 'chief' && !r.ticketRating.appeal && (
                    <Button
                      size="small"
                      onClick={() => setAppealing({ kind: 'appeal', rating: r.ticketRating! })}
                      data-testid="rating-appeal-open"
                    >
                      {t('rating:appeal.open')}
                    </Button>
                  )}
                  {r.ticketRating &&
                    role === 'director' &&
                    r.ticketRating.appeal &&
                    !r.ticketRating.appeal.decision && (
                      <Button
                        size="small"
                        onClick={() => setAppealing({ kind: 'decide', rating: r.ticketRating! })}
                        data-testid="rating-decide-open"
                      >
                        {t('rating:decide.open')}
                      </Button>
                    )}
                </TableCell>
              </TableRow>
            );
          })}
          {rows?.length === 0 && (
            <TableRow>
              <TableCell colSpan={9}>{t('empty')}</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      {adding && (
        <FormDialog
          testId="supervision-form"
          title={t('supervision.new')}
          fields={ITEM_FIELDS}
          initial={{ source: 'keyProject', dueDate: today }}
          onClose={() => setAdding(false)}
          onSave={(v) =>
            write((db, actor) =>
              recordSupervision(
                db,
                {
                  title: v.title ?? '',
                  source: (v.source as (typeof SUPERVISION_SOURCES)[number]) ?? 'keyProject',
                  creditCode: v.creditCode ?? '',
                  enterpriseName: v.enterpriseName ?? '',
                  caseNumber: (v.caseNumber ?? '').trim(),
                  department: v.department ?? '',
                  person: v.person ?? '',
                  dueDate: v.dueDate ?? '',
                },
                actor,
              ),
            )
          }
        />
      )}
      {reporting?.item && (
        <FormDialog
          testId="progress-form"
          title={t('supervision.report')}
          fields={[
            { key: 'note', type: 'multiline', required: true },
            { key: 'done', type: 'check' },
          ]}
          initial={{}}
          onClose={() => setReporting(null)}
          onSave={(v) =>
            write((db, actor) =>
              addProgress(
                db,
                reporting.id,
                v.note ?? '',
                v.done === 'yes',
                reporting.item?.version ?? 0,
                actor,
              ),
            )
          }
        />
      )}
      <RatingAppealDialog open={appealing} onClose={() => setAppealing(null)} onSave={saveAppeal} />
      {jobs && <PrintDialog open jobs={jobs} onClose={() => setJobs(null)} />}
    </Stack>
  );
}

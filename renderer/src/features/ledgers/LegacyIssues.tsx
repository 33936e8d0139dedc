// 历史遗留问题台账: one row per issue; a chosen issue shows its history, 一事一议 meetings and
// linked cases. Chiefs and the director record issues and meetings; everyone may read.
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
  Typography,
} from '@mui/material';
import { appDb } from '../../data/stationDb';
import { ledgerItems } from '../../data/ledgersQueries';
import {
  addMeeting,
  recordLegacyIssue,
  resolveLegacyIssue,
  type LedgerItem,
} from '../../data/ledgers';
import { useRouteStore } from '../../app/stores/routeStore';
import { useToday } from '../shared/useToday';
import { FormDialog, type FieldSpec } from './FormDialog';
import { useLedgerWrite } from './useLedgerWrite';
import { isOverdue, overdueSx, splitList, useMay, useOpenCase } from './ledgerFormat';
import { LedgerToolbar } from './LedgerToolbar';

const ISSUE_FIELDS: FieldSpec[] = [
  { key: 'creditCode', required: true },
  { key: 'enterpriseName', required: true },
  { key: 'projectName', required: true },
  { key: 'history', type: 'multiline' },
  { key: 'obstacle', type: 'multiline', required: true },
  { key: 'responsible', required: true },
  { key: 'department' },
  { key: 'dueDate', type: 'date', required: true },
  { key: 'caseNumbers' },
  { key: 'meetingDate', type: 'date' },
  { key: 'participants' },
  { key: 'decisions', type: 'multiline' },
];
// Participants first: the date defaults to today and a date field eats typed text by segments.
const MEETING_FIELDS: FieldSpec[] = [
  { key: 'participants', required: true },
  { key: 'decisions', type: 'multiline', required: true },
  { key: 'date', type: 'date', required: true },
];

type Issue = LedgerItem<'legacyIssue'>;

export function LegacyIssues() {
  const { t } = useTranslation('ledgers');
  const today = useToday();
  const may = useMay('legacyIssue');
  const write = useLedgerWrite();
  const go = useRouteStore((s) => s.go);
  const issues = useLiveQuery(() => ledgerItems(appDb(), 'legacyIssue'), []);
  const [dialog, setDialog] = useState<'new' | 'meeting' | 'resolve' | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const open = issues?.find((i) => i.id === openId) ?? null;

  return (
    <Stack spacing={2} data-testid="legacy-issues">
      <LedgerToolbar intro={t('legacy.intro')}>
        {may && (
          <Button variant="contained" onClick={() => setDialog('new')} data-testid="legacy-new">
            {t('legacy.new')}
          </Button>
        )}
      </LedgerToolbar>
      {!may && <Typography color="text.secondary">{t('legacy.readOnly')}</Typography>}
      <Table size="small" sx={{ '& th': { whiteSpace: 'nowrap' } }} aria-label={t('tab.legacy')}>
        <TableHead>
          <TableRow>
            {[
              'number',
              'enterpriseName',
              'projectName',
              'obstacle',
              'responsible',
              'dueDate',
              'status',
              'meetings',
            ].map((c) => (
              <TableCell key={c}>{t(`col.${c}`)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {(issues ?? []).map((i) => {
            const late = isOverdue(i.data.dueDate, i.data.status === 'resolved', today);
            return (
              <TableRow
                key={i.id}
                hover
                selected={i.id === openId}
                sx={late ? overdueSx : undefined}
              >
                <TableCell>
                  <Link
                    component="button"
                    onClick={() => setOpenId(i.id)}
                    data-testid="legacy-open"
                  >
                    {i.data.number}
                  </Link>
                </TableCell>
                <TableCell>
                  <Link
                    component="button"
                    onClick={() => go('ledgers', 'enterprise', i.data.creditCode)}
                  >
                    {i.data.enterpriseName}
                  </Link>
                </TableCell>
                <TableCell>{i.data.projectName}</TableCell>
                <TableCell>{i.data.obstacle}</TableCell>
                <TableCell>{i.data.responsible}</TableCell>
                <TableCell>
                  {i.data.dueDate}
                  {late && <Chip size="small" color="error" label={t('overdue')} sx={{ ml: 1 }} />}
                </TableCell>
                <TableCell>{t(`issueStatus.${i.data.status}`)}</TableCell>
                <TableCell>{i.data.meetings.length}</TableCell>
              </TableRow>
            );
          })}
          {issues?.length === 0 && (
            <TableRow>
              <TableCell colSpan={8}>{t('empty')}</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      {open && (
        <IssueDetail
          issue={open}
          may={may}
          onMeeting={() => setDialog('meeting')}
          onResolve={() => setDialog('resolve')}
        />
      )}
      {dialog === 'new' && (
        <FormDialog
          testId="legacy-form"
          title={t('legacy.new')}
          fields={ISSUE_FIELDS}
          initial={{ dueDate: today, meetingDate: today }}
          onClose={() => setDialog(null)}
          onSave={(v) =>
            write((db, actor) =>
              recordLegacyIssue(
                db,
                {
                  creditCode: v.creditCode ?? '',
                  enterpriseName: v.enterpriseName ?? '',
                  projectName: v.projectName ?? '',
                  history: v.history ?? '',
                  obstacle: v.obstacle ?? '',
                  responsible: v.responsible ?? '',
                  department: v.department ?? '',
                  dueDate: v.dueDate ?? '',
                  caseNumbers: splitList(v.caseNumbers ?? ''),
                  // The first 一事一议 meeting is often why the issue is entered at all.
                  meetings:
                    (v.decisions ?? '').trim() !== ''
                      ? [
                          {
                            date: v.meetingDate ?? '',
                            participants: v.participants ?? '',
                            decisions: v.decisions ?? '',
                          },
                        ]
                      : [],
                },
                actor,
              ),
            )
          }
        />
      )}
      {dialog === 'meeting' && open && (
        <FormDialog
          testId="meeting-form"
          title={t('legacy.addMeeting')}
          fields={MEETING_FIELDS}
          initial={{ date: today }}
          onClose={() => setDialog(null)}
          onSave={(v) =>
            write((db, actor) =>
              addMeeting(
                db,
                open.id,
                {
                  date: v.date ?? '',
                  participants: v.participants ?? '',
                  decisions: v.decisions ?? '',
                },
                open.version,
                actor,
              ),
            )
          }
        />
      )}
      {dialog === 'resolve' && open && (
        <FormDialog
          testId="resolve-form"
          title={t('legacy.resolve')}
          fields={[{ key: 'resolution', type: 'multiline', required: true }]}
          initial={{}}
          onClose={() => setDialog(null)}
          onSave={(v) =>
            write((db, actor) =>
              resolveLegacyIssue(db, open.id, v.resolution ?? '', open.version, actor),
            )
          }
        />
      )}
    </Stack>
  );
}

function IssueDetail({
  issue,
  may,
  onMeeting,
  onResolve,
}: {
  issue: Issue;
  may: boolean;
  onMeeting: () => void;
  onResolve: () => void;
}) {
  const { t } = useTranslation('ledgers');
  const openCase = useOpenCase();
  const d = issue.data;
  return (
    <Box
      component="section"
      data-testid="legacy-detail"
      sx={{ border: 1, borderColor: 'divider', p: 2, borderRadius: 1 }}
    >
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 1 }}>
        <Typography variant="h2" sx={{ fontSize: '1.3rem', flexGrow: 1 }}>
          {d.number} {d.enterpriseName}（{d.creditCode}）
        </Typography>
        {may && d.status !== 'resolved' && (
          <>
            <Button variant="outlined" onClick={onMeeting} data-testid="legacy-add-meeting">
              {t('legacy.addMeeting')}
            </Button>
            <Button variant="outlined" onClick={onResolve}>
              {t('legacy.resolve')}
            </Button>
          </>
        )}
      </Box>
      <Typography>
        <b>{t('field.history')}：</b>
        {d.history || t('none')}
      </Typography>
      <Typography>
        <b>{t('field.obstacle')}：</b>
        {d.obstacle}
      </Typography>
      <Typography>
        <b>{t('field.responsible')}：</b>
        {d.responsible} {d.department}
      </Typography>
      {d.resolution && (
        <Typography>
          <b>{t('field.resolution')}：</b>
          {d.resolution}
        </Typography>
      )}
      <Typography>
        <b>{t('field.caseNumbers')}：</b>
        {d.caseNumbers.length === 0
          ? t('none')
          : d.caseNumbers.map((n) => (
              <Link key={n} component="button" sx={{ mr: 1 }} onClick={() => void openCase(n)}>
                {n}
              </Link>
            ))}
      </Typography>
      <Typography variant="h3" sx={{ fontSize: '1.1rem', mt: 2 }}>
        {t('legacy.meetings')}
      </Typography>
      {d.meetings.length === 0 ? (
        <Typography color="text.secondary">{t('legacy.noMeetings')}</Typography>
      ) : (
        <Table size="small" data-testid="legacy-meetings">
          <TableHead>
            <TableRow>
              <TableCell>{t('field.date')}</TableCell>
              <TableCell>{t('field.participants')}</TableCell>
              <TableCell>{t('field.decisions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {d.meetings.map((m, i) => (
              <TableRow key={i}>
                <TableCell>{m.date}</TableCell>
                <TableCell>{m.participants}</TableCell>
                <TableCell>{m.decisions}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}

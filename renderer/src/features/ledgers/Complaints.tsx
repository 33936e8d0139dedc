// 投诉与局长信箱: each complaint or letter with its return calls (回访); recording one opens a
// supervision item so that it is chased weekly until closed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Button,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { appDb } from '../../data/stationDb';
import { ledgerItems } from '../../data/ledgersQueries';
import { addReturnCall, recordComplaint, type LedgerItem } from '../../data/ledgers';
import { maskPhone } from '../../domain';
import { useToday } from '../shared/useToday';
import { FormDialog, type FieldSpec } from './FormDialog';
import { useLedgerWrite } from './useLedgerWrite';
import { isOverdue, overdueSx, useMay } from './ledgerFormat';
import { LedgerToolbar } from './LedgerToolbar';

const FIELDS: FieldSpec[] = [
  { key: 'channel', type: 'select', options: ['complaint', 'mailbox'], optionPrefix: 'channel.' },
  { key: 'receivedOn', type: 'date', required: true },
  { key: 'complainant', required: true },
  { key: 'phone' },
  { key: 'content', type: 'multiline', required: true },
  { key: 'creditCode' },
  { key: 'caseNumber' },
  { key: 'staff' },
  { key: 'department' },
  // Who handles it (the supervision item's 责任人): chosen here, not whoever types it in.
  { key: 'responsible', required: true },
  { key: 'dueDate', type: 'date', required: true },
];
const CALL_FIELDS: FieldSpec[] = [
  { key: 'date', type: 'date', required: true },
  { key: 'result', type: 'multiline', required: true },
  { key: 'satisfied', type: 'check' },
  { key: 'close', type: 'check' },
];

export function Complaints() {
  const { t } = useTranslation('ledgers');
  const today = useToday();
  const may = useMay('complaint');
  const mayCall = useMay('returnCall');
  const write = useLedgerWrite();
  const items = useLiveQuery(() => ledgerItems(appDb(), 'complaint'), []);
  const [adding, setAdding] = useState(false);
  const [calling, setCalling] = useState<LedgerItem<'complaint'> | null>(null);
  return (
    <Stack spacing={2} data-testid="complaints">
      <LedgerToolbar intro={t('complaints.intro')}>
        {may && (
          <Button variant="contained" onClick={() => setAdding(true)}>
            {t('complaints.new')}
          </Button>
        )}
      </LedgerToolbar>
      <ComplaintTable items={items ?? []} today={today} onCall={mayCall ? setCalling : undefined} />
      {adding && (
        <FormDialog
          testId="complaint-form"
          title={t('complaints.new')}
          fields={FIELDS}
          initial={{ channel: 'complaint', receivedOn: today, dueDate: today }}
          onClose={() => setAdding(false)}
          onSave={(v) =>
            write((db, actor) =>
              recordComplaint(
                db,
                {
                  channel: v.channel === 'mailbox' ? 'mailbox' : 'complaint',
                  receivedOn: v.receivedOn ?? '',
                  complainant: v.complainant ?? '',
                  phone: v.phone ?? '',
                  content: v.content ?? '',
                  creditCode: v.creditCode ?? '',
                  caseNumber: (v.caseNumber ?? '').trim(),
                  staff: v.staff ?? '',
                  dueDate: v.dueDate ?? '',
                },
                { department: v.department ?? '', responsible: v.responsible ?? '' },
                actor,
              ),
            )
          }
        />
      )}
      {calling && (
        <FormDialog
          testId="call-form"
          title={t('complaints.call')}
          fields={CALL_FIELDS}
          initial={{ date: today }}
          onClose={() => setCalling(null)}
          onSave={(v) =>
            write((db, actor) =>
              addReturnCall(
                db,
                calling.id,
                { date: v.date ?? '', result: v.result ?? '', satisfied: v.satisfied === 'yes' },
                v.close === 'yes',
                calling.version,
                actor,
              ),
            )
          }
        />
      )}
    </Stack>
  );
}

export function ComplaintTable({
  items,
  today,
  onCall,
}: {
  items: readonly LedgerItem<'complaint'>[];
  today: string;
  onCall?: (c: LedgerItem<'complaint'>) => void;
}) {
  const { t } = useTranslation('ledgers');
  return (
    <Table size="small" sx={{ '& th': { whiteSpace: 'nowrap' } }} aria-label={t('tab.complaints')}>
      <TableHead>
        <TableRow>
          {[
            'number',
            'channel',
            'receivedOn',
            'complainant',
            'phone',
            'content',
            'dueDate',
            'returnCalls',
            '',
          ].map((c) => (
            <TableCell key={c}>{c ? t(`col.${c}`) : ''}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((c) => {
          const d = c.data;
          const late = isOverdue(d.dueDate, d.status === 'closed', today);
          return (
            <TableRow key={c.id} sx={late ? overdueSx : undefined}>
              <TableCell>{d.number}</TableCell>
              <TableCell>{t(`channel.${d.channel}`)}</TableCell>
              <TableCell>{d.receivedOn}</TableCell>
              <TableCell>{d.complainant}</TableCell>
              {/* Personal data masked in lists. */}
              <TableCell>{d.phone ? maskPhone(d.phone) : ''}</TableCell>
              <TableCell sx={{ maxWidth: 320 }}>{d.content}</TableCell>
              <TableCell>
                {d.dueDate}
                {d.status === 'closed' && (
                  <Chip size="small" color="success" label={t('done')} sx={{ ml: 1 }} />
                )}
              </TableCell>
              <TableCell>
                {d.returnCalls.length === 0
                  ? t('none')
                  : d.returnCalls.map((r, i) => (
                      <div key={i}>
                        {r.date} {r.by}：{r.result}（{t(r.satisfied ? 'satisfied' : 'notSatisfied')}
                        ）
                      </div>
                    ))}
              </TableCell>
              <TableCell>
                {onCall && d.status === 'open' && (
                  <Button size="small" onClick={() => onCall(c)}>
                    {t('complaints.call')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          );
        })}
        {items.length === 0 && (
          <TableRow>
            <TableCell colSpan={9}>{t('empty')}</TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}

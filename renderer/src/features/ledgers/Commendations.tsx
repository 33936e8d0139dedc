// 表扬: thank-you letters, banners (锦旗) and medals (奖牌), linked to a case or to staff.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Button, Stack, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { appDb } from '../../data/stationDb';
import { ledgerItems } from '../../data/ledgersQueries';
import { recordCommendation, type CommendationKind, type LedgerItem } from '../../data/ledgers';
import { useToday } from '../shared/useToday';
import { FormDialog, type FieldSpec } from './FormDialog';
import { useLedgerWrite } from './useLedgerWrite';
import { useMay } from './ledgerFormat';
import { LedgerToolbar } from './LedgerToolbar';

const KINDS: readonly CommendationKind[] = ['letter', 'banner', 'medal'];
const FIELDS: FieldSpec[] = [
  { key: 'kind', type: 'select', options: KINDS, optionPrefix: 'kind.' },
  { key: 'receivedOn', type: 'date', required: true },
  { key: 'from', required: true },
  { key: 'creditCode' },
  { key: 'caseNumber' },
  { key: 'staff' },
  { key: 'note', type: 'multiline' },
];

export function Commendations() {
  const { t } = useTranslation('ledgers');
  const today = useToday();
  const may = useMay('commendation');
  const write = useLedgerWrite();
  const items = useLiveQuery(() => ledgerItems(appDb(), 'commendation'), []);
  const [adding, setAdding] = useState(false);
  return (
    <Stack spacing={2} data-testid="commendations">
      <LedgerToolbar intro={t('commendations.intro')}>
        {may && (
          <Button variant="contained" onClick={() => setAdding(true)}>
            {t('commendations.new')}
          </Button>
        )}
      </LedgerToolbar>
      <CommendationTable items={items ?? []} />
      {adding && (
        <FormDialog
          testId="commendation-form"
          title={t('commendations.new')}
          fields={FIELDS}
          initial={{ kind: 'letter', receivedOn: today }}
          onClose={() => setAdding(false)}
          onSave={(v) =>
            write((db, actor) =>
              recordCommendation(
                db,
                {
                  kind: KINDS.find((k) => k === v.kind) ?? 'letter',
                  receivedOn: v.receivedOn ?? '',
                  from: v.from ?? '',
                  creditCode: v.creditCode ?? '',
                  caseNumber: (v.caseNumber ?? '').trim(),
                  staff: v.staff ?? '',
                  note: v.note ?? '',
                },
                actor,
              ),
            )
          }
        />
      )}
    </Stack>
  );
}

export function CommendationTable({ items }: { items: readonly LedgerItem<'commendation'>[] }) {
  const { t } = useTranslation('ledgers');
  return (
    <Table
      size="small"
      sx={{ '& th': { whiteSpace: 'nowrap' } }}
      aria-label={t('tab.commendations')}
    >
      <TableHead>
        <TableRow>
          {['number', 'kind', 'receivedOn', 'from', 'caseNumber', 'staff', 'note'].map((c) => (
            <TableCell key={c}>{t(`col.${c}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((c) => (
          <TableRow key={c.id}>
            <TableCell>{c.data.number}</TableCell>
            <TableCell>{t(`kind.${c.data.kind}`)}</TableCell>
            <TableCell>{c.data.receivedOn}</TableCell>
            <TableCell>{c.data.from}</TableCell>
            <TableCell>{c.data.caseNumber}</TableCell>
            <TableCell>{c.data.staff}</TableCell>
            <TableCell>{c.data.note}</TableCell>
          </TableRow>
        ))}
        {items.length === 0 && (
          <TableRow>
            <TableCell colSpan={7}>{t('empty')}</TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}

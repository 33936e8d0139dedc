// 台账 › 取号评价: every rating of a queue ticket served without a case (counselling, an enquiry,
// a certificate collected with no case), good or bad, month by month — the ticket's number and
// business, the window, the clerk, the level and reasons, the time on the hall clock, and the
// appeal. Such a rating has no case page, and only a bad one has a follow-up row in 每周督办; here
// the section chief appeals any of them with a reason and the director decides, with the case
// page's dialog and words (features/rating/useTicketAppeal.ts). The data layer checks the stored
// user's role; nothing is deleted.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Alert,
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
import { listTicketRatings, type ListedTicketRating } from '../../data/ticketRatings';
import { hallDateTime } from '../../domain/dates';
import { useSessionStore } from '../../app/stores/sessionStore';
import { windowName } from '../floor/screenModel';
import { useFloorStore, useFloorWatch } from '../queue/floorStore';
import { AppealLine, RatingAppealDialog } from '../rating/RatingAppealDialog';
import { useTicketAppeal } from '../rating/useTicketAppeal';
import { useToday } from '../shared/useToday';
import { LedgerToolbar } from './LedgerToolbar';

const COLUMNS = [
  'number',
  'business',
  'window',
  'clerk',
  'level',
  'reasons',
  'at',
  'appeal',
] as const;

export function TicketRatings() {
  const { t } = useTranslation(['rating', 'ledgers', 'issuance', 'queue']);
  const role = useSessionStore((st) => st.user?.role);
  const today = useToday();
  const [month, setMonth] = useState(today.slice(0, 7));
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const rows = useLiveQuery(() => (valid ? listTicketRatings(appDb(), month) : []), [month, valid]);
  const [done, setDone] = useState<string | null>(null);
  // The window's number from the floor's settings (1 号窗口); its code where the settings have none.
  useFloorWatch();
  const windows = useFloorStore((st) => st.snapshot?.settings.windows);
  const windowOf = (id: string) => {
    const name = windowName(windows ?? [], id);
    return name.kind === 'number' ? t('queue:panel.window', { number: name.number }) : name.code;
  };
  const { appealing, setAppealing, save } = useTicketAppeal((kind) =>
    setDone(t(kind === 'appeal' ? 'appeal.done' : 'decide.done')),
  );

  return (
    <Stack spacing={2} data-testid="ticket-ratings">
      <LedgerToolbar intro={t('list.intro')}>
        <TextField
          label={t('list.month')}
          type="month"
          value={month}
          onChange={(e) => {
            setMonth(e.target.value);
            setDone(null);
          }}
          error={!valid}
          helperText={valid ? undefined : t('list.monthInvalid')}
          sx={{ width: 200, flexShrink: 0 }}
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'ticket-ratings-month' },
          }}
        />
      </LedgerToolbar>
      {done && (
        <Alert severity="success" onClose={() => setDone(null)} data-testid="ticket-ratings-done">
          {done}
        </Alert>
      )}
      <Table
        size="small"
        // A short cell breaks only between words, never inside a Chinese word or a name; the
        // appeal's sentences break as text does.
        sx={{
          '& th': { whiteSpace: 'nowrap' },
          '& td': { wordBreak: 'keep-all' },
          '& td.sentences': { wordBreak: 'normal' },
        }}
        aria-label={t('ledgers:tab.ticketRatings')}
      >
        <TableHead>
          <TableRow>
            {COLUMNS.map((c) => (
              <TableCell key={c}>{t(`list.col.${c}`)}</TableCell>
            ))}
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {(rows ?? []).map((x) => (
            <RatingRow
              key={x.rating.ratingId}
              listed={x}
              windowOf={windowOf}
              mayAppeal={role === 'chief' && !x.rating.appeal}
              mayDecide={role === 'director' && !!x.rating.appeal && !x.rating.appeal.decision}
              onAppeal={(kind) => {
                setDone(null);
                setAppealing({ kind, rating: x.rating });
              }}
            />
          ))}
          {rows?.length === 0 && (
            <TableRow>
              <TableCell colSpan={COLUMNS.length + 1}>{t('list.empty')}</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      <RatingAppealDialog open={appealing} onClose={() => setAppealing(null)} onSave={save} />
    </Stack>
  );
}

function RatingRow({
  listed,
  windowOf,
  mayAppeal,
  mayDecide,
  onAppeal,
}: {
  listed: ListedTicketRating;
  windowOf: (id: string) => string;
  mayAppeal: boolean;
  mayDecide: boolean;
  onAppeal: (kind: 'appeal' | 'decide') => void;
}) {
  const { t } = useTranslation(['rating', 'issuance', 'queue']);
  const r = listed.rating;
  const at = listed.recordedAt ? hallDateTime(listed.recordedAt).replace('T', ' ') : r.on;
  const reasons = r.reasons?.map((x) => t(`reason.${x}`)).join('、');
  return (
    <TableRow data-testid="ticket-rating-row" data-rating={r.ratingId}>
      <TableCell data-testid="ticket-rating-number" sx={{ fontWeight: 600 }}>
        {r.ticket.number}
      </TableCell>
      <TableCell data-testid="ticket-rating-business">
        {t(`queue:business.${r.ticket.business}`, { defaultValue: r.ticket.business })}
      </TableCell>
      <TableCell data-testid="ticket-rating-window" sx={{ whiteSpace: 'nowrap' }}>
        {r.place?.window ? windowOf(r.place.window) : t('list.unknownWindow')}
      </TableCell>
      <TableCell data-testid="ticket-rating-clerk">
        {r.place?.clerkName || t('list.unknownClerk')}
      </TableCell>
      <TableCell
        data-testid="ticket-rating-level"
        sx={{ whiteSpace: 'nowrap', color: r.bad ? 'error.main' : undefined }}
      >
        {t(`issuance:rating.level.${r.overall}`, { defaultValue: String(r.overall) })}
      </TableCell>
      <TableCell data-testid="ticket-rating-reasons">{reasons || t('list.noReasons')}</TableCell>
      <TableCell data-testid="ticket-rating-at" sx={{ whiteSpace: 'nowrap' }}>
        {at}
      </TableCell>
      <TableCell data-testid="ticket-rating-appeal" className="sentences" sx={{ minWidth: 280 }}>
        {r.appeal ? (
          <AppealLine rating={r} />
        ) : (
          <Typography color="text.secondary">{t('list.notAppealed')}</Typography>
        )}
      </TableCell>
      <TableCell>
        {mayAppeal && (
          <Button size="small" onClick={() => onAppeal('appeal')} data-testid="rating-appeal-open">
            {t('appeal.open')}
          </Button>
        )}
        {mayDecide && (
          <Button size="small" onClick={() => onAppeal('decide')} data-testid="rating-decide-open">
            {t('decide.open')}
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}

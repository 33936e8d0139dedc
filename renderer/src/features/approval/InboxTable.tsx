// One list of the inbox as a keyboard table: Tab into it, ↑/↓ between cases, Enter opens the
// step screen. The light is colour and words together; personal codes are not shown at all.
import type { KeyboardEvent } from 'react';
import {
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useRouteStore } from '../../app/stores/routeStore';
import { LightChip } from '../shared/LightChip';
import { isEnglish } from '../cases/caseFormat';
import type { InboxItem } from './inboxModel';
import { isKey } from '../shared/shortcuts';

function moveFocus(e: KeyboardEvent<HTMLTableRowElement>, delta: number) {
  const rows = Array.from(
    e.currentTarget.parentElement?.querySelectorAll<HTMLTableRowElement>('tr[data-case]') ?? [],
  );
  const next = rows[rows.indexOf(e.currentTarget) + delta];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

export function InboxTable({
  title,
  items,
  today,
  empty,
  testId,
  suspended = false,
}: {
  title: string;
  items: InboxItem[];
  today: string;
  empty: string;
  testId: string;
  suspended?: boolean;
}) {
  const { t, i18n } = useTranslation('approval');
  const go = useRouteStore((s) => s.go);
  const en = isEnglish(i18n.language);
  const open = (id: string) => go('approval', 'case', id);

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={testId}>
      <Typography variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
        {title}
        {items.length > 0 && (
          <Typography component="span" color="text.secondary" sx={{ ml: 2, fontSize: '0.95rem' }}>
            {t('list.hint')}
          </Typography>
        )}
      </Typography>
      {items.length === 0 ? (
        <Typography color="text.secondary" data-testid={`${testId}-empty`}>
          {empty}
        </Typography>
      ) : (
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('list.caseNo')}</TableCell>
              <TableCell>{t('list.applicant')}</TableCell>
              <TableCell>{t('list.matter')}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('list.received')}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {suspended ? t('list.suspendedKind') : t('list.due')}
              </TableCell>
              {!suspended && <TableCell>{t('list.light')}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((item) => {
              const { row, state, deadline } = item;
              const open_ = state.suspensions.find((s) => s.to === null);
              return (
                <TableRow
                  key={row.id}
                  hover
                  tabIndex={0}
                  data-case={row.caseNo}
                  data-testid={`inbox-row-${row.caseNo}`}
                  onClick={() => open(row.id)}
                  onKeyDown={(e) => {
                    if (isKey('enter', e)) open(row.id);
                    else if (isKey('down', e)) moveFocus(e, 1);
                    else if (isKey('up', e)) moveFocus(e, -1);
                  }}
                  sx={{
                    cursor: 'pointer',
                    '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main' },
                  }}
                >
                  <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                    {row.caseNo}
                    {state.greenChannel && (
                      <Chip
                        size="small"
                        color="success"
                        label={t('list.greenChannel')}
                        sx={{ ml: 1, fontFamily: 'inherit' }}
                        data-testid="green-channel"
                      />
                    )}
                  </TableCell>
                  <TableCell>
                    <div>{row.applicantName}</div>
                    <Typography variant="body2" color="text.secondary">
                      {row.projectName}
                    </Typography>
                  </TableCell>
                  <TableCell>{en ? state.matter.nameEn : state.matter.name}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{state.acceptedOn}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {suspended && open_ ? (
                      <>
                        <div>{t(`kind.${open_.kind}`)}</div>
                        <Typography variant="body2" color="text.secondary">
                          {t('list.suspendedSince', { from: open_.from })}
                        </Typography>
                      </>
                    ) : deadline.kind === 'due' ? (
                      deadline.promisedDueOn
                    ) : (
                      ''
                    )}
                  </TableCell>
                  {!suspended && (
                    <TableCell>
                      {deadline.kind === 'due' && (
                        <LightChip dueOn={deadline.promisedDueOn} today={today} />
                      )}
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

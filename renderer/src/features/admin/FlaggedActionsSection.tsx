// Actions for the administrator to check (data/flaggedActions.ts): what a disabled user did after
// the disabling on a station that did not know yet (issue 17 item 2), and case decisions by
// someone the hall does not know or in a role the hall does not give them (issue 16 item 5).
// Kept in the log; shown only when there is something to look at.
import {
  Alert,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { OneWindowDb } from '../../data/db';
import { flaggedActions } from '../../data/flaggedActions';
import { hallDateTime } from '../../domain/dates';
import { currentActor } from '../../app/stores/sessionStore';

export function FlaggedActionsSection({ db }: { db: OneWindowDb }) {
  const { t } = useTranslation(['admin', 'cases', 'domain']);
  const result = useLiveQuery(() => flaggedActions(db, currentActor()), [db]);
  if (!result?.ok || result.actions.length === 0) return null;
  // A station clock that wrote something unreadable is shown as written, never as a blank.
  const when = (iso: string) => {
    try {
      return hallDateTime(iso).replace('T', ' ');
    } catch {
      return iso;
    }
  };
  return (
    <Stack spacing={1} data-testid="flagged-actions">
      <Typography variant="h2" sx={{ fontSize: '1.2rem' }}>
        {t('admin:flagged.title')}
      </Typography>
      <Alert severity="warning">{t('admin:flagged.explain')}</Alert>
      <Table size="small" aria-label={t('admin:flagged.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('admin:flagged.user')}</TableCell>
            <TableCell>{t('admin:flagged.action')}</TableCell>
            <TableCell>{t('admin:flagged.where')}</TableCell>
            <TableCell>{t('admin:flagged.at')}</TableCell>
            <TableCell>{t('admin:flagged.disabled')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.actions.map((f) => (
            <TableRow key={f.eventId} data-testid={`flagged-${f.eventId}`}>
              <TableCell>{f.user.name || f.user.id}</TableCell>
              <TableCell>
                {t(`cases:event.${f.type}`, {
                  defaultValue: t('admin:flagged.otherAction', { type: f.type }),
                })}
              </TableCell>
              <TableCell>{f.stationId}</TableCell>
              <TableCell>{when(f.at)}</TableCell>
              <TableCell>
                {f.disabling
                  ? t('admin:flagged.disabledBy', {
                      by: f.disabling.by || t('admin:flagged.unknown'),
                      station: f.disabling.stationId,
                      at: when(f.disabling.at),
                    })
                  : t(`admin:flagged.reason.${f.reason}`, {
                      claimed: t(`domain:role.${f.claimedRole}`, { defaultValue: f.claimedRole }),
                      held: t(`domain:role.${f.heldRole ?? ''}`, {
                        defaultValue: f.heldRole ?? '',
                      }),
                    })}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
}

// The timeline of a case from its event log (the audit trail): who, when, what, opinion. Papers
// printed for the case and scans linked to it live in their own streams, merged in by time.
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { StoredEvent } from '../../data/eventTypes';
import { personalStream } from '../../data/personalData';
import { deadlineStream } from '../../data/holidayCalendar';
import { conflictStream } from '../../data/conflicts';
import { Section } from '../shared/Section';
import { formatTime } from './caseFormat';
import { eventDetail, eventLabelKey } from './timelineText';

/**
 * The streams of one case: its workflow, the papers printed for it, the scans linked to it, and
 * the record of who was shown its personal numbers in full, and the notes of calendar changes
 * that moved its deadlines, and the resolutions of its entries in 同步冲突.
 */
export const caseStreams = (caseId: string) => [
  `case:${caseId}`,
  `case-papers:${caseId}`,
  `case-files:${caseId}`,
  personalStream(caseId),
  deadlineStream(caseId),
  conflictStream(`case:${caseId}`),
];

/** `parked`: events of the case the fold kept without applying them (listed in 同步冲突). */
export function CaseTimeline({
  events,
  parked = new Set(),
}: {
  events: StoredEvent[];
  parked?: ReadonlySet<string>;
}) {
  const { t, i18n } = useTranslation(['cases', 'domain']);
  return (
    <Section id="timeline" title={t('section.timeline')}>
      {events.length === 0 ? (
        <Typography color="text.secondary">{t('timeline.empty')}</Typography>
      ) : (
        <Table size="small" data-testid="timeline">
          <TableHead>
            <TableRow>
              <TableCell>{t('timeline.when')}</TableCell>
              <TableCell>{t('timeline.who')}</TableCell>
              <TableCell>{t('timeline.what')}</TableCell>
              <TableCell>{t('timeline.detail')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {events.map((e) => (
              <TableRow key={e.id} data-event={e.type} data-parked={parked.has(e.id) || undefined}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {formatTime(e.at, i18n.language)}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {e.actor.name}
                  <Typography
                    component="span"
                    color="text.secondary"
                    sx={{ ml: 1, fontSize: '0.9rem' }}
                  >
                    {t(`role.${e.actor.role}`, { ns: 'domain', defaultValue: e.actor.role })}
                  </Typography>
                </TableCell>
                <TableCell sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                  {t(eventLabelKey(e), { defaultValue: e.type })}
                  {parked.has(e.id) && (
                    <Typography component="div" color="warning.main" sx={{ fontSize: '0.9rem' }}>
                      {t('timeline.parked')}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>{eventDetail(e, t)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}

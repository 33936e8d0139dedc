// Deadlines of a case in working days: promised (承诺), legal (法定, Art. 42, with an extension)
// and issuance (Art. 44), each with its light; suspensions (Art. 45) that stopped the clock; and,
// before acceptance, the Art. 32 counter. Computed for today, never stored.
import {
  Box,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { deadlinesOf, missingYears, type CaseState } from '../../domain';
import { EstimateMark } from '../calendar/EstimateMark';
import { useCalendar } from '../shared/useCalendar';
import type { CaseRow } from '../../data/db';
import { Art32Counter } from './Dashboard';
import { LightChip } from '../shared/LightChip';
import { Facts, Section, type Fact } from '../shared/Section';

const CLOSED = new Set(['refused', 'denied', 'withdrawn', 'delivered']);

function useDeadlineFacts(state: CaseState, today: string): Fact[] | null {
  const { t } = useTranslation('cases');
  const calendar = useCalendar();
  const d = deadlinesOf(state, today, calendar);
  if (!d || !state.acceptedOn) return null;
  // A decided case's approval clocks have stopped: only the issuance clock still runs.
  const running = !CLOSED.has(state.status);
  const approvalRunning = running && !state.decision;
  // A live light carries its own estimate mark; a stopped clock's date gets one of its own.
  const withLight = (dueOn: string, live: boolean, from: string, estimated: boolean) => (
    <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center' }}>
      <span>{dueOn}</span>
      {live ? (
        <LightChip dueOn={dueOn} today={today} />
      ) : (
        estimated && <EstimateMark years={missingYears(from, dueOn, calendar)} />
      )}
    </Box>
  );
  const accepted = state.acceptedOn;
  return [
    [t('deadline.acceptedOn'), state.acceptedOn],
    [
      t('deadline.promised', { days: state.matter.promisedDays }),
      withLight(d.promisedDueOn, approvalRunning, accepted, d.estimated.promised),
    ],
    [
      t('deadline.legal', { days: state.matter.legalDays }),
      withLight(d.legalDueOn, approvalRunning, accepted, d.estimated.legal),
    ],
    [
      t('deadline.issuance'),
      d.issuanceDueOn
        ? withLight(d.issuanceDueOn, running, state.decision?.on ?? accepted, d.estimated.issuance)
        : '',
    ],
    [
      t('deadline.suspendedDays'),
      d.suspendedDays ? t('deadline.days', { count: d.suspendedDays }) : '',
    ],
    [
      t('deadline.extension'),
      state.extension
        ? t('deadline.extensionValue', {
            days: state.extension.days,
            reason: state.extension.reason,
            by: state.extension.by.name,
            on: state.extension.on,
          })
        : '',
    ],
    [
      t('deadline.decision'),
      state.decision ? `${t(`decision.${state.decision.outcome}`)} · ${state.decision.on}` : '',
    ],
  ];
}

export function CaseDeadlines({ row, today }: { row: CaseRow; today: string }) {
  const { t } = useTranslation('cases');
  const state = row.state as CaseState;
  const facts = useDeadlineFacts(state, today);
  const pending = state.status === 'supplementRequested' || state.status === 'intakePending';
  return (
    <Section id="deadlines" title={t('section.deadlines')}>
      <Stack spacing={1.5}>
        {pending && (
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <Typography>{t('deadline.art32')}</Typography>
            <Art32Counter row={row} today={today} />
          </Box>
        )}
        {facts === null && !pending && (
          <Typography color="text.secondary">{t('deadline.notRunning')}</Typography>
        )}
        {facts && <Facts facts={facts} testId="facts-deadlines" />}
        {state.suspensions.length > 0 && (
          <Table size="small" aria-label={t('deadline.suspensions')} data-testid="suspensions">
            <TableHead>
              <TableRow>
                <TableCell>{t('deadline.suspensionKind')}</TableCell>
                <TableCell>{t('deadline.from')}</TableCell>
                <TableCell>{t('deadline.to')}</TableCell>
                <TableCell>{t('deadline.reason')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {state.suspensions.map((s) => (
                <TableRow key={s.from + s.kind}>
                  <TableCell>{t(`suspension.${s.kind}`)}</TableCell>
                  <TableCell>{s.from}</TableCell>
                  <TableCell>{s.to ?? t('deadline.ongoing')}</TableCell>
                  <TableCell>{s.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Stack>
    </Section>
  );
}

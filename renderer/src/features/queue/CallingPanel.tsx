// 叫号 at a counter window (issue 18): call next, recall, skip (after the set number of calls),
// transfer, serve, finish; the current ticket and how many wait for this window's business. A
// ticket at the counter is linked to the case the clerk has open, and finishing it records its
// waiting and serving times on that case (data/floorCase.ts). Shown only on a station (or in a
// tab) set up as a window in 设置 › 大厅叫号. Alt+N calls next, Alt+R calls again.
import { requestRatingFor, requestTicketRating } from '../rating/requestRating';
import type { CaseState } from '../../domain';
import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useRouteStore } from '../../app/stores/routeStore';
import { currentActor } from '../../app/stores/sessionStore';
import { finishTicket, type FinishOutcome } from '../../data/floorCase';
import { appDb } from '../../data/stationDb';
import { currentAt, maySkip, waitingFor } from '../../domain/floor/rules';
import type { FloorResult, Ticket } from '../../domain/floor/types';
import type { Actor, Role } from '../../domain/roles';
import { floorPort, useFloorStore, useFloorWatch, useMyWindow } from './floorStore';
import { TransferDialog } from './TransferDialog';
import { isKey } from '../shared/shortcuts';

/** The signed-in user as the case command's actor; dispatch checks the role it claims. */
function counterActor(): Actor {
  const a = currentActor();
  return { id: a.id, name: a.name, role: a.role as Role };
}

/** What the last action said: kept as its words' key, so it reads in the language shown now. */
type Note = {
  severity: 'success' | 'info' | 'error';
  key: string;
  params?: Record<string, string | number>;
} | null;

export function CallingPanel() {
  const { t } = useTranslation('queue');
  useFloorWatch();
  const snapshot = useFloorStore((s) => s.snapshot);
  const offline = useFloorStore((s) => s.offline);
  const setWindow = useFloorStore((s) => s.setWindow);
  const window = useMyWindow();
  const route = useRouteStore((s) => s.route);
  const openCaseId = route.area === 'cases' && route.params[0] === 'case' ? route.params[1] : null;
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);
  const [transferOpen, setTransferOpen] = useState(false);

  const tickets = snapshot?.tickets ?? [];
  const current = window ? currentAt(window.id, tickets) : undefined;
  const openCase = useLiveQuery(
    async () => (openCaseId ? ((await appDb().cases.get(openCaseId)) ?? null) : null),
    [openCaseId],
  );
  const linkedCase = useLiveQuery(
    async () => (current?.caseId ? ((await appDb().cases.get(current.caseId)) ?? null) : null),
    [current?.caseId],
  );

  const refusal = useCallback(
    (r: Extract<FloorResult<unknown>, { ok: false }>) => {
      const reason = (r as { reason?: string }).reason;
      const max = snapshot?.settings.maxCalls ?? 3;
      if (reason === 'window_busy' || reason === 'too_few_calls') {
        return { key: `refusal.${reason}`, params: { max } };
      }
      return { key: `refusal.${r.code}` };
    },
    [snapshot],
  );

  const run = useCallback(
    async <T,>(fn: () => Promise<FloorResult<T>>, ok: (v: T) => Note) => {
      setBusy(true);
      try {
        const r = await fn();
        setNote(r.ok ? ok(r.value) : { severity: 'error', ...refusal(r) });
      } finally {
        setBusy(false);
      }
    },
    [refusal],
  );

  const act = (ticket: Ticket) => ({
    ticketId: ticket.id,
    window: window!.id,
    clerkId: currentActor().id,
  });

  const callNext = useCallback(() => {
    if (!window) return;
    void run(
      async () =>
        (await floorPort()).callNext({
          window: window.id,
          clerkId: currentActor().id,
          requestKey: `call-${window.id}-${crypto.randomUUID()}`,
        }),
      (next) =>
        next
          ? {
              severity: 'success',
              key: 'panel.called',
              params: { number: next.number, window: window.number },
            }
          : { severity: 'info', key: 'panel.nobodyWaiting' },
    );
  }, [run, window]);

  const recall = useCallback(() => {
    if (!window || current?.status !== 'called') return;
    void run(
      async () => (await floorPort()).recall(act(current)),
      (tk) => ({
        severity: 'success',
        key: 'panel.called',
        params: { number: tk.number, window: window.number },
      }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run, t, window, current]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isKey('callNext', e) && !current) {
        e.preventDefault();
        callNext();
      } else if (isKey('recall', e) && current?.status === 'called') {
        e.preventDefault();
        recall();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [callNext, recall, current]);

  if (offline && window) {
    return (
      <Alert severity="warning" sx={{ mb: 2 }} data-testid="calling-offline">
        {t('refusal.offline')}
      </Alert>
    );
  }
  if (!snapshot || !window) return null;
  const windows = snapshot.settings.windows;
  const waiting = waitingFor(window, tickets);
  const caseNoOf = (id: string) =>
    (id === openCaseId ? openCase?.caseNo : linkedCase?.caseNo) ?? id;

  return (
    <Paper
      component="section"
      aria-label={t('panel.title')}
      variant="outlined"
      data-testid="calling-panel"
      sx={{ p: 2, mb: 2 }}
    >
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h3" component="h2" sx={{ fontSize: '1.25rem' }}>
          {t('panel.title')}
        </Typography>
        {windows.length > 1 ? (
          <TextField
            select
            size="small"
            label={t('panel.windowLabel')}
            value={window.id}
            onChange={(e) => setWindow(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'calling-window' } }}
            sx={{ width: 180 }}
          >
            {windows.map((w) => (
              <MenuItem key={w.id} value={w.id}>
                {t('panel.window', { number: w.number })}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <Typography sx={{ fontWeight: 600 }}>
            {t('panel.window', { number: window.number })}
          </Typography>
        )}
        <Typography data-testid="calling-waiting" aria-live="polite">
          {t('panel.waiting', { count: waiting })}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <Typography variant="body2" color="text.secondary">
          {t('panel.shortcuts')}
        </Typography>
      </Stack>

      <Stack
        direction="row"
        spacing={2}
        sx={{ alignItems: 'center', mt: 1.5, flexWrap: 'wrap', rowGap: 1 }}
      >
        <Box sx={{ minWidth: 180 }}>
          <Typography variant="body2" color="text.secondary">
            {t('panel.current')}
          </Typography>
          {current ? (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography
                data-testid="calling-current"
                sx={{ fontSize: '2rem', fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}
              >
                {current.number}
              </Typography>
              {current.green && <Chip color="success" size="small" label={t('panel.green')} />}
              <Typography data-testid="calling-status">
                {current.status === 'called'
                  ? t('panel.status.called', { calls: current.calls.length })
                  : t('panel.status.serving')}
              </Typography>
            </Stack>
          ) : (
            <Typography data-testid="calling-current" sx={{ fontSize: '1.25rem', py: 0.75 }}>
              {t('panel.none')}
            </Typography>
          )}
        </Box>
        {!current && (
          <Button variant="contained" disabled={busy} onClick={callNext} aria-keyshortcuts="Alt+N">
            {t('panel.callNext')}
          </Button>
        )}
        {current?.status === 'called' && (
          <>
            <Button
              variant="contained"
              disabled={busy}
              onClick={() =>
                void run(
                  async () => (await floorPort()).serve(act(current)),
                  () => null,
                )
              }
            >
              {t('panel.serve')}
            </Button>
            <Button variant="outlined" disabled={busy} onClick={recall} aria-keyshortcuts="Alt+R">
              {t('panel.recall')}
            </Button>
            <Button
              variant="outlined"
              color="warning"
              disabled={busy || !maySkip(current, snapshot.settings)}
              onClick={() =>
                void run(
                  async () => (await floorPort()).skip(act(current)),
                  (tk) => ({
                    severity: 'info',
                    key: 'panel.skipped',
                    params: { number: tk.number },
                  }),
                )
              }
              aria-describedby="calling-skip-hint"
            >
              {t('panel.skip')}
            </Button>
            <Typography id="calling-skip-hint" variant="body2" color="text.secondary">
              {t('panel.skipHint', { max: snapshot.settings.maxCalls })}
            </Typography>
          </>
        )}
        {current?.status === 'serving' && (
          <>
            <Button
              variant="contained"
              disabled={busy}
              onClick={() =>
                void run(
                  async () =>
                    finishTicket(appDb(), await floorPort(), {
                      ticketId: current.id,
                      window: window.id,
                      actor: counterActor(),
                    }).then(
                      async (done): Promise<FloorResult<FinishOutcome & { asked: boolean }>> => {
                        if (!done.ok) return done;
                        // The applicant rates the service on the window's rating device (一次一评):
                        // the case's rating, or the ticket's own when it was served without one.
                        const caseId = done.value.ticket.caseId;
                        const row = caseId ? await appDb().cases.get(caseId) : undefined;
                        const asked = row
                          ? await requestRatingFor(row.state as CaseState, current.id, window.id)
                          : caseId
                            ? null
                            : await requestTicketRating(done.value.ticket, window.id);
                        return { ok: true as const, value: { ...done.value, asked: !!asked } };
                      },
                    ),
                  (o): Note =>
                    o.recorded === 'recorded' || o.recorded === 'already'
                      ? {
                          severity: 'success',
                          key: 'panel.recordedOnCase',
                          params: { caseNo: caseNoOf(o.ticket.caseId ?? '') },
                        }
                      : {
                          severity: 'success',
                          key: o.asked ? 'panel.finishedRated' : 'panel.finished',
                          params: { number: o.ticket.number, window: window.id },
                        },
                )
              }
            >
              {t('panel.finish')}
            </Button>
            {openCaseId && current.caseId !== openCaseId && (
              <Button
                variant="outlined"
                disabled={busy}
                onClick={() =>
                  void run(
                    async () =>
                      (await floorPort()).linkCase({
                        ticketId: current.id,
                        caseId: openCaseId,
                        clerkId: currentActor().id,
                      }),
                    () => null,
                  )
                }
              >
                {t('panel.linkThis')}
              </Button>
            )}
            {current.caseId && (
              <Typography data-testid="calling-linked">
                {t('panel.linkedCase', { caseNo: caseNoOf(current.caseId) })}
              </Typography>
            )}
          </>
        )}
        {current && (
          <Button variant="text" disabled={busy} onClick={() => setTransferOpen(true)}>
            {t('panel.transfer')}
          </Button>
        )}
      </Stack>
      {note && (
        <Alert severity={note.severity} role="status" sx={{ mt: 1.5 }} data-testid="calling-note">
          {t(note.key, note.params)}
        </Alert>
      )}
      {current && (
        <TransferDialog
          open={transferOpen}
          ticket={current}
          windows={windows.filter((w) => w.id !== window.id)}
          onClose={() => setTransferOpen(false)}
          onTransfer={(to) => {
            setTransferOpen(false);
            void run(
              async () =>
                (await floorPort()).transfer({
                  ticketId: current.id,
                  to,
                  clerkId: currentActor().id,
                }),
              (tk) => ({
                severity: 'info',
                key: 'panel.transferred',
                params: { number: tk.number },
              }),
            );
          }}
        />
      )}
    </Paper>
  );
}

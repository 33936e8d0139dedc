// The settlement of a station-code clash by re-coding (data/join/joinRecode.ts, joinRecodeFlow.ts):
// the administrator types the new code, the enrolment code the hall's administrator issued for
// it, the station's name in the hall and a note; the dialog says beforehand what will change
// (every record, every case number with its new one) and what will not (notice and certificate
// numbers, QR codes). Renumbering is never silent: after it, RecodedNotice on 设置 › 大厅同步 says
// who re-coded, when, from what to what.
import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../app/stores/sessionStore';
import type { OneWindowDb } from '../../data/db';
import { JOIN_NOTE_MIN } from '../../data/join/joinSettle';
import {
  normaliseStationCode,
  recodeInputProblem,
  renumbered,
  type RecodeProblem,
} from '../../data/join/joinRecode';
import { isEnrolmentCode, recodeAndEnrol } from '../../data/join/joinRecodeFlow';
import { appDb } from '../../data/stationDb';
import { host } from '../../host';
import { formatTime } from '../cases/caseFormat';
import { useHallEnrolment } from '../shared/syncStatus';

type Problem = RecodeProblem | 'enrolment_code' | { hall: string };
const SHOWN = 5;

export function JoinRecodeDialog(props: {
  open: boolean;
  stationCode: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { stationCode } = props;
  const { t } = useTranslation('sync');
  const user = useSessionStore((s) => s.user);
  const [newCode, setNewCode] = useState('');
  const [enrolmentCode, setEnrolmentCode] = useState('');
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [counts, setCounts] = useState<{ events: number; caseNos: string[] } | null>(null);
  useEffect(() => {
    if (!props.open) return;
    const db = appDb();
    void Promise.all([db.events.count(), db.cases.toArray()]).then(([events, cases]) =>
      setCounts({ events, caseNos: cases.map((c) => c.caseNo).sort() }),
    );
  }, [props.open]);
  const code = normaliseStationCode(newCode);
  const preview = counts?.caseNos.flatMap((n) => {
    const to = renumbered(n, stationCode, /^[A-Z][A-Z0-9]{1,3}$/.test(code) ? code : '…');
    return to ? [{ from: n, to }] : [];
  });

  const problemText = (p: Problem) =>
    typeof p === 'object'
      ? t('join.recode.problem.hall', {
          reason: t(`settings.error.${p.hall}`, {
            code,
            hall: '—',
            defaultValue: t('settings.error.other', { code: p.hall }),
          }),
        })
      : t(`join.recode.problem.${p}`, { code, min: JOIN_NOTE_MIN });

  async function run() {
    if (!user) return;
    const typed = recodeInputProblem({ newCode, note }, stationCode);
    if (typed) return setProblem(typed);
    if (!isEnrolmentCode(enrolmentCode)) return setProblem('enrolment_code');
    setBusy(true);
    const r = await recodeAndEnrol(
      appDb(),
      user,
      { newCode, note, enrolmentCode, label: label.trim() || code },
      {
        pull: (a) => host.hallPull(a),
        status: () => host.hallStatus({}),
        enrol: (a) => host.hallEnrol(a).then((x) => ({ heads: x.heads })),
      },
    );
    setBusy(false);
    if (!r.ok) return setProblem(r.problem === 'hall' ? { hall: r.error.code } : r.problem);
    setProblem(null);
    // The host is enrolled under the new code now: the sync starts again under it.
    await useHallEnrolment.getState().refresh();
    props.onDone();
  }

  return (
    <Dialog open={props.open} onClose={busy ? undefined : props.onClose} maxWidth="md" fullWidth>
      <DialogTitle>{t('join.recode.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }} data-testid="join-recode-dialog">
          <Typography>{t('join.recode.intro', { old: stationCode })}</Typography>
          {counts && preview && (
            <Alert severity="info" data-testid="join-recode-preview">
              <Typography>
                {t('join.recode.summary', { events: counts.events, count: preview.length })}
              </Typography>
              {preview.slice(0, SHOWN).map((m) => (
                <Typography key={m.from} sx={{ fontFamily: 'monospace' }}>
                  {t('join.recode.mapping', m)}
                </Typography>
              ))}
              {preview.length > SHOWN && (
                <Typography>{t('join.recode.more', { count: preview.length - SHOWN })}</Typography>
              )}
            </Alert>
          )}
          <TextField
            label={t('join.recode.newCode')}
            helperText={t('join.recode.newCodeHelp')}
            value={newCode}
            onChange={(e) => setNewCode(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'join-recode-code', maxLength: 8 } }}
          />
          <TextField
            label={t('join.recode.enrolmentCode')}
            helperText={t('join.recode.enrolmentCodeHelp')}
            value={enrolmentCode}
            onChange={(e) => setEnrolmentCode(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'join-recode-enrolment', maxLength: 20 } }}
          />
          <TextField
            label={t('join.recode.label')}
            helperText={t('join.recode.labelHelp')}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'join-recode-label', maxLength: 60 } }}
          />
          <TextField
            label={t('join.note')}
            helperText={t('join.noteRequired', { min: JOIN_NOTE_MIN })}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { 'data-testid': 'join-recode-note', maxLength: 500 } }}
          />
          {problem && (
            <Alert severity="error" role="alert" data-testid="join-recode-problem">
              {problemText(problem)}
            </Alert>
          )}
          {busy && <Alert severity="info">{t('join.recode.busy')}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={busy}>
          {t('join.recode.cancel')}
        </Button>
        <Button
          variant="contained"
          color="warning"
          onClick={() => void run()}
          disabled={busy}
          data-testid="join-recode-confirm"
        >
          {t('join.recode.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

interface Recoded {
  from: string;
  to: string;
  events: number;
  cases: unknown[];
  note: string;
  by: string;
  at: string;
}

/** The re-codings this station went through (their `station.recoded` events), newest last. */
export async function recodings(db: OneWindowDb): Promise<Recoded[]> {
  const events = await db.events
    .where('streamId')
    .equals('station')
    .filter((e) => e.type === 'station.recoded')
    .toArray();
  return events.map((e) => ({
    ...(e.payload as Omit<Recoded, 'by' | 'at'>),
    by: e.actor.name,
    at: e.at,
  }));
}

/** On 设置 › 大厅同步: this station was re-coded — by whom, when, from what to what. */
export function RecodedNotice({ reloadKey }: { reloadKey: unknown }) {
  const { t, i18n } = useTranslation('sync');
  const [list, setList] = useState<Recoded[]>([]);
  useEffect(() => {
    void recodings(appDb()).then(setList);
  }, [reloadKey]);
  return list.map((r) => (
    <Alert key={r.at + r.to} severity="info" sx={{ mb: 2 }} data-testid="hall-join-recoded">
      {t('join.recode.recorded', {
        from: r.from,
        to: r.to,
        events: r.events,
        count: r.cases.length,
        by: r.by,
        time: formatTime(r.at, i18n.language),
        note: r.note,
      })}
    </Alert>
  ));
}

// One clash of the join check (data/join/) on 设置 › 大厅同步: what this station holds, what the
// hall holds under the same code, name or number, and — for an administrator — the ways to settle
// it. A name clash has no default: the administrator says whether it is the same person. A note
// is required where nothing else says what was done (numbers on paper, a withdrawal). Settling
// is the data layer's command and is recorded as an event.
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Chip,
  FormControlLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../app/stores/sessionStore';
import type { JoinClash } from '../../data/join/joinCheck';
import {
  closedName,
  DECISIONS,
  decisionsFor,
  JOIN_NOTE_MIN,
  settleClash,
  settleNoteProblem,
  type JoinDecision,
  type SettleProblem,
} from '../../data/join/joinSettle';
import { appDb } from '../../data/stationDb';
import { JoinRecodeDialog } from './JoinRecodeDialog';

export function JoinClashCard(props: {
  clash: JoinClash;
  admin: boolean;
  stationCode: string;
  /** A name clash: this station's account as it is now (an earlier settlement may have changed it). */
  ownAccount?: { state: 'open' | 'renamed' | 'closed'; username: string };
  onSettled: () => void;
}) {
  const { clash, admin, stationCode, ownAccount } = props;
  const changed = ownAccount && ownAccount.state !== 'open' ? ownAccount : null;
  const { t } = useTranslation(['sync', 'domain']);
  const user = useSessionStore((s) => s.user);
  const choices = DECISIONS[clash.kind];
  // A hall account the stations leave out is never "the same person" (joinSettle.ts decisionsFor).
  const allowed = decisionsFor(clash);
  const leftOut = clash.kind === 'username' && clash.other['leftOut'] === 1;
  const [decision, setDecision] = useState<JoinDecision | null>(
    choices.length === 1 ? choices[0]! : null,
  );
  const [note, setNote] = useState('');
  const [renameTo, setRenameTo] = useState('');
  const [problem, setProblem] = useState<SettleProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [recoding, setRecoding] = useState(false);
  const role = (r: string | number | undefined) =>
    t(`domain:role.${String(r)}`, { defaultValue: String(r ?? '') });
  const caseNo = (v: string | number | undefined) => (v ? String(v) : t('join.unknownCase'));
  const explain = t(`join.explain.${clash.kind}`, {
    key: clash.key,
    own: clash.own['events'],
    other: clash.other['events'],
    ownName: clash.own['name'],
    ownRole: role(clash.own['role']),
    otherName: clash.other['name'],
    otherRole: role(clash.other['role']),
    otherStation: clash.other['stationId'],
    ownCase: caseNo(clash.own['caseNo']),
    otherCase: caseNo(clash.other['caseNo']),
  });
  const noteRequired = decision === 'recorded' || decision === 'withdraw';

  async function settle() {
    if (!user || !decision) return;
    const early = settleNoteProblem(decision, note);
    if (early) return setProblem(early);
    setBusy(true);
    const r = await settleClash(appDb(), user, {
      clashId: clash.id,
      decision,
      note,
      ...(decision === 'different_person' ? { renameTo } : {}),
    });
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    setProblem(null);
    props.onSettled();
  }

  return (
    <Card variant="outlined" data-testid={`join-clash-${clash.kind}`} data-key={clash.key}>
      <CardContent>
        <Stack spacing={1.2}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Chip size="small" color="warning" label={t(`join.kind.${clash.kind}`)} />
            <Typography variant="h3" component="h3" sx={{ fontSize: '1.1rem' }}>
              {clash.key}
            </Typography>
          </Stack>
          <Typography data-testid="join-explain">{explain}</Typography>
          {leftOut && (
            <Alert severity="warning" data-testid="join-left-out">
              {t('join.leftOut', {
                key: clash.key,
                otherName: clash.other['name'],
                otherStation: clash.other['stationId'],
                ownName: clash.own['name'],
              })}
            </Alert>
          )}
          {admin && (
            <Stack spacing={1}>
              {choices.length > 1 ? (
                <RadioGroup
                  row
                  value={decision ?? ''}
                  onChange={(e) => setDecision(e.target.value as JoinDecision)}
                  aria-label={t(`join.kind.${clash.kind}`)}
                >
                  {choices.map((c) => (
                    <FormControlLabel
                      key={c}
                      value={c}
                      disabled={!allowed.includes(c)}
                      control={
                        <Radio inputProps={{ 'data-testid': `join-decision-${c}` } as object} />
                      }
                      label={t(`join.decision.${c}`)}
                    />
                  ))}
                </RadioGroup>
              ) : (
                <Typography sx={{ fontWeight: 600 }}>{t(`join.decision.${choices[0]}`)}</Typography>
              )}
              {decision && (
                <Typography color="text.secondary">
                  {t(`join.help.${decision}`, {
                    closed: closedName(clash.key, stationCode),
                  })}
                </Typography>
              )}
              {changed && (
                <Alert severity="info" data-testid="join-account-changed">
                  {t(`join.account.${changed.state}`, { name: changed.username })}
                </Alert>
              )}
              {decision === 'different_person' && !changed && (
                <TextField
                  label={t('join.renameTo')}
                  helperText={t('join.renameHelp')}
                  value={renameTo}
                  onChange={(e) => setRenameTo(e.target.value)}
                  slotProps={{ htmlInput: { 'data-testid': 'join-rename', maxLength: 32 } }}
                />
              )}
              <TextField
                label={t('join.note')}
                helperText={
                  noteRequired
                    ? t('join.noteRequired', { min: JOIN_NOTE_MIN })
                    : t('join.noteOptional')
                }
                value={note}
                onChange={(e) => setNote(e.target.value)}
                multiline
                minRows={2}
                slotProps={{ htmlInput: { 'data-testid': 'join-note', maxLength: 500 } }}
              />
              {problem && (
                <Alert severity="error" role="alert" data-testid="join-problem">
                  {t(`join.problem.${problem}`, { min: JOIN_NOTE_MIN })}
                </Alert>
              )}
              <div>
                <Button
                  variant="contained"
                  disabled={busy || decision === null}
                  onClick={() => void settle()}
                  data-testid="join-settle"
                >
                  {t('join.settle')}
                </Button>
              </div>
              {clash.kind === 'station_code' && (
                <Stack spacing={1} sx={{ pt: 1 }}>
                  <Typography sx={{ fontWeight: 600 }}>{t('join.decision.recoded')}</Typography>
                  <Typography color="text.secondary">{t('join.help.recoded')}</Typography>
                  <div>
                    <Button
                      variant="outlined"
                      color="warning"
                      onClick={() => setRecoding(true)}
                      data-testid="join-recode-open"
                    >
                      {t('join.recode.open')}
                    </Button>
                  </div>
                  <JoinRecodeDialog
                    open={recoding}
                    stationCode={stationCode}
                    onClose={() => setRecoding(false)}
                    onDone={() => {
                      setRecoding(false);
                      props.onSettled();
                    }}
                  />
                </Stack>
              )}
            </Stack>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}

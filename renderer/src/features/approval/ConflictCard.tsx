// One entry of 同步冲突: the case, who did what on which station, what the case went through
// meanwhile, what the fold did; and, while open, the two ways to resolve it — acknowledge with a
// note, or redo the action on the current state (the case's current step opens; the parked event
// stays on record). Resolving is the data layer's command and is recorded as an event.
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useRouteStore } from '../../app/stores/routeStore';
import { useSessionStore } from '../../app/stores/sessionStore';
import type { ConflictEntry, ConflictEvent, ConflictResolution } from '../../data/conflicts';
import {
  NOTE_MIN,
  noteProblem,
  resolveConflict,
  type ResolveRefusal,
} from '../../data/conflictResolve';
import { appDb } from '../../data/stationDb';
import { formatTime, isEnglish } from '../cases/caseFormat';

function who(e: ConflictEvent, t: TFunction) {
  return t('conflicts.who', {
    name: e.actor.name,
    role: t(`domain:role.${e.actor.role}`, { defaultValue: e.actor.role }),
    station: e.stationId,
  });
}

const what = (e: ConflictEvent, t: TFunction) =>
  t(`cases:event.${e.type}`, { defaultValue: t('conflicts.unknownType', { type: e.type }) });

export function ConflictCard({ entry }: { entry: ConflictEntry }) {
  const { t, i18n } = useTranslation(['approval', 'cases', 'domain']);
  const user = useSessionStore((s) => s.user);
  const go = useRouteStore((s) => s.go);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ResolveRefusal | null>(null);
  const [busy, setBusy] = useState(false);
  const { subject, event, fold, resolution } = entry;
  const en = isEnglish(i18n.language);
  const id = event.id;

  async function resolve(how: ConflictResolution) {
    if (!user) return;
    const problem = noteProblem(how, note);
    if (problem) return setError(problem);
    setBusy(true);
    const r = await resolveConflict(appDb(), user, { eventId: id, resolution: how, note });
    setBusy(false);
    if (!r.ok) return setError(r.code);
    setError(null);
    if (how === 'redo' && subject.kind === 'case') go('approval', 'case', subject.caseId);
  }

  const title =
    subject.kind === 'case'
      ? t('conflicts.caseTitle', {
          caseNo: subject.caseNo,
          matter: en ? subject.matter.nameEn : subject.matter.name,
        })
      : t('conflicts.ledgerTitle', { id: subject.entryId });
  const outcome =
    fold.outcome === 'parked'
      ? t(`conflicts.fold.parked.${fold.reason}`, { basedOn: entry.basedOn, version: fold.version })
      : t('conflicts.fold.merged', { basedOn: entry.basedOn, version: fold.version });

  return (
    <Card variant="outlined" data-testid={`conflict-${id}`} data-outcome={fold.outcome}>
      <CardContent>
        <Stack spacing={1.2}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="h3" component="h3" sx={{ fontSize: '1.2rem' }}>
              {title}
            </Typography>
            <Chip
              size="small"
              color={fold.outcome === 'parked' ? 'warning' : 'info'}
              label={t(`conflicts.outcome.${fold.outcome}`)}
              data-testid="conflict-outcome"
            />
            {subject.kind === 'case' && (
              <Chip
                size="small"
                variant="outlined"
                label={t('conflicts.owner', {
                  role: subject.owner ? t(`domain:role.${subject.owner}`) : t('conflicts.noOwner'),
                })}
              />
            )}
          </Box>
          <Typography data-testid="conflict-what">
            {t('conflicts.did', {
              who: who(event, t),
              what: what(event, t),
              at: formatTime(event.at, i18n.language),
            })}
            {event.text && ` — ${event.text}`}
          </Typography>
          <Box data-testid="conflict-meanwhile">
            <Typography sx={{ fontWeight: 600 }}>{t('conflicts.meanwhile')}</Typography>
            {entry.meanwhile.length === 0 ? (
              <Typography color="text.secondary">{t('conflicts.meanwhileNone')}</Typography>
            ) : (
              <Box component="ul" sx={{ my: 0.5 }}>
                {entry.meanwhile.map((m) => (
                  <li key={m.id}>
                    {t('conflicts.did', {
                      who: who(m, t),
                      what: what(m, t),
                      at: formatTime(m.at, i18n.language),
                    })}
                    {m.text && ` — ${m.text}`}
                  </li>
                ))}
              </Box>
            )}
          </Box>
          <Alert
            severity={fold.outcome === 'parked' ? 'warning' : 'info'}
            data-testid="conflict-fold"
          >
            {outcome}
          </Alert>
          {resolution ? (
            <Alert severity="success" data-testid="conflict-resolution">
              {t(`conflicts.resolved.${resolution.resolution}`, {
                who: t('conflicts.who', {
                  name: resolution.by.name,
                  role: t(`domain:role.${resolution.by.role}`, {
                    defaultValue: resolution.by.role,
                  }),
                  station: resolution.stationId,
                }),
                at: formatTime(resolution.at, i18n.language),
              })}
              {resolution.note && ` — ${resolution.note}`}
            </Alert>
          ) : (
            <Stack spacing={1}>
              <TextField
                label={t('conflicts.note')}
                helperText={
                  error
                    ? t(`conflicts.refusal.${error}`, { min: NOTE_MIN })
                    : t('conflicts.noteHelp', { min: NOTE_MIN })
                }
                error={error !== null}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                multiline
                minRows={2}
                slotProps={{ htmlInput: { 'data-testid': 'conflict-note', maxLength: 500 } }}
              />
              <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                <Button
                  variant="contained"
                  disabled={busy}
                  onClick={() => void resolve('acknowledged')}
                  data-testid="conflict-acknowledge"
                >
                  {t('conflicts.acknowledge')}
                </Button>
                {subject.kind === 'case' && fold.outcome === 'parked' && (
                  <Button
                    variant="outlined"
                    disabled={busy}
                    onClick={() => void resolve('redo')}
                    data-testid="conflict-redo"
                  >
                    {t('conflicts.redo')}
                  </Button>
                )}
              </Box>
            </Stack>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}

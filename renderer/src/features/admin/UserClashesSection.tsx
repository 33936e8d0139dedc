// Hall accounts of a sign-in name that another account already holds on this station
// (data/userClashes.ts): the stations leave one of the two out, and that person cannot sign in
// here. For the administrator: both accounts, what it means, and the rename that settles it
// hall-wide; after the rename, the new name to tell the person. Shown only when there is one.
import { useState } from 'react';
import { Alert, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { OneWindowDb } from '../../data/db';
import { hallDateTime } from '../../domain/dates';
import {
  listUserClashes,
  renameClashedUser,
  type ClashAccount,
  type ClashRenamed,
  type ShownUserClash,
} from '../../data/userClashes';
import { currentActor } from '../../app/stores/sessionStore';
import { useAuthErrorText } from '../auth/useAuthErrorText';

export function UserClashesSection({ db }: { db: OneWindowDb }) {
  const { t } = useTranslation('admin');
  const result = useLiveQuery(() => listUserClashes(db, currentActor()), [db]);
  const [done, setDone] = useState<ClashRenamed | null>(null);
  const clashes = result?.ok ? result.clashes : [];
  if (clashes.length === 0 && !done) return null;
  return (
    <Stack spacing={1.5} data-testid="user-clashes">
      {clashes.length > 0 && (
        <>
          <Typography variant="h2" sx={{ fontSize: '1.2rem' }}>
            {t('clashes.title', { count: clashes.length })}
          </Typography>
          <Alert severity="warning" role="note">
            {t('clashes.explain')}
          </Alert>
        </>
      )}
      {done && (
        <Alert severity="success" role="status" data-testid="user-clash-renamed">
          {t('clashes.renamed', { name: done.name, from: done.from, to: done.to })}
        </Alert>
      )}
      {clashes.map((c) => (
        <ClashCard key={c.leftOut.id} db={db} clash={c} onRenamed={setDone} />
      ))}
    </Stack>
  );
}

function ClashCard(props: {
  db: OneWindowDb;
  clash: ShownUserClash;
  onRenamed: (r: ClashRenamed) => void;
}) {
  const { db, clash } = props;
  const { t } = useTranslation(['admin', 'domain']);
  const errorText = useAuthErrorText();
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const role = (r: string) => t(`domain:role.${r}`, { defaultValue: r || t('clashes.unknown') });
  // A station clock that wrote something unreadable is shown as written, never as a blank.
  const when = (iso: string) => {
    try {
      return hallDateTime(iso).replace('T', ' ');
    } catch {
      return iso || t('clashes.unknown');
    }
  };
  const account = (a: ClashAccount) => ({
    name: a.name,
    role: role(a.role),
    station: a.stationId || t('clashes.unknown'),
    at: when(a.createdAt),
  });
  const target = clash.renameId === clash.held.id ? clash.held : clash.leftOut;
  const ownIsLater = target === clash.held;

  async function rename() {
    setBusy(true);
    try {
      const r = await renameClashedUser(db, currentActor(), {
        arrivingId: clash.leftOut.id,
        username: to,
      });
      setProblem(null);
      props.onRenamed(r);
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper
      variant="outlined"
      sx={{ p: 2 }}
      data-testid={`user-clash-${clash.username}`}
      data-left-out={clash.leftOut.id}
    >
      <Stack spacing={1}>
        <Typography variant="h3" sx={{ fontSize: '1.1rem', fontWeight: 600 }}>
          {t('clashes.name', { username: clash.username })}
        </Typography>
        <Typography data-testid="user-clash-held">
          {t('clashes.held', account(clash.held))}
        </Typography>
        <Typography data-testid="user-clash-left-out">
          {t('clashes.leftOut', account(clash.leftOut))}
        </Typography>
        <Typography data-testid="user-clash-meaning">
          {t('clashes.meaning', {
            left: clash.leftOut.name,
            leftStation: account(clash.leftOut).station,
            held: clash.held.name,
            heldStation: account(clash.held).station,
            username: clash.username,
          })}
        </Typography>
        <Typography color="text.secondary" data-testid="user-clash-todo">
          {t(ownIsLater ? 'clashes.todoOwn' : 'clashes.todo', {
            name: target.name,
            station: account(target).station,
          })}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField
            size="small"
            label={t('clashes.newName', { name: target.name })}
            helperText={t('clashes.newNameHelp')}
            value={to}
            onChange={(e) => setTo(e.target.value)}
            sx={{ width: 340 }}
            slotProps={{ htmlInput: { 'data-testid': 'user-clash-new-name', maxLength: 32 } }}
          />
          <Button
            variant="contained"
            disabled={busy || to.trim() === ''}
            onClick={() => void rename()}
            data-testid="user-clash-rename"
            sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
          >
            {t('clashes.rename')}
          </Button>
        </Stack>
        {problem && (
          <Alert severity="error" role="alert" data-testid="user-clash-problem">
            {problem}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

// User administration: list, create, change role, disable/enable, reset password; first, the
// hall accounts of one name this station left out (UserClashesSection).
import { useState } from 'react';
import {
  Alert,
  Button,
  Chip,
  Divider,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatClockTime } from '../cases/caseFormat';
import { ROLES, type Role } from '../../domain/roles';
import type { OneWindowDb } from '../../data/db';
import { appDb } from '../../data/stationDb';
import { changeRole, listUsers, setDisabled, type UserSummary } from '../../data/users';
import { isLocked } from '../../data/auth';
import { JOINED_KEY } from '../../data/hallPresence';
import { currentActor, useSessionStore } from '../../app/stores/sessionStore';
import { useAuthErrorText } from '../auth/useAuthErrorText';
import { AdminPage } from './AdminOnly';
import { CreateUserForm } from './CreateUserForm';
import { FlaggedActionsSection } from './FlaggedActionsSection';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { UserClashesSection } from './UserClashesSection';

export function UsersPage({ db: given }: { db?: OneWindowDb }) {
  const { t } = useTranslation('admin');
  return (
    <AdminPage title={t('users.title')}>
      <UsersAdmin db={given ?? appDb()} />
    </AdminPage>
  );
}

function UsersAdmin({ db }: { db: OneWindowDb }) {
  const { t, i18n } = useTranslation(['admin', 'auth']);
  const errorText = useAuthErrorText();
  const me = useSessionStore((s) => s.user);
  const users = useLiveQuery(() => listUsers(db), [db]);
  // A station of a hall lists the hall's users, not "this station's" (issue 17 item 2).
  const joined = useLiveQuery(async () => Boolean(await db.meta.get(JOINED_KEY)), [db]);
  const listTitle = joined ? t('users.listHall') : t('users.list');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);

  const run = async (work: () => Promise<string>) => {
    try {
      setMessage({ ok: true, text: await work() });
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  };

  const status = (u: UserSummary) => {
    if (u.disabled) return <Chip size="small" label={t('users.disabled')} />;
    if (isLocked(u, new Date())) {
      const time = formatClockTime(u.lockedUntil as string, i18n.language);
      return <Chip size="small" color="warning" label={t('users.lockedUntil', { time })} />;
    }
    return <Chip size="small" color="success" variant="outlined" label={t('users.active')} />;
  };

  return (
    <Stack spacing={3}>
      <UserClashesSection db={db} />
      <Paper variant="outlined" sx={{ p: 3 }}>
        <CreateUserForm db={db} onMessage={setMessage} />
      </Paper>
      {message && (
        <Alert severity={message.ok ? 'success' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
      <Divider />
      <Typography variant="h2" sx={{ fontSize: '1.2rem' }}>
        {listTitle}
      </Typography>
      <Table size="small" aria-label={listTitle}>
        <TableHead>
          <TableRow>
            <TableCell>{t('users.username')}</TableCell>
            <TableCell>{t('users.name')}</TableCell>
            <TableCell id="users-role-col">{t('users.role')}</TableCell>
            <TableCell>{t('users.status')}</TableCell>
            <TableCell>{t('users.actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(users ?? []).map((u) => (
            <TableRow key={u.id} data-testid={`user-row-${u.username}`}>
              <TableCell>{u.username}</TableCell>
              <TableCell id={`user-name-${u.id}`}>
                {u.name}
                {u.id === me?.id ? t('users.you') : ''}
              </TableCell>
              <TableCell>
                <TextField
                  select
                  size="small"
                  value={u.role}
                  // Named by the column and the person: "角色 李窗口 窗口受理员".
                  slotProps={{ select: { labelId: `users-role-col user-name-${u.id}` } }}
                  onChange={(e) =>
                    run(async () => {
                      const role = e.target.value as Role;
                      const next = await changeRole(db, currentActor(), u.id, role);
                      return t('users.roleChanged', {
                        name: next.name,
                        role: t(`domain:role.${role}`),
                      });
                    })
                  }
                  sx={{ minWidth: 150 }}
                >
                  {ROLES.map((r) => (
                    <MenuItem key={r} value={r}>
                      {t(`domain:role.${r}`)}
                    </MenuItem>
                  ))}
                </TextField>
              </TableCell>
              <TableCell>{status(u)}</TableCell>
              <TableCell>
                <Stack direction="row" spacing={1}>
                  <Button size="small" onClick={() => setResetting(u)}>
                    {t('users.resetPassword')}
                  </Button>
                  <Button
                    size="small"
                    color={u.disabled ? 'primary' : 'warning'}
                    onClick={() =>
                      run(async () => {
                        const next = await setDisabled(db, currentActor(), u.id, !u.disabled);
                        return t(next.disabled ? 'users.disabledDone' : 'users.enabledDone', {
                          name: next.name,
                        });
                      })
                    }
                  >
                    {u.disabled ? t('users.enable') : t('users.disable')}
                  </Button>
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <FlaggedActionsSection db={db} />
      {resetting && (
        <ResetPasswordDialog
          db={db}
          user={resetting}
          onClose={(text) => {
            setResetting(null);
            if (text) setMessage({ ok: true, text });
          }}
        />
      )}
    </Stack>
  );
}

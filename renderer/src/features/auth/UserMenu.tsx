// The signed-in user in the title bar: name and role, lock now, sign out, and for
// administrators the users and backups screens — with a count on the button and on 用户管理 of
// the hall accounts this station left out (two of one name: data/userClashes.ts).
import { useState } from 'react';
import {
  Badge,
  Button,
  Chip,
  Divider,
  ListItemIcon,
  Menu,
  MenuItem,
  Typography,
} from '@mui/material';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import LockIcon from '@mui/icons-material/Lock';
import LogoutIcon from '@mui/icons-material/Logout';
import GroupIcon from '@mui/icons-material/Group';
import BackupIcon from '@mui/icons-material/Backup';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDb } from '../../data/stationDb';
import { readUserClashes } from '../../data/sync/staff';
import { useSessionStore } from '../../app/stores/sessionStore';
import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import { AdminDialog, type AdminScreen } from '../admin/AdminDialog';
import { lockNow, signOut } from './AuthGate';

export function UserMenu() {
  const { t } = useTranslation('auth');
  const user = useSessionStore((s) => s.user);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [screen, setScreen] = useState<AdminScreen | null>(null);
  const admin = user?.role === 'admin';
  const clashes = useLiveQuery(
    async () => (admin ? (await readUserClashes(appDb())).length : 0),
    [admin],
  );
  if (!user) return null;
  const clashText = clashes ? t('menu.usersClashes', { count: clashes }) : undefined;
  const close = () => setAnchor(null);
  const open = (s: AdminScreen) => {
    close();
    setScreen(s);
  };

  return (
    <>
      <Button
        color="inherit"
        startIcon={
          // Only when there is something to count (a hidden badge still holds its "0").
          clashText ? (
            <Badge
              color="error"
              badgeContent={clashes}
              title={clashText}
              data-testid="user-menu-clashes"
            >
              <AccountCircleIcon />
            </Badge>
          ) : (
            <AccountCircleIcon />
          )
        }
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        data-testid="user-menu"
        sx={{ textTransform: 'none', whiteSpace: 'nowrap', flexShrink: 0 }}
      >
        {user.name}
        <Typography component="span" sx={{ ml: 1, opacity: 0.85, fontSize: '0.9rem' }}>
          {t(`domain:role.${user.role}`)}
        </Typography>
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={close}>
        {user.role === 'admin' && (
          <MenuItem onClick={() => open('users')} data-testid="menu-users">
            <ListItemIcon>
              <GroupIcon fontSize="small" />
            </ListItemIcon>
            {t('menu.users')}
            {clashText && (
              <Chip
                size="small"
                color="error"
                label={clashText}
                sx={{ ml: 1.5 }}
                data-testid="menu-users-clashes"
              />
            )}
          </MenuItem>
        )}
        {user.role === 'admin' && (
          <MenuItem onClick={() => open('backups')} data-testid="menu-backups">
            <ListItemIcon>
              <BackupIcon fontSize="small" />
            </ListItemIcon>
            {t('menu.backups')}
          </MenuItem>
        )}
        {user.role === 'admin' && (
          <MenuItem onClick={() => open('integrity')} data-testid="menu-integrity">
            <ListItemIcon>
              <VerifiedIcon fontSize="small" />
            </ListItemIcon>
            {t('menu.integrity')}
          </MenuItem>
        )}
        {user.role === 'admin' && <Divider />}
        <MenuItem
          onClick={() => {
            close();
            lockNow();
          }}
          data-testid="menu-lock"
        >
          <ListItemIcon>
            <LockIcon fontSize="small" />
          </ListItemIcon>
          {t('menu.lockNow')}
        </MenuItem>
        <MenuItem
          onClick={() => {
            close();
            signOut();
          }}
          data-testid="menu-signout"
        >
          <ListItemIcon>
            <LogoutIcon fontSize="small" />
          </ListItemIcon>
          {t('menu.signOut')}
        </MenuItem>
      </Menu>
      {screen && <AdminDialog screen={screen} onClose={() => setScreen(null)} />}
    </>
  );
}

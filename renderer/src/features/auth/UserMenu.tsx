// The signed-in user in the title bar: name and role, lock now, sign out, and for
// administrators the users and backups screens.
import { useState } from 'react';
import { Button, Divider, ListItemIcon, Menu, MenuItem, Typography } from '@mui/material';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import LockIcon from '@mui/icons-material/Lock';
import LogoutIcon from '@mui/icons-material/Logout';
import GroupIcon from '@mui/icons-material/Group';
import BackupIcon from '@mui/icons-material/Backup';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../app/stores/sessionStore';
import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import { AdminDialog, type AdminScreen } from '../admin/AdminDialog';
import { lockNow, signOut } from './AuthGate';

export function UserMenu() {
  const { t } = useTranslation('auth');
  const user = useSessionStore((s) => s.user);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [screen, setScreen] = useState<AdminScreen | null>(null);
  if (!user) return null;
  const close = () => setAnchor(null);
  const open = (s: AdminScreen) => {
    close();
    setScreen(s);
  };

  return (
    <>
      <Button
        color="inherit"
        startIcon={<AccountCircleIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        data-testid="user-menu"
        sx={{ textTransform: 'none' }}
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

// The administration screens opened from the user menu, full screen over the app (the app
// underneath stays as it was). Each screen refuses non-administrators on its own.
import { AppBar, Button, Dialog, Toolbar, Typography, Box } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { useTranslation } from 'react-i18next';
import { UsersPage } from './UsersPage';
import { BackupsPage } from './BackupsPage';
import { IntegrityPanel } from './IntegrityPanel';

export type AdminScreen = 'users' | 'backups' | 'integrity';

export function AdminDialog({ screen, onClose }: { screen: AdminScreen; onClose: () => void }) {
  const { t } = useTranslation('auth');
  const title = t(`menu.${screen}`);
  return (
    <Dialog open fullScreen onClose={onClose} aria-labelledby="admin-dialog-title">
      <AppBar position="static" elevation={0}>
        <Toolbar>
          <Typography id="admin-dialog-title" sx={{ flexGrow: 1, fontSize: '1.2rem' }}>
            {t('menu.dialogTitle', { app: t('app:app.title'), screen: title })}
          </Typography>
          <Button
            color="inherit"
            startIcon={<CloseIcon />}
            onClick={onClose}
            data-testid="admin-close"
          >
            {t('menu.close')}
          </Button>
        </Toolbar>
      </AppBar>
      <Box sx={{ p: 4, maxWidth: 1200, width: '100%', mx: 'auto' }}>
        {screen === 'users' && <UsersPage />}
        {screen === 'backups' && <BackupsPage />}
        {screen === 'integrity' && <IntegrityPanel />}
      </Box>
    </Dialog>
  );
}

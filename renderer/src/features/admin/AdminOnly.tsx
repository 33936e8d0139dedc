// Admin screens show their content only to an administrator; everyone else is told why.
// (The data functions refuse non-administrators on their own: this is courtesy, not the guard.)
import type { ReactNode } from 'react';
import { Alert, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../app/stores/sessionStore';

export function AdminOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation('admin');
  const role = useSessionStore((s) => s.user?.role);
  if (role !== 'admin') {
    return (
      <Alert severity="warning" data-testid="admin-only">
        {t('adminOnly')}
      </Alert>
    );
  }
  return <>{children}</>;
}

/** An administration screen: its title for everyone, its content for administrators. */
export function AdminPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack spacing={3}>
      <Typography variant="h1" sx={{ fontSize: '1.8rem' }}>
        {title}
      </Typography>
      <AdminOnly>{children}</AdminOnly>
    </Stack>
  );
}

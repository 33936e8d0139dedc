// The frame of the screens shown before anyone is signed in: the app's name, then one card.
import type { ReactNode } from 'react';
import { Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

export function AuthCard({
  title,
  width = 460,
  children,
}: {
  title: string;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        bgcolor: 'background.default',
        py: 4,
        px: 2,
      }}
    >
      <Typography variant="h2" component="div" sx={{ fontSize: '2rem', color: 'primary.main' }}>
        {t('app.title')}
      </Typography>
      <Typography sx={{ mb: 3, color: 'text.secondary' }}>{t('app.subtitle')}</Typography>
      <Paper variant="outlined" sx={{ width: '100%', maxWidth: width, p: 4 }}>
        <Typography variant="h1" sx={{ fontSize: '1.6rem', mb: 2 }}>
          {title}
        </Typography>
        {children}
      </Paper>
    </Box>
  );
}

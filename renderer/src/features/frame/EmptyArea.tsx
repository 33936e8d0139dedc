// The honest empty state of an area that is not built yet: no sample data, no dead buttons.
import { Alert, Box, Typography } from '@mui/material';
import ConstructionIcon from '@mui/icons-material/Construction';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../app/stores/areas';

export function EmptyArea({ area }: { area: Area }) {
  const { t } = useTranslation();
  const name = t(`nav.${area}`);
  return (
    <Box data-testid={`empty-${area}`} sx={{ maxWidth: 760 }}>
      <Typography variant="h2" component="h1" gutterBottom>
        {name}
      </Typography>
      <Alert
        severity="info"
        icon={<ConstructionIcon fontSize="large" />}
        sx={{ fontSize: '1.1rem' }}
      >
        <Typography variant="h3" component="p" gutterBottom>
          {t('empty.title', { area: name })}
        </Typography>
        <Typography>{t('empty.body')}</Typography>
        <Typography sx={{ mt: 1 }}>
          {t('empty.planned', { desc: t(`area.${area}.desc`) })}
        </Typography>
      </Alert>
    </Box>
  );
}

// #/floor/rating/<window>: the rating device's entry in the floor's route table (devicePages.tsx).
// Without a window the page says how to open it, never a blank.
import { Alert, Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { RatingDevicePage } from './RatingDevicePage';

export function FloorRatingRoute({ window }: { window: string | undefined }) {
  const { t } = useTranslation('rating');
  if (!window?.trim())
    return (
      <Box component="main" sx={{ p: 5 }}>
        <Alert severity="warning" sx={{ fontSize: '1.4rem' }}>
          {t('device.noWindow')}
        </Alert>
      </Box>
    );
  return <RatingDevicePage key={window} window={window} />;
}

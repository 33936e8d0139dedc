// #/floor/rating/<window>: the rating device's page, shown instead of the sign-in and the app.
// (The floor's route table — kiosk, display, device start-up — comes with its own part of
// issue 18; this is the rating device's entry in it.)
import { Alert, Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { RatingDevicePage, ratingWindowOf } from './RatingDevicePage';

export const isFloorRatingHash = (hash: string) => /^#\/floor\/rating(\/|$)/.test(hash);

export function FloorRatingRoute({ hash }: { hash: string }) {
  const { t } = useTranslation('rating');
  const window = ratingWindowOf(hash);
  if (!window)
    return (
      <Box component="main" sx={{ p: 5 }}>
        <Alert severity="warning" sx={{ fontSize: '1.4rem' }}>
          {t('device.noWindow')}
        </Alert>
      </Box>
    );
  return <RatingDevicePage key={window} window={window} />;
}

// Said at the point of printing: which office facts are missing, so the paper leaves their
// sentences out — and who can fill them in.
import { Alert } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PrintJob } from './printService';

export function OfficeGapsAlert({ jobs }: { jobs: PrintJob[] }) {
  const { t } = useTranslation(['printing', 'app']);
  const gaps = [...new Set(jobs.flatMap((j) => j.gaps ?? []))];
  if (gaps.length === 0) return null;
  return (
    <Alert severity="warning" sx={{ mx: 3, mt: 2 }} data-testid="print-office-gaps">
      {t('officeGaps', { fields: gaps.map((f) => t(`office.${f}`, { ns: 'app' })).join('、') })}
    </Alert>
  );
}

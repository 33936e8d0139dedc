// The clerk's choice of how the certificate prints — 套打 onto pre-printed stock or 整页 on A4 —
// with what is missing for 套打 said in words (who sets it up, and where).
import { Alert, Box, FormControlLabel, Radio, RadioGroup, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '../../app/stores/settingsStore';
import type { CertificateKind } from '../../print/templates/Certificates';
import { certificatePrinter } from '../printing/overlaySettings';
import { printModeSchema, type CertificatePrintMode, type OverlayReadiness } from './printMode';

export function PrintModeChoice({
  kind,
  mode,
  readiness,
  onChange,
  rememberFailed = false,
}: {
  kind: CertificateKind;
  mode: CertificatePrintMode;
  readiness: OverlayReadiness;
  onChange: (m: CertificatePrintMode) => void;
  /** The settings did not take the choice: it holds for this certificate only. */
  rememberFailed?: boolean;
}) {
  const { t } = useTranslation(['issuance', 'printSettings']);
  const printer = useSettingsStore((s) => certificatePrinter(s.settings));
  const certName = t(`cert.${kind}`, { ns: 'printSettings' });
  return (
    <Box sx={{ display: 'grid', gap: 1 }} data-testid="print-mode">
      <Typography id="print-mode-label" sx={{ fontWeight: 700 }}>
        {t('printMode.label')}
      </Typography>
      <RadioGroup
        row
        aria-labelledby="print-mode-label"
        value={mode}
        onChange={(e) => {
          const m = printModeSchema.safeParse(e.target.value);
          if (m.success) onChange(m.data);
        }}
      >
        <FormControlLabel
          value="overlay"
          disabled={!readiness.layoutSetUp}
          control={
            <Radio slotProps={{ input: { 'data-testid': 'print-mode-overlay' } as object }} />
          }
          label={t('printMode.overlay')}
        />
        <FormControlLabel
          value="full"
          control={<Radio slotProps={{ input: { 'data-testid': 'print-mode-full' } as object }} />}
          label={t('printMode.full')}
        />
      </RadioGroup>
      {!readiness.layoutSetUp && (
        <Alert severity="info" data-testid="print-mode-no-layout">
          {t('printMode.noLayout', { name: certName })}
        </Alert>
      )}
      {rememberFailed && (
        <Alert severity="warning" data-testid="print-mode-not-remembered">
          {t('printMode.notRemembered')}
        </Alert>
      )}
      {mode === 'overlay' && !readiness.printerSet && (
        <Alert severity="warning" data-testid="print-mode-no-printer">
          {t('printMode.noPrinter')}
        </Alert>
      )}
      {mode === 'overlay' && readiness.printerSet && (
        <Typography variant="body2" color="text.secondary" data-testid="print-mode-hint">
          {t('printMode.overlayHint', { printer })}
        </Typography>
      )}
    </Box>
  );
}

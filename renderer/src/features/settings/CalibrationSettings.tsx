// Calibration per printer: the offsets measured on the calibration page, and the button that
// prints that page (shifted by the saved offsets, so a second print checks them).
import { useEffect, useState } from 'react';
import { Button, FormControl, InputLabel, Select, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { calibrationSchema } from '../../../../electron/contract';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { calibrationPageFor, printOverlay } from '../printing/overlayJob';
import { calibrationOf, certificatePrinter } from '../printing/overlaySettings';
import { useHostErrorText } from '../shared/useHostErrorText';
import {
  NumberField,
  printerChoices,
  printerMenuItems,
  Section,
  StatusLine,
  toNumber,
  useSaveWithStatus,
  type Printer,
} from './PrintSettingsParts';

export function CalibrationSettings({ printers }: { printers: Printer[] }) {
  const { t, i18n } = useTranslation('printSettings');
  const hostErrorText = useHostErrorText();
  const settings = useSettingsStore((s) => s.settings);
  // The certificate printer first: it is the one overlays go to.
  const [printer, setPrinter] = useState(() => certificatePrinter(settings));
  const [dx, setDx] = useState('0');
  const [dy, setDy] = useState('0');
  const [busy, setBusy] = useState(false);
  const { status, setStatus, save } = useSaveWithStatus();

  // Another printer chosen (or the saved values changed): show its own offsets.
  const saved = calibrationOf(settings, printer);
  useEffect(() => {
    setDx(String(saved.dxMm));
    setDy(String(saved.dyMm));
  }, [printer, saved.dxMm, saved.dyMm]);

  const { listed, missing } = printerChoices(printers, [
    ...Object.values(settings.printers),
    ...Object.keys(settings.calibrations),
  ]);
  const parsed = calibrationSchema.safeParse({ dxMm: toNumber(dx), dyMm: toNumber(dy) });
  const okX = calibrationSchema.shape.dxMm.safeParse(toNumber(dx)).success;
  const okY = calibrationSchema.shape.dyMm.safeParse(toNumber(dy)).success;

  const onSave = async () => {
    if (!parsed.success) return setStatus({ ok: false, text: t('invalid') });
    await save({ calibrations: { ...settings.calibrations, [printer]: parsed.data } });
  };

  const onPrint = async () => {
    setBusy(true);
    try {
      const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
      await printOverlay(await calibrationPageFor(settings, printer, locale), printer);
      setStatus({ ok: true, text: t('calibration.printed') });
    } catch (e) {
      setStatus({ ok: false, text: t('calibration.printFailed', { message: hostErrorText(e) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('calibration.title')} help={t('calibration.help')} testId="print-calibration">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <FormControl sx={{ minWidth: 260 }}>
          <InputLabel shrink id="calibration-printer-label">
            {t('calibration.printer')}
          </InputLabel>
          <Select
            displayEmpty
            notched
            labelId="calibration-printer-label"
            label={t('calibration.printer')}
            value={printer}
            onChange={(e) => setPrinter(String(e.target.value))}
            data-testid="calibration-printer"
          >
            {printerMenuItems(listed, missing, t('printers.default'), (name) =>
              t('printers.missing', { name }),
            )}
          </Select>
        </FormControl>
        <NumberField
          label={t('calibration.dx')}
          value={dx}
          onChange={setDx}
          valid={okX}
          unit={t('mm')}
          width={190}
          helperText={t('calibration.range')}
          testId="calibration-dx"
        />
        <NumberField
          label={t('calibration.dy')}
          value={dy}
          onChange={setDy}
          valid={okY}
          unit={t('mm')}
          width={190}
          helperText={t('calibration.range')}
          testId="calibration-dy"
        />
      </Stack>
      <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
        <Button variant="contained" onClick={() => void onSave()} data-testid="calibration-save">
          {t('save')}
        </Button>
        <Button
          variant="outlined"
          onClick={() => void onPrint()}
          disabled={busy}
          data-testid="calibration-print"
        >
          {t('calibration.print')}
        </Button>
      </Stack>
      <StatusLine status={status} testId="calibration-status" />
    </Section>
  );
}

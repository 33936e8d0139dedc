// The print section of 设置: printers per kind of paper, the print font, certificate stock
// sizes, per-printer calibration and (administrators only) the overlay field positions.
import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  FormControl,
  FormControlLabel,
  InputLabel,
  Radio,
  RadioGroup,
  Select,
  Stack,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { settingsSchema, type Settings } from '../../../../electron/contract';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { host } from '../../host';
import { useHostErrorText } from '../shared/useHostErrorText';
import { CalibrationSettings } from './CalibrationSettings';
import { PrintSettingsOverlay } from './PrintSettingsOverlay';
import { PrintSettingsPapers } from './PrintSettingsPapers';
import {
  printerChoices,
  printerMenuItems,
  Section,
  StatusLine,
  useSaveWithStatus,
  type Printer,
  type Status,
} from './PrintSettingsParts';

type PrinterKind = keyof Settings['printers'];
const KINDS: PrinterKind[] = ['a4', 'receipt', 'certificate'];
const FONTS = settingsSchema.shape.printFont.options;

export function PrintSettings() {
  const { t } = useTranslation('printSettings');
  const hostErrorText = useHostErrorText();
  const [printers, setPrinters] = useState<Printer[] | null>(null);
  const [loadError, setLoadError] = useState<Status>(null);

  useEffect(() => {
    let live = true;
    host
      .printPrinters({})
      .then((r) => live && setPrinters(r.printers))
      .catch((e: unknown) => {
        if (!live) return;
        setPrinters([]);
        setLoadError({ ok: false, text: t('printers.loadFailed', { message: hostErrorText(e) }) });
      });
    return () => {
      live = false;
    };
    // Once per visit: the list only changes when a printer is plugged in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Box data-testid="print-settings">
      <Typography variant="h2" component="h2" gutterBottom sx={{ mt: 1 }}>
        {t('title')}
      </Typography>
      <PrintersAndFont printers={printers} loadError={loadError} />
      <PrintSettingsPapers />
      <CalibrationSettings printers={printers ?? []} />
      <PrintSettingsOverlay />
    </Box>
  );
}

function PrintersAndFont({
  printers,
  loadError,
}: {
  printers: Printer[] | null;
  loadError: Status;
}) {
  const { t } = useTranslation('printSettings');
  const settings = useSettingsStore((s) => s.settings);
  const { status, save } = useSaveWithStatus();
  const { listed, missing } = printerChoices(printers ?? [], Object.values(settings.printers));
  const noList = printers !== null && printers.length === 0;

  return (
    <Section title={t('printers.title')} help={t('printers.help')} testId="print-printers">
      {noList && !loadError && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="printers-browser">
          {t('printers.browser')}
        </Alert>
      )}
      <StatusLine status={loadError} testId="printers-load-error" />
      <Stack direction="row" useFlexGap spacing={2} sx={{ mb: 3, mt: 1, flexWrap: 'wrap' }}>
        {KINDS.map((kind) => (
          <FormControl key={kind} sx={{ width: 320 }} disabled={noList && missing.length === 0}>
            <InputLabel shrink id={`printer-${kind}-label`}>
              {t(`printers.kind.${kind}`)}
            </InputLabel>
            <Select
              displayEmpty
              notched
              labelId={`printer-${kind}-label`}
              label={t(`printers.kind.${kind}`)}
              value={settings.printers[kind]}
              data-testid={`printer-${kind}`}
              onChange={(e) =>
                void save({ printers: { ...settings.printers, [kind]: String(e.target.value) } })
              }
            >
              {printerMenuItems(
                listed,
                missing,
                t(kind === 'certificate' ? 'printers.sameAsA4' : 'printers.default'),
                (name) => t('printers.missing', { name }),
              )}
            </Select>
          </FormControl>
        ))}
      </Stack>
      <FormControl>
        <Typography id="print-font-label" component="h3" variant="h6" sx={{ fontWeight: 700 }}>
          {t('font.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1, maxWidth: 900 }}>
          {t('font.help')}
        </Typography>
        <RadioGroup
          row
          aria-labelledby="print-font-label"
          value={settings.printFont}
          onChange={(e) => {
            const font = settingsSchema.shape.printFont.safeParse(e.target.value);
            if (font.success) void save({ printFont: font.data });
          }}
        >
          {FONTS.map((f) => (
            <FormControlLabel
              key={f}
              value={f}
              control={<Radio />}
              label={t(`font.${f}`)}
              data-testid={`print-font-${f}`}
            />
          ))}
        </RadioGroup>
      </FormControl>
      <StatusLine status={status} testId="printers-status" />
    </Section>
  );
}

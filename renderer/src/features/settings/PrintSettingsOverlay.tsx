// Overlay field positions per certificate (administrators only), with a true-scale preview of
// the overlay on sample data that follows every edit before it is saved.
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  certificateKindSchema,
  overlayFieldSchema,
  type CertificateKindSetting,
  type OverlayFieldSetting,
} from '../../../../electron/contract';
import { useSessionStore } from '../../app/stores/sessionStore';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { PrintPreview, type RenderedDocument } from '../../print';
import { defaultOverlayLayouts } from '../../print/overlayLayouts';
import { renderOverlayFor } from '../printing/overlayJob';
import { layoutToSave, overlayLayoutOf } from '../printing/overlaySettings';
import {
  NumberField,
  Section,
  StatusLine,
  toNumber,
  useSaveWithStatus,
} from './PrintSettingsParts';
import { overlaySampleValues } from './PrintSettingsSamples';

type Row = { key: string; kind?: 'text' | 'qr'; x: string; y: string; w: string; size: string };
const COLUMNS = [
  ['x', 'overlay.x', 'mm'],
  ['y', 'overlay.y', 'mm'],
  ['w', 'overlay.width', 'mm'],
  ['size', 'overlay.fontSize', ''],
] as const;

const rowsOf = (fields: readonly OverlayFieldSetting[]): Row[] =>
  fields.map((f) => ({
    key: f.key,
    kind: f.kind,
    x: String(f.xMm),
    y: String(f.yMm),
    w: String(f.widthMm),
    size: String(f.fontSizePt),
  }));

const parseRow = (r: Row) =>
  overlayFieldSchema.safeParse({
    key: r.key,
    xMm: toNumber(r.x),
    yMm: toNumber(r.y),
    widthMm: toNumber(r.w),
    fontSizePt: toNumber(r.size),
    ...(r.kind ? { kind: r.kind } : {}),
  });

export function PrintSettingsOverlay() {
  const { t } = useTranslation('printSettings');
  const role = useSessionStore((s) => s.user?.role);
  return (
    <Section title={t('overlay.title')} testId="print-overlay">
      {role === 'admin' ? (
        <OverlayEditor />
      ) : (
        <Alert severity="info" data-testid="overlay-admin-only">
          {t('overlay.adminOnly')}
        </Alert>
      )}
    </Section>
  );
}

function OverlayEditor() {
  const { t, i18n } = useTranslation('printSettings');
  const settings = useSettingsStore((s) => s.settings);
  const [kind, setKind] = useState<CertificateKindSetting>('engineering');
  const [rows, setRows] = useState<Row[]>(() => rowsOf(overlayLayoutOf(settings, kind).fields));
  const [doc, setDoc] = useState<RenderedDocument | null>(null);
  const { status, setStatus, save } = useSaveWithStatus();

  const parsed = useMemo(() => rows.map(parseRow), [rows]);
  const valid = parsed.every((p) => p.success);
  const fields = useMemo(() => parsed.flatMap((p) => (p.success ? [p.data] : [])), [parsed]);

  const choose = (k: CertificateKindSetting) => {
    setKind(k);
    setRows(rowsOf(overlayLayoutOf(settings, k).fields));
    setStatus(null);
  };

  // The preview follows the edits (valid ones), a moment after typing stops.
  useEffect(() => {
    if (!valid) return;
    let live = true;
    const timer = setTimeout(() => {
      const draft = { ...settings, overlayLayouts: { ...settings.overlayLayouts, [kind]: fields } };
      const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
      void renderOverlayFor(kind, overlaySampleValues(kind), { settings: draft, locale }).then(
        (d) => live && setDoc(d),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [kind, fields, valid, settings, i18n.language]);

  const onSave = async () => {
    if (!valid) return setStatus({ ok: false, text: t('overlay.invalid') });
    await save({ overlayLayouts: { ...settings.overlayLayouts, [kind]: layoutToSave(fields) } });
  };

  const setCell = (i: number, col: (typeof COLUMNS)[number][0]) => (v: string) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [col]: v } : r)));

  return (
    <Stack spacing={3}>
      <Box sx={{ flex: '0 0 auto' }}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 700 }}>
          {t('overlay.help')}
        </Typography>
        <FormControl sx={{ minWidth: 320, mb: 2 }}>
          <InputLabel id="overlay-cert-label">{t('overlay.certificate')}</InputLabel>
          <Select
            labelId="overlay-cert-label"
            label={t('overlay.certificate')}
            value={kind}
            onChange={(e) => {
              const k = certificateKindSchema.safeParse(e.target.value);
              if (k.success) choose(k.data);
            }}
            data-testid="overlay-certificate"
          >
            {certificateKindSchema.options.map((k) => (
              <MenuItem key={k} value={k}>
                {t(`cert.${k}`)}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <Table size="small" aria-label={t('overlay.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('overlay.field')}</TableCell>
              {COLUMNS.map(([col, label, unit]) => (
                <TableCell key={col} sx={{ px: 0.75 }}>
                  {t(label)}
                  {unit && ` (${t('mm')})`}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r, i) => (
              <TableRow key={r.key} data-testid={`overlay-row-${r.key}`}>
                <TableCell component="th" sx={{ whiteSpace: 'nowrap' }}>
                  {t(`field.${r.key}`, { defaultValue: r.key })}
                </TableCell>
                {COLUMNS.map(([col, label]) => (
                  <TableCell key={col} sx={{ px: 0.75 }}>
                    <NumberField
                      label={`${t(`field.${r.key}`, { defaultValue: r.key })} ${t(label)}`}
                      hideLabel
                      value={r[col]}
                      onChange={setCell(i, col)}
                      valid={parsed[i]?.success ?? false}
                      width={col === 'size' ? 90 : 110}
                      step={0.5}
                      testId={`overlay-${r.key}-${col}`}
                    />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {!valid && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {t('overlay.invalid')}
          </Alert>
        )}
        <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
          <Button variant="contained" onClick={() => void onSave()} data-testid="overlay-save">
            {t('save')}
          </Button>
          <Button
            variant="outlined"
            onClick={() => setRows(rowsOf(defaultOverlayLayouts[kind].fields))}
            data-testid="overlay-reset"
          >
            {t('overlay.reset')}
          </Button>
        </Stack>
        <StatusLine status={status} testId="overlay-status" />
      </Box>
      <Box sx={{ flex: 1, minWidth: 0, height: 760 }} data-testid="overlay-preview">
        <Typography variant="h6" component="h3" gutterBottom>
          {t('overlay.preview')}
        </Typography>
        {doc && (
          <PrintPreview
            document={doc}
            locale={i18n.language === 'en' ? 'en' : 'zh-CN'}
            initialZoom="fit"
          />
        )}
      </Box>
    </Stack>
  );
}

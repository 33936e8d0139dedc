import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Paper,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { languageSchema, type ResultOf } from '../../../../electron/contract';
import { host } from '../../host';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { useHostErrorText } from '../shared/useHostErrorText';
import { PrintSettings } from './PrintSettings';
import { OfficeSettings } from './OfficeSettings';
import { DepartmentsSettings } from './DepartmentsSettings';
import { CalendarCard } from '../calendar/CalendarCard';
import { IdleLockSettings } from './IdleLockSettings';
import { HallSyncCard } from './HallSyncPage';
import { FloorSettingsCard } from '../queue/FloorSettingsCard';
import { FloorDevicesCard } from '../floor/FloorDevicesCard';

export function SettingsPage() {
  const { t } = useTranslation();
  const hostErrorText = useHostErrorText();
  const { settings, save } = useSettingsStore();
  const [info, setInfo] = useState<ResultOf<'app.info'> | null>(null);
  // Kept as a key, not text: a language switch must show its confirmation in the new language.
  const [status, setStatus] = useState<{ ok: boolean; key: string; message?: string } | null>(null);

  useEffect(() => {
    void host.appInfo({}).then(setInfo);
  }, []);

  const onLanguage = async (value: string) => {
    const parsed = languageSchema.safeParse(value);
    if (!parsed.success) return;
    try {
      await save({ language: parsed.data });
      setStatus({ ok: true, key: 'settings.saved' });
    } catch (e) {
      setStatus({ ok: false, key: 'settings.saveFailed', message: hostErrorText(e) });
    }
  };

  return (
    <Box sx={{ maxWidth: 760 }}>
      <Typography variant="h2" component="h1" gutterBottom>
        {t('settings.title')}
      </Typography>
      <Paper sx={{ p: 3, mb: 3 }}>
        <FormControl>
          <FormLabel id="settings-language" sx={{ fontSize: '1.15rem', fontWeight: 700 }}>
            {t('settings.language')}
          </FormLabel>
          <RadioGroup
            row
            aria-labelledby="settings-language"
            value={settings.language}
            onChange={(e) => void onLanguage(e.target.value)}
          >
            {languageSchema.options.map((lng) => (
              <FormControlLabel
                key={lng}
                value={lng}
                control={<Radio />}
                label={t(`settings.language.${lng}`)}
                data-testid={`language-${lng}`}
              />
            ))}
          </RadioGroup>
          <FormHelperText>{t('settings.language.help')}</FormHelperText>
        </FormControl>
        {status && (
          <Alert severity={status.ok ? 'success' : 'error'} sx={{ mt: 2 }} role="status">
            {t(status.key, { message: status.message })}
          </Alert>
        )}
      </Paper>
      <CalendarCard />
      <HallSyncCard />
      <FloorDevicesCard />
      <OfficeSettings />
      <IdleLockSettings />
      <FloorSettingsCard />
      <DepartmentsSettings />
      <PrintSettings />
      <Paper sx={{ p: 3 }}>
        <Typography variant="h3" component="h2" gutterBottom>
          {t('settings.about')}
        </Typography>
        {info && (
          <Table size="small">
            <TableBody>
              <TableRow>
                <TableCell component="th">{t('settings.version')}</TableCell>
                <TableCell data-testid="app-version">{info.version}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell component="th">{t('settings.host')}</TableCell>
                <TableCell>{t(`settings.host.${info.host}`)}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell component="th">{t('settings.dataDir')}</TableCell>
                <TableCell sx={{ wordBreak: 'break-all' }}>{info.dataDir}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
        )}
      </Paper>
    </Box>
  );
}

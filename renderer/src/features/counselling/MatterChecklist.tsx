// One chosen matter: its limits in working days, green channel, and the personalised checklist
// (what this applicant brings, given the answers so far; open conditions are flagged).
import {
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { shownRequirement, type Matter } from '../../domain';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { checklistOf } from './model';

export function MatterChecklist({
  matter,
  answers,
}: {
  matter: Matter;
  answers: Record<string, string>;
}) {
  const { t } = useTranslation('counselling');
  const en = useSettingsStore((s) => s.settings.language) === 'en';
  const items = checklistOf(matter, answers);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={`checklist-${matter.code}`}>
      <Typography variant="h3" component="h3" sx={{ fontSize: '1.2rem' }}>
        {en ? matter.nameEn : matter.name}
        <Typography component="span" sx={{ ml: 1, color: 'text.secondary' }}>
          {matter.code}
        </Typography>
      </Typography>
      <Stack direction="row" spacing={1} sx={{ my: 1, flexWrap: 'wrap', rowGap: 1 }}>
        <Chip
          color="primary"
          label={t('limits.promised', { days: matter.promisedDays })}
          data-testid="limit-promised"
        />
        <Chip variant="outlined" label={t('limits.legal', { days: matter.legalDays })} />
        <Chip
          color={matter.greenChannel ? 'success' : 'default'}
          variant={matter.greenChannel ? 'filled' : 'outlined'}
          label={matter.greenChannel ? t('limits.green') : t('limits.noGreen')}
        />
      </Stack>
      <Table
        size="small"
        aria-label={t('checklist.label', { name: en ? matter.nameEn : matter.name })}
      >
        <TableHead>
          <TableRow sx={{ '& th': { whiteSpace: 'nowrap' } }}>
            <TableCell>{t('checklist.seq')}</TableCell>
            <TableCell sx={{ width: '100%' }}>{t('checklist.name')}</TableCell>
            <TableCell>{t('checklist.form')}</TableCell>
            <TableCell align="right">{t('checklist.copies')}</TableCell>
            <TableCell>{t('checklist.requirement')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item, i) => (
            <TableRow
              key={item.id}
              data-testid={`material-${item.id}`}
              sx={item.needed ? undefined : { '& td': { color: 'text.secondary' } }}
            >
              <TableCell>{i + 1}</TableCell>
              <TableCell>
                <Typography component="span" sx={{ fontWeight: item.needed ? 600 : 400 }}>
                  {en ? item.nameEn : item.name}
                </Typography>
                {item.standard && (
                  <Typography variant="body2" color="text.secondary">
                    {t('checklist.standardLine', {
                      standard: en ? (item.standardEn ?? item.standard) : item.standard,
                    })}
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`form.${item.form}`)}</TableCell>
              <TableCell align="right">{item.copies}</TableCell>
              {/* As wide as its widest chip: a chip is never cut to "May follow l…". */}
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                  <Chip
                    size="small"
                    variant={shownRequirement(item) === 'required' ? 'filled' : 'outlined'}
                    color={item.undecided ? 'warning' : 'default'}
                    label={t(`requirement.${shownRequirement(item)}`)}
                    data-testid={`requirement-${item.id}`}
                  />
                  {item.deferrable && item.needed && (
                    <Chip size="small" variant="outlined" color="info" label={t('deferrable')} />
                  )}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

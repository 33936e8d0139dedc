// The checklist, operable by keyboard alone: a native table of inputs, Tab moves cell to cell,
// Space ticks. Each line shows whether the item is required, conditional or optional and
// whether it may be deferred under 容缺受理.
import {
  Alert,
  Box,
  Checkbox,
  Chip,
  MenuItem,
  Select,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { shownRequirement } from '../../domain';
import { defaultTick, useDraftStore } from './draft';
import { checklistOf, missingOf } from './model';

export function MaterialsChecklist() {
  const { t, i18n } = useTranslation('intake');
  const en = i18n.language === 'en';
  const d = useDraftStore((s) => s.draft);
  const setMaterial = useDraftStore((s) => s.setMaterial);
  const items = checklistOf(d);
  if (items.length === 0)
    return <Typography color="text.secondary">{t('materials.empty')}</Typography>;
  const missing = missingOf(d);
  const num = (v: string) => Math.max(0, Math.min(999, Math.floor(Number(v) || 0)));

  return (
    <Stack spacing={1}>
      <Alert severity={missing.length ? 'warning' : 'success'} data-testid="materials-status">
        {missing.length
          ? t('materials.missingCount', { count: missing.length })
          : t('materials.complete')}
        {' · '}
        {t('materials.keyboardHint')}
      </Alert>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={t('section.materials')} sx={{ '& td, & th': { px: 0.75 } }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('materials.name')}</TableCell>
              <TableCell align="center">{t('materials.received')}</TableCell>
              <TableCell>{t('materials.form')}</TableCell>
              <TableCell>{t('materials.copies')}</TableCell>
              <TableCell>{t('materials.pages')}</TableCell>
              <TableCell align="center">{t('materials.conforming')}</TableCell>
              <TableCell>{t('materials.note')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((item) => {
              const tick = d.materials[item.id] ?? defaultTick(item.form, item.copies);
              const name = en ? item.nameEn : item.name;
              // 授权委托书 is required once the applicant says an agent acts.
              const requirement = shownRequirement(item);
              return (
                <TableRow key={item.id} data-testid={`material-${item.id}`}>
                  <TableCell sx={{ minWidth: 140 }}>
                    <Typography sx={{ fontWeight: item.needed ? 600 : 400 }}>{name}</Typography>
                    {/* The chips wrap onto a second line rather than shrink to "May follow l…". */}
                    <Stack
                      direction="row"
                      spacing={0.5}
                      useFlexGap
                      sx={{ mt: 0.5, flexWrap: 'wrap', '& .MuiChip-root': { flexShrink: 0 } }}
                    >
                      <Chip
                        size="small"
                        label={t(`materials.${requirement}`)}
                        data-testid={`requirement-${item.id}`}
                      />
                      {item.deferrable && (
                        <Chip size="small" variant="outlined" label={t('materials.deferrable')} />
                      )}
                    </Stack>
                  </TableCell>
                  <TableCell align="center">
                    <Checkbox
                      checked={tick.received}
                      onChange={(e) =>
                        setMaterial(item.id, { ...tick, received: e.target.checked })
                      }
                      slotProps={{
                        input: {
                          'aria-label': `${t('materials.received')}：${name}`,
                          // @ts-expect-error data attributes are valid on the input
                          'data-testid': `received-${item.id}`,
                        },
                      }}
                    />
                  </TableCell>
                  <TableCell>
                    <Select
                      size="small"
                      value={tick.form}
                      onChange={(e) =>
                        setMaterial(item.id, {
                          ...tick,
                          form: e.target.value as 'original' | 'copy',
                        })
                      }
                      inputProps={{ 'aria-label': `${t('materials.form')}：${name}` }}
                    >
                      <MenuItem value="original">{t('materials.original')}</MenuItem>
                      <MenuItem value="copy">{t('materials.copy')}</MenuItem>
                    </Select>
                  </TableCell>
                  <TableCell>
                    <TextField
                      size="small"
                      type="number"
                      value={tick.copies}
                      onChange={(e) =>
                        setMaterial(item.id, { ...tick, copies: num(e.target.value) })
                      }
                      sx={{ width: 60 }}
                      slotProps={{
                        htmlInput: { min: 0, 'aria-label': `${t('materials.copies')}：${name}` },
                      }}
                    />
                  </TableCell>
                  <TableCell>
                    <TextField
                      size="small"
                      type="number"
                      value={tick.pages}
                      onChange={(e) =>
                        setMaterial(item.id, { ...tick, pages: num(e.target.value) })
                      }
                      sx={{ width: 60 }}
                      slotProps={{
                        htmlInput: { min: 0, 'aria-label': `${t('materials.pages')}：${name}` },
                      }}
                    />
                  </TableCell>
                  <TableCell align="center">
                    <Checkbox
                      checked={tick.conforming}
                      onChange={(e) =>
                        setMaterial(item.id, { ...tick, conforming: e.target.checked })
                      }
                      slotProps={{
                        input: { 'aria-label': `${t('materials.conforming')}：${name}` },
                      }}
                    />
                  </TableCell>
                  <TableCell>
                    <TextField
                      size="small"
                      sx={{ width: 90 }}
                      value={tick.note}
                      onChange={(e) => setMaterial(item.id, { ...tick, note: e.target.value })}
                      slotProps={{ htmlInput: { 'aria-label': `${t('materials.note')}：${name}` } }}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Box>
    </Stack>
  );
}

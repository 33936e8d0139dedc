// The materials checklist as received at intake, and what is still owed (supplement or 容缺).
import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { defaultCatalogue, findMatter, type CaseState, type MissingItem } from '../../domain';
import { Section } from '../shared/Section';
import { isEnglish } from './caseFormat';

export function CaseMaterials({ state }: { state: CaseState }) {
  const { t, i18n } = useTranslation('cases');
  const en = isEnglish(i18n.language);
  const matter = findMatter(defaultCatalogue, state.matter.code);
  const nameOf = (id: string) => {
    const m = matter?.materials.find((x) => x.id === id);
    return m ? (en ? m.nameEn : m.name) : id;
  };
  const itemList = (items: MissingItem[]) =>
    items.map((i) => (i.materialId ? nameOf(i.materialId) : i.name)).join('；');
  const mark = (b: boolean) => (b ? '✔ ' + t('common.yes') : '✘ ' + t('common.no'));

  return (
    <Section id="materials" title={t('section.materials')}>
      {state.supplement && state.supplement.outstanding.length > 0 && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {t('materials.supplementOutstanding', {
            on: state.supplement.requestedOn,
            items: itemList(state.supplement.outstanding),
          })}
        </Alert>
      )}
      {state.deficiencies && (
        <Alert
          severity={state.deficiencies.outstanding.length ? 'warning' : 'success'}
          sx={{ mb: 1 }}
        >
          {state.deficiencies.outstanding.length
            ? t('materials.deficienciesOutstanding', {
                dueOn: state.deficiencies.dueOn,
                items: itemList(state.deficiencies.outstanding),
              })
            : t('materials.deficienciesDone')}
        </Alert>
      )}
      {state.intake.materials.length === 0 ? (
        <Typography color="text.secondary">{t('materials.none')}</Typography>
      ) : (
        <Table size="small" data-testid="materials-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('materials.name')}</TableCell>
              <TableCell>{t('materials.received')}</TableCell>
              <TableCell>{t('materials.form')}</TableCell>
              <TableCell align="right">{t('materials.copies')}</TableCell>
              <TableCell align="right">{t('materials.pages')}</TableCell>
              <TableCell>{t('materials.conforming')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {state.intake.materials.map((m) => (
              <TableRow
                key={m.materialId}
                sx={!m.received || !m.conforming ? { bgcolor: '#fff4e5' } : undefined}
              >
                <TableCell>{nameOf(m.materialId)}</TableCell>
                <TableCell>{mark(m.received)}</TableCell>
                <TableCell>{t(`materials.${m.form}`)}</TableCell>
                <TableCell align="right">{m.copies}</TableCell>
                <TableCell align="right">{m.pages}</TableCell>
                <TableCell>{m.received ? mark(m.conforming) : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}

// Who handles which matter: every catalogue matter, grouped by approval stage, with its name and
// code and a select of the departments. A matter with no department (one added to the catalogue
// after the last save) shows an empty choice that asks to be filled.
import { Box, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { departmentLabel, type DepartmentSetup } from '../../data/departments';
import { defaultCatalogue, mattersByStage, type Catalogue } from '../../domain/catalogue';

export function DepartmentsMatters({
  setup,
  canEdit,
  errorFields,
  onChange,
  catalogue = defaultCatalogue,
}: {
  setup: DepartmentSetup;
  canEdit: boolean;
  errorFields: ReadonlySet<string>;
  onChange: (next: DepartmentSetup) => void;
  catalogue?: Catalogue;
}) {
  const { t, i18n } = useTranslation('settings');
  const en = i18n.language.startsWith('en');
  const ids = new Set(setup.departments.map((d) => d.id));
  const departmentName = (id: string) => {
    const d = setup.departments.find((x) => x.id === id);
    return d ? departmentLabel(d, i18n.language) : t('departments.unassigned');
  };
  const assign = (code: string, dept: string) =>
    onChange({ ...setup, matters: { ...setup.matters, [code]: dept } });

  return (
    <Box data-testid="departments-matters">
      {[...catalogue.stages]
        .sort((a, b) => a.order - b.order)
        .map((stage) => (
          <Box key={stage.id} component="section" aria-label={en ? stage.nameEn : stage.name}>
            <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 700, mt: 2 }}>
              {en ? stage.nameEn : stage.name}
            </Typography>
            {/* Fixed columns: the stages' tables line up, and codes never break at the hyphen. */}
            <Table size="small" sx={{ tableLayout: 'fixed' }}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('departments.matter')}</TableCell>
                  <TableCell sx={{ width: 120, whiteSpace: 'nowrap' }}>
                    {t('departments.code')}
                  </TableCell>
                  <TableCell sx={{ width: 280 }}>{t('departments.department')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {mattersByStage(catalogue, stage.id).map((m) => {
                  const current = setup.matters[m.code] ?? '';
                  const value = ids.has(current) ? current : '';
                  const name = en ? m.nameEn : m.name;
                  return (
                    <TableRow key={m.code}>
                      <TableCell>{name}</TableCell>
                      <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                        {m.code}
                      </TableCell>
                      <TableCell data-testid={`matter-dept-cell-${m.code}`}>
                        {/* Read-only viewers get plain text: full contrast, nothing to click. */}
                        {!canEdit ? (
                          departmentName(value)
                        ) : (
                          <TextField
                            select
                            size="small"
                            value={value}
                            error={value === '' || errorFields.has(`matters.${m.code}`)}
                            onChange={(e) => assign(m.code, e.target.value)}
                            fullWidth
                            slotProps={{
                              select: { native: true },
                              htmlInput: {
                                'data-testid': `matter-dept-${m.code}`,
                                'aria-label': t('departments.departmentOf', { matter: name }),
                              },
                            }}
                          >
                            {value === '' && (
                              <option value="">{t('departments.unassigned')}</option>
                            )}
                            {setup.departments.map((d) => (
                              <option key={d.id} value={d.id}>
                                {departmentLabel(d, i18n.language) || t('departments.unnamed')}
                              </option>
                            ))}
                          </TextField>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Box>
        ))}
    </Box>
  );
}

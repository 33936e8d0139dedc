// The departments of 设置 › 科室与事项分工: Chinese and English names side by side, how many
// matters each handles, delete (refused, with the matters named, while it still handles any) and
// add. Edits only change the draft; nothing is stored until the section is saved.
import { Button, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  mattersOf,
  newDepartmentId,
  type Department,
  type DepartmentSetup,
} from '../../data/departments';

export function DepartmentsList({
  setup,
  canEdit,
  errorFields,
  onChange,
  onCannotDelete,
}: {
  setup: DepartmentSetup;
  canEdit: boolean;
  /** Fields named by the last refused save (`departments.<id>.name`, …). */
  errorFields: ReadonlySet<string>;
  onChange: (next: DepartmentSetup) => void;
  onCannotDelete: (department: Department, matters: string[]) => void;
}) {
  const { t } = useTranslation('settings');
  const rename = (id: string, patch: Partial<Department>) =>
    onChange({
      ...setup,
      departments: setup.departments.map((d) => (d.id === id ? { ...d, ...patch } : d)),
    });
  const remove = (d: Department) => {
    const matters = mattersOf(setup, d.id);
    if (matters.length > 0) return onCannotDelete(d, matters);
    onChange({ ...setup, departments: setup.departments.filter((x) => x.id !== d.id) });
  };
  const add = () =>
    onChange({
      ...setup,
      departments: [...setup.departments, { id: newDepartmentId(setup), name: '', nameEn: '' }],
    });

  return (
    <>
      <Table size="small" aria-label={t('departments.list')} data-testid="departments-list">
        <TableHead>
          <TableRow>
            <TableCell>{t('departments.name')}</TableCell>
            <TableCell>{t('departments.nameEn')}</TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              {t('departments.count')}
            </TableCell>
            {canEdit && (
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('departments.actions')}</TableCell>
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {setup.departments.map((d, i) => (
            <TableRow key={d.id} data-testid={`dept-row-${i}`}>
              <TableCell data-testid={`dept-name-cell-${i}`}>
                {!canEdit ? (
                  d.name
                ) : (
                  <TextField
                    size="small"
                    value={d.name}
                    autoFocus={canEdit && d.name === '' && i === setup.departments.length - 1}
                    error={errorFields.has(`departments.${d.id}.name`)}
                    onChange={(e) => rename(d.id, { name: e.target.value })}
                    sx={{ width: 200 }}
                    slotProps={{
                      htmlInput: {
                        'data-testid': `dept-name-${i}`,
                        'aria-label': t('departments.name'),
                      },
                    }}
                  />
                )}
              </TableCell>
              <TableCell data-testid={`dept-nameEn-cell-${i}`}>
                {!canEdit ? (
                  d.nameEn
                ) : (
                  <TextField
                    size="small"
                    value={d.nameEn ?? ''}
                    error={errorFields.has(`departments.${d.id}.nameEn`)}
                    onChange={(e) => rename(d.id, { nameEn: e.target.value })}
                    sx={{ width: 270 }}
                    slotProps={{
                      htmlInput: {
                        'data-testid': `dept-nameEn-${i}`,
                        'aria-label': t('departments.nameEn'),
                      },
                    }}
                  />
                )}
              </TableCell>
              <TableCell align="right">{mattersOf(setup, d.id).length}</TableCell>
              {canEdit && (
                <TableCell>
                  <Button
                    size="small"
                    color="error"
                    onClick={() => remove(d)}
                    aria-label={t('departments.deleteNamed', {
                      name: d.name || t('departments.unnamed'),
                    })}
                    data-testid={`dept-delete-${i}`}
                  >
                    {t('departments.delete')}
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {canEdit && (
        <Button onClick={add} sx={{ mt: 1 }} data-testid="dept-add">
          {t('departments.add')}
        </Button>
      )}
    </>
  );
}

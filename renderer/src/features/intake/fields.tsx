// Small form pieces shared by the intake sections: a text field bound to the draft that shows
// its problem (or a helpful description) right under it.
import { TextField, type TextFieldProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useDraftStore, type IntakeDraft } from './draft';
import type { Problems } from './model';

type StringKeys = {
  [K in keyof IntakeDraft]: IntakeDraft[K] extends string ? K : never;
}[keyof IntakeDraft];

export function DraftField({
  name,
  label,
  problems,
  help,
  upper,
  ...rest
}: {
  name: StringKeys;
  label: string;
  problems: Problems;
  help?: string;
  upper?: boolean;
} & Omit<TextFieldProps, 'name' | 'label' | 'value' | 'onChange'>) {
  const { t } = useTranslation('intake');
  const value = useDraftStore((s) => s.draft[name]);
  const set = useDraftStore((s) => s.set);
  const problem = problems[name];
  // Only complain about an empty required field once the clerk has been there.
  const shown = problem && !(problem === 'required' && value === '') ? problem : undefined;
  return (
    <TextField
      {...rest}
      label={label}
      value={value}
      error={!!shown}
      helperText={shown ? t(`problem.${shown}`) : (help ?? ' ')}
      onChange={(e) => set({ [name]: upper ? e.target.value.toUpperCase() : e.target.value })}
      slotProps={{
        ...rest.slotProps,
        htmlInput: { 'data-testid': `intake-${name}`, 'aria-invalid': !!shown },
      }}
    />
  );
}

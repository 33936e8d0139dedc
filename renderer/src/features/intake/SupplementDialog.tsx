// 补正: every missing item at once, each with the requirement it must meet (prefilled from the
// catalogue: form, copies and its standard), and the date by which the applicant is asked to
// supply — both printed on the 补正材料通知书. The requirement is printed in Chinese, as the
// paper is, whatever the language of the screen.
import { useState } from 'react';
import { Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, MissingItem } from '../../domain';
import { useProposedDate } from '../calendar/useProposedDate';
import { makeTranslate } from '../../print/texts';
import { Frame, type MissingItemsDialogProps } from './DecisionDialogs';

/** Working days an applicant is given by default to supply what is missing. */
const DEFAULT_SUPPLY_DAYS = 10;
const paperText = makeTranslate('zh-CN');

/** "原件2份；加盖出图章": the catalogue's form and copies, then its standard if it has one. */
export function defaultRequirement(item: ChecklistItem): string {
  const form = `${paperText(`common.form.${item.form}`)}${item.copies}份`;
  return item.standard ? `${form}；${item.standard}` : form;
}

/**
 * The missing items as the notice names them: each with the clerk's requirement in place of the
 * catalogue's standard, or without one when the clerk cleared it (the notice then prints the
 * general standard).
 */
export function supplementItems(
  missing: MissingItem[],
  requirements: Record<string, string>,
): MissingItem[] {
  return missing.map(({ standard: _catalogue, ...item }) => {
    const requirement = (requirements[item.materialId ?? ''] ?? '').trim();
    return requirement ? { ...item, standard: requirement } : item;
  });
}

export function SupplementDialog({
  missing,
  today,
  busy,
  error,
  onCancel,
  onConfirm,
}: MissingItemsDialogProps) {
  const { t, i18n } = useTranslation('intake');
  const [requirements, setRequirements] = useState<Record<string, string>>(() =>
    Object.fromEntries(missing.map((m) => [m.id, defaultRequirement(m)])),
  );
  const { date: dueOn, setDate: setDueOn, estimate } = useProposedDate(today, DEFAULT_SUPPLY_DAYS);
  const [tried, setTried] = useState(false);
  const dueWrong = !/^\d{4}-\d{2}-\d{2}$/.test(dueOn) || dueOn <= today;
  return (
    <Frame
      title={t('supplement.title')}
      busy={busy}
      error={error}
      onCancel={onCancel}
      onConfirm={() => {
        setTried(true);
        if (!dueWrong) onConfirm({ type: 'requestSupplement', requirements, dueOn });
      }}
    >
      <Stack spacing={2}>
        <Typography>{t('supplement.items')}</Typography>
        <Typography variant="body2" color="text.secondary">
          {t('supplement.requirementHint')}
        </Typography>
        <Stack spacing={1.5} data-testid="supplement-items">
          {missing.map((m) => (
            <TextField
              key={m.id}
              label={i18n.language === 'en' ? m.nameEn : m.name}
              value={requirements[m.id] ?? ''}
              onChange={(e) => setRequirements((r) => ({ ...r, [m.id]: e.target.value }))}
              helperText={(requirements[m.id] ?? '').trim() ? ' ' : t('supplement.generalStandard')}
              multiline
              slotProps={{ htmlInput: { 'data-testid': `supplement-req-${m.id}`, maxLength: 200 } }}
            />
          ))}
        </Stack>
        <TextField
          type="date"
          required
          label={t('supplement.due')}
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
          error={tried && dueWrong}
          helperText={
            tried && dueWrong ? t('supplement.dueInvalid') : `${t('supplement.dueHelp')}${estimate}`
          }
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'supplement-due', min: today },
          }}
        />
      </Stack>
    </Frame>
  );
}

// Project, matter, channel, green channel, delivery, the matter's conditional questions and its
// own form fields.
import {
  Checkbox,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  ListSubheader,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { defaultCatalogue, mattersByStage, STAGE_IDS, type Channel } from '../../domain';
import { useDraftStore } from './draft';
import { DraftField } from './fields';
import { formFieldsOf, matterOf, type Problems } from './model';

export function ProjectSection({ problems }: { problems: Problems }) {
  const { t } = useTranslation('intake');
  return (
    <Stack direction="row" spacing={2}>
      <DraftField name="projectName" label={t('project.name')} problems={problems} required />
      <DraftField
        name="projectCode"
        label={t('project.code')}
        problems={problems}
        help={t('project.codeHelp')}
        upper
      />
    </Stack>
  );
}

export function MatterSection({ problems }: { problems: Problems }) {
  const { t, i18n } = useTranslation('intake');
  const en = i18n.language === 'en';
  const d = useDraftStore((s) => s.draft);
  const set = useDraftStore((s) => s.set);
  const matter = matterOf(d);
  const stage = matter && defaultCatalogue.stages.find((s) => s.id === matter.stage);
  const matterProblem =
    problems.matterCode && d.matterCode !== '' ? problems.matterCode : undefined;

  const items = STAGE_IDS.flatMap((id) => {
    const st = defaultCatalogue.stages.find((s) => s.id === id);
    return [
      <ListSubheader key={`h-${id}`}>{en ? st?.nameEn : st?.name}</ListSubheader>,
      ...mattersByStage(defaultCatalogue, id).map((m) => (
        <MenuItem key={m.code} value={m.code} data-testid={`matter-${m.code}`}>
          {en ? m.nameEn : m.name}
        </MenuItem>
      )),
    ];
  });

  return (
    <Stack spacing={2}>
      <TextField
        select
        label={t('matter.label')}
        value={d.matterCode}
        required
        error={!!matterProblem}
        onChange={(e) => set({ matterCode: e.target.value, greenChannel: false })}
        helperText={
          matter && stage
            ? t('matter.limits', {
                stage: en ? stage.nameEn : stage.name,
                promised: matter.promisedDays,
                legal: matter.legalDays,
              }) + (matter.greenChannel ? ` · ${t('matter.greenAvailable')}` : '')
            : ' '
        }
        slotProps={{ htmlInput: { 'data-testid': 'intake-matterCode' } }}
        SelectProps={{ MenuProps: { slotProps: { paper: { sx: { maxHeight: 480 } } } } }}
      >
        {items}
      </TextField>
      <Stack direction="row" spacing={4} flexWrap="wrap">
        <FormControl>
          <FormLabel id="intake-channel">{t('channel.label')}</FormLabel>
          <RadioGroup
            row
            aria-labelledby="intake-channel"
            value={d.channel}
            onChange={(e) => set({ channel: e.target.value as Channel })}
          >
            {(['window', 'mail', 'online'] as const).map((c) => (
              <FormControlLabel key={c} value={c} control={<Radio />} label={t(`channel.${c}`)} />
            ))}
          </RadioGroup>
        </FormControl>
        <FormControl>
          <FormLabel id="intake-delivery">{t('delivery.label')}</FormLabel>
          <RadioGroup
            row
            aria-labelledby="intake-delivery"
            value={d.delivery}
            onChange={(e) => set({ delivery: e.target.value as 'pickup' | 'post' })}
          >
            {(['pickup', 'post'] as const).map((c) => (
              <FormControlLabel key={c} value={c} control={<Radio />} label={t(`delivery.${c}`)} />
            ))}
          </RadioGroup>
        </FormControl>
        {matter?.greenChannel && (
          <FormControlLabel
            control={
              <Checkbox
                checked={d.greenChannel}
                onChange={(e) => set({ greenChannel: e.target.checked })}
              />
            }
            label={t('green.label')}
          />
        )}
      </Stack>
    </Stack>
  );
}

export function QuestionsSection({ problems }: { problems: Problems }) {
  const { t, i18n } = useTranslation('intake');
  const en = i18n.language === 'en';
  const d = useDraftStore((s) => s.draft);
  const set = useDraftStore((s) => s.set);
  const matter = matterOf(d);
  // The agent question follows the agent switch in the applicant section.
  const questions = matter?.questions.filter((q) => q.id !== 'agent') ?? [];
  if (questions.length === 0) return null;
  return (
    <Stack spacing={1.5}>
      {questions.map((q) => {
        const problem = problems[`q:${q.id}`];
        return (
          <FormControl key={q.id} error={!!problem}>
            <FormLabel id={`q-${q.id}`} sx={{ color: 'text.primary', fontWeight: 600 }}>
              {en ? q.textEn : q.text}
            </FormLabel>
            <RadioGroup
              row
              aria-labelledby={`q-${q.id}`}
              value={d.answers[q.id] ?? ''}
              onChange={(e) => set({ answers: { ...d.answers, [q.id]: e.target.value } })}
            >
              {q.options.map((o) => (
                <FormControlLabel
                  key={o.value}
                  value={o.value}
                  control={<Radio />}
                  label={en ? o.labelEn : o.label}
                  data-testid={`q-${q.id}-${o.value}`}
                />
              ))}
            </RadioGroup>
            {problem && <FormHelperText>{t(`problem.${problem}`)}</FormHelperText>}
          </FormControl>
        );
      })}
    </Stack>
  );
}

export function FormFieldsSection({ problems }: { problems: Problems }) {
  const { t, i18n } = useTranslation('intake');
  const en = i18n.language === 'en';
  const d = useDraftStore((s) => s.draft);
  const set = useDraftStore((s) => s.set);
  const matter = matterOf(d);
  const fields = matter ? formFieldsOf(matter) : [];
  if (fields.length === 0)
    return <Typography color="text.secondary">{t('materials.empty')}</Typography>;
  return (
    <Stack direction="row" flexWrap="wrap" useFlexGap spacing={2}>
      {fields.map((f) => {
        const problem = problems[`f:${f.key}`];
        const value = d.fields[f.key] ?? '';
        const shown = problem && value !== '' ? problem : undefined;
        return (
          <TextField
            key={f.key}
            select={f.kind === 'select'}
            multiline={f.kind === 'multiline'}
            type={
              f.kind === 'number' || f.kind === 'area'
                ? 'number'
                : f.kind === 'date'
                  ? 'date'
                  : 'text'
            }
            label={`${en ? f.labelEn : f.label}${f.unit ? `（${f.unit}）` : ''}`}
            required={f.required}
            value={value}
            error={!!shown}
            helperText={shown ? t(`problem.${shown}`) : ' '}
            onChange={(e) => set({ fields: { ...d.fields, [f.key]: e.target.value } })}
            sx={{ width: f.kind === 'multiline' ? '100%' : 'calc(50% - 16px)' }}
            slotProps={{
              htmlInput: { 'data-testid': `intake-field-${f.key}` },
              inputLabel: f.kind === 'date' ? { shrink: true } : undefined,
            }}
          >
            {(f.options ?? []).map((o) => (
              <MenuItem key={o.value} value={o.value}>
                {en ? o.labelEn : o.label}
              </MenuItem>
            ))}
          </TextField>
        );
      })}
    </Stack>
  );
}

// The conditional questions of the chosen matters, each asked once. An unanswered question is
// marked when a save was refused for it, so the clerk sees where to look.
import {
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ConditionalQuestion } from '../../domain';
import { useSettingsStore } from '../../app/stores/settingsStore';

interface Props {
  questions: ConditionalQuestion[];
  answers: Record<string, string>;
  onAnswer?: (questionId: string, value: string) => void;
  /** Question ids to flag as missing. */
  missing: ReadonlySet<string>;
}

export function QuestionList({ questions, answers, onAnswer, missing }: Props) {
  const { t } = useTranslation('counselling');
  const en = useSettingsStore((s) => s.settings.language) === 'en';
  if (questions.length === 0) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h3" component="h2" gutterBottom>
        {t('questions.title')}
      </Typography>
      <Stack spacing={1.5}>
        {questions.map((q) => {
          const isMissing = missing.has(q.id);
          const labelId = `question-${q.id}-label`;
          return (
            <FormControl key={q.id} error={isMissing} data-testid={`question-${q.id}`}>
              <FormLabel id={labelId} sx={{ fontWeight: 700, fontSize: '1.05rem' }}>
                {en ? q.textEn : q.text}
              </FormLabel>
              <RadioGroup
                row
                aria-labelledby={labelId}
                value={answers[q.id] ?? ''}
                onChange={(e) => onAnswer?.(q.id, e.target.value)}
              >
                {q.options.map((o) => (
                  <FormControlLabel
                    key={o.value}
                    value={o.value}
                    disabled={!onAnswer}
                    control={<Radio />}
                    label={en ? o.labelEn : o.label}
                    data-testid={`answer-${q.id}-${o.value}`}
                  />
                ))}
              </RadioGroup>
              {isMissing && <FormHelperText>{t('questions.missing')}</FormHelperText>}
            </FormControl>
          );
        })}
      </Stack>
    </Paper>
  );
}

// The four decisions, always in view. 受理 and 容缺受理 need the whole form; 不予受理 and 补正
// only what their papers print (the applicant's name and the matter; a code or phone only if
// typed must be right), so a walk-in is refused quickly. Each problem is named so the clerk
// knows what is left — and an untouched form shows none.
import { useState } from 'react';
import { Alert, Button, List, ListItem, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DeficienciesDialog, RefuseDialog, type DecisionInput } from './DecisionDialogs';
import { SupplementDialog } from './SupplementDialog';
import { isDraftTouched, useDraftStore } from './draft';
import { matterOf, missingOf, openQuestionsOf, problemsOf, type Problems } from './model';
import { useDecision, type Outcome } from './useDecision';

const LABEL_KEYS: Record<string, string> = {
  applicantName: 'applicant.name.enterprise',
  creditCode: 'applicant.creditCode',
  idNumber: 'applicant.idNumber',
  contactName: 'contact.name',
  contactPhone: 'contact.phone',
  agentName: 'agent.name',
  agentIdNumber: 'agent.idNumber',
  projectName: 'project.name',
  projectCode: 'project.code',
  matterCode: 'matter.label',
};

export function DecisionPanel({
  problems,
  today,
  onDecided,
}: {
  problems: Problems;
  today: string;
  onDecided: (o: Extract<Outcome, { ok: true }>) => void;
}) {
  const { t, i18n } = useTranslation('intake');
  const draft = useDraftStore((s) => s.draft);
  const { decide, busy } = useDecision(today);
  const [dialog, setDialog] = useState<'deficiencies' | 'supplement' | 'refuse' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const missing = missingOf(draft);
  // `problems` are the whole form's (受理); the short ones block 不予受理 and 补正 as well.
  const short = problemsOf(draft, today, 'short');
  const shortBlocked = Object.keys(short).length > 0;
  const blocked = Object.keys(problems).length > 0;
  const touched = isDraftTouched(draft);
  const shown = shortBlocked ? short : problems;
  const keys = Object.keys(shown);
  const questionsOpen = openQuestionsOf(draft).length > 0;

  const submit = async (input: DecisionInput) => {
    const r = await decide(input);
    if (!r.ok) return setError(r.message);
    setError(null);
    setDialog(null);
    onDecided(r);
  };

  const matter = matterOf(draft);
  const en = i18n.language === 'en';
  const label = (k: string) => {
    const key = LABEL_KEYS[k];
    if (key) return t(key);
    if (k.startsWith('q:')) return t('section.questions');
    const f = matter?.formFields.find((x) => `f:${x.key}` === k);
    return f ? (en ? f.labelEn : f.label) : t('section.fields');
  };

  return (
    <Paper sx={{ p: 2 }} aria-label={t('decision.title')} component="section">
      <Typography variant="h3" component="h2" gutterBottom>
        {t('decision.title')}
      </Typography>
      {!touched ? (
        <Typography color="text.secondary" sx={{ mb: 2 }} data-testid="decision-start">
          {t('decision.start')}
        </Typography>
      ) : (
        blocked && (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="decision-problems">
            {shortBlocked
              ? t('problems.summary', { count: keys.length })
              : t('problems.summaryAccept', { count: keys.length })}
            <List dense disablePadding>
              {keys.map((k) => (
                <ListItem key={k} disableGutters>
                  · {t('problems.item', { label: label(k), problem: t(`problem.${shown[k]}`) })}
                </ListItem>
              ))}
            </List>
            {!shortBlocked && (
              <Typography variant="body2" sx={{ mt: 1 }} data-testid="decision-short-ready">
                {t(questionsOpen ? 'decision.shortReadyRefuse' : 'decision.shortReady')}
              </Typography>
            )}
          </Alert>
        )
      )}
      <Stack spacing={1.5}>
        <Button
          variant="contained"
          color="success"
          disabled={blocked || busy || missing.length > 0}
          onClick={() => void submit({ type: 'accept' })}
          data-testid="decide-accept"
        >
          {t('decision.accept')}
        </Button>
        {!blocked && missing.length > 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('decision.acceptBlocked')}
          </Typography>
        )}
        <Button
          variant="outlined"
          disabled={blocked || busy || missing.length === 0 || !missing.some((m) => m.deferrable)}
          onClick={() => setDialog('deficiencies')}
          data-testid="decide-deficiencies"
        >
          {t('decision.acceptWithDeficiencies')}
        </Button>
        <Button
          variant="outlined"
          disabled={shortBlocked || questionsOpen || busy || missing.length === 0}
          onClick={() => setDialog('supplement')}
          data-testid="decide-supplement"
        >
          {t('decision.requestSupplement')}
        </Button>
        {touched && !shortBlocked && questionsOpen && (
          <Typography variant="body2" color="text.secondary" data-testid="supplement-questions">
            {t('decision.supplementQuestions')}
          </Typography>
        )}
        <Button
          variant="outlined"
          color="error"
          disabled={shortBlocked || busy}
          onClick={() => setDialog('refuse')}
          data-testid="decide-refuse"
        >
          {t('decision.refuse')}
        </Button>
      </Stack>
      {error && !dialog && (
        <Alert severity="error" role="alert" sx={{ mt: 2 }} data-testid="decision-error">
          {error}
        </Alert>
      )}
      {dialog === 'deficiencies' && (
        <DeficienciesDialog
          missing={missing}
          today={today}
          busy={busy}
          error={error}
          onCancel={() => {
            setDialog(null);
            setError(null);
          }}
          onConfirm={(d) => void submit(d)}
        />
      )}
      {dialog === 'supplement' && (
        <SupplementDialog
          missing={missing}
          today={today}
          busy={busy}
          error={error}
          onCancel={() => {
            setDialog(null);
            setError(null);
          }}
          onConfirm={(d) => void submit(d)}
        />
      )}
      {dialog === 'refuse' && (
        <RefuseDialog
          busy={busy}
          error={error}
          onCancel={() => {
            setDialog(null);
            setError(null);
          }}
          onConfirm={(d) => void submit(d)}
        />
      )}
    </Paper>
  );
}

// The counselling form: matters on the left, questions, checklists and the applicant on the
// right. Saving checks everything first and says what is missing; nothing is written until the
// form is complete. Ctrl+S saves and opens the notice for printing.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import SaveIcon from '@mui/icons-material/Save';
import { useTranslation } from 'react-i18next';
import { appDb } from '../../data/stationDb';
import { getStation } from '../../data/station';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { useCommand, useRefusalText } from '../shared/useCommand';
import { ApplicantFields } from './ApplicantFields';
import { MatterChecklist } from './MatterChecklist';
import { MatterPicker } from './MatterPicker';
import { QuestionList } from './QuestionList';
import { useCounsellingDraft } from './draft';
import { formProblems, newCounsellingId, questionsOf, selectedMatters, toCommand } from './model';
import { parseSession, type SavedSession } from './session';
import { isKey } from '../shared/shortcuts';

interface Props {
  userId: string;
  onSaved: (s: SavedSession, print: boolean) => void;
}

export function CounsellingEditor({ userId, onSaved }: Props) {
  const { t } = useTranslation('counselling');
  const en = useSettingsStore((s) => s.settings.language) === 'en';
  const run = useCommand();
  const refusalText = useRefusalText();
  const { form, setForm, clear } = useCounsellingDraft(userId);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  const matters = useMemo(() => selectedMatters(form), [form]);
  const questions = useMemo(() => questionsOf(matters), [matters]);
  // Problems are shown once a save was tried, and then follow the form as it is fixed.
  const problems = useMemo(() => (attempted ? formProblems(form) : []), [attempted, form]);
  const missing = useMemo(
    () => new Set(problems.flatMap((p) => (p.code === 'unanswered' ? p.questionIds : []))),
    [problems],
  );

  const toggle = (code: string) =>
    setForm((f) => ({
      ...f,
      matterCodes: f.matterCodes.includes(code)
        ? f.matterCodes.filter((c) => c !== code)
        : [...f.matterCodes, code],
    }));

  const save = async (print: boolean) => {
    if (busy) return;
    setFailure(null);
    const found = formProblems(form);
    if (found.length > 0) {
      setAttempted(true);
      requestAnimationFrame(() => alertRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const station = await getStation(appDb());
      const id = newCounsellingId(station?.stationCode ?? 'XX', new Date());
      const r = await run(toCommand(form, id));
      if (!r.ok) {
        setFailure(refusalText(r.refusal));
        return;
      }
      const session = parseSession(await appDb().counselling.get(id));
      clear();
      setAttempted(false);
      if (session) onSaved(session, print);
    } catch (e) {
      setFailure(t('saveFailed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isKey('save', e)) {
        e.preventDefault();
        void saveRef.current(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const problemText = (p: (typeof problems)[number]) => {
    if (p.code !== 'unanswered') return t(`problem.${p.code}`);
    const names = p.questionIds
      .map((id) => questions.find((q) => q.id === id))
      .map((q) => (q ? (en ? q.textEn : q.text) : ''))
      .filter(Boolean)
      .map((text) => t('problem.questionQuote', { text }));
    return t('problem.unanswered', { questions: names.join(t('problem.questionSep')) });
  };

  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: 'minmax(280px, 340px) minmax(0, 1fr)', gap: 2 }}
      data-testid="counselling-editor"
    >
      <MatterPicker
        selected={form.matterCodes}
        onToggle={toggle}
        error={problems.some((p) => p.code === 'no_matter')}
      />
      <Stack spacing={2} sx={{ minWidth: 0 }}>
        {problems.length > 0 && (
          <Alert
            severity="error"
            role="alert"
            ref={alertRef}
            tabIndex={-1}
            data-testid="counselling-problems"
          >
            <AlertTitle>{t('problem.title')}</AlertTitle>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {problems.map((p) => (
                <li key={p.code}>{problemText(p)}</li>
              ))}
            </Box>
          </Alert>
        )}
        {failure && (
          <Alert severity="error" role="alert" data-testid="counselling-failure">
            {failure}
          </Alert>
        )}
        {matters.length === 0 ? (
          <Paper variant="outlined" sx={{ p: 3 }}>
            <Typography variant="h3" component="h2" gutterBottom>
              {t('start.title')}
            </Typography>
            <Typography>{t('start.body')}</Typography>
          </Paper>
        ) : (
          <>
            <QuestionList
              questions={questions}
              answers={form.answers}
              missing={missing}
              onAnswer={(id, value) =>
                setForm((f) => ({ ...f, answers: { ...f.answers, [id]: value } }))
              }
            />
            {matters.map((m) => (
              <MatterChecklist key={m.code} matter={m} answers={form.answers} />
            ))}
          </>
        )}
        <ApplicantFields
          value={form}
          onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
          phoneError={problems.some((p) => p.code === 'bad_phone')}
        />
        <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
          <Button
            variant="contained"
            startIcon={<PrintIcon />}
            onClick={() => void save(true)}
            disabled={busy}
            aria-keyshortcuts="Control+S"
            data-testid="save-print"
          >
            {t('action.savePrint')}
          </Button>
          <Button
            variant="outlined"
            startIcon={<SaveIcon />}
            onClick={() => void save(false)}
            disabled={busy}
            data-testid="save-only"
          >
            {t('action.save')}
          </Button>
          <Button color="secondary" onClick={() => setConfirmClear(true)} data-testid="clear">
            {t('action.clear')}
          </Button>
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {t('draftHint')}
        </Typography>
      </Stack>
      <Dialog open={confirmClear} onClose={() => setConfirmClear(false)}>
        <DialogTitle>{t('clear.title')}</DialogTitle>
        <DialogContent>
          <Typography>{t('clear.body')}</Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmClear(false)} autoFocus>
            {t('clear.cancel')}
          </Button>
          <Button
            color="error"
            onClick={() => {
              clear();
              setAttempted(false);
              setConfirmClear(false);
            }}
            data-testid="clear-confirm"
          >
            {t('clear.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

// A saved session, read only: what was asked, the checklist it produced, who asked. From here
// the clerk prints the notice again, saves its PDF, starts the intake, or starts a new session
// (empty, or copied from this one when a similar applicant comes next).
import { useState } from 'react';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { appDb } from '../../data/stationDb';
import { useHostErrorText } from '../shared/useHostErrorText';
import { ApplicantFields } from './ApplicantFields';
import { MatterChecklist } from './MatterChecklist';
import { QuestionList } from './QuestionList';
import { questionsOf } from './model';
import { formOf, mattersOf, parseSession, type SavedSession } from './session';
import type { SavedNotice } from './useOneTimePrint';

const NONE: ReadonlySet<string> = new Set();

interface Props {
  id: string;
  onPrint: (s: SavedSession) => void;
  onSavePdf: (id: string) => Promise<SavedNotice | null>;
  onIntake: (s: SavedSession) => void;
  onCopy: (s: SavedSession) => void;
  onNew: () => void;
}

export function SavedSessionView({ id, onPrint, onSavePdf, onIntake, onCopy, onNew }: Props) {
  const { t } = useTranslation('counselling');
  const hostErrorText = useHostErrorText();
  // undefined while loading; null when there is no such session.
  const session = useLiveQuery(async () => parseSession(await appDb().counselling.get(id)), [id]);
  const [pdfMessage, setPdfMessage] = useState<{ ok: boolean; text: string } | null>(null);

  if (session === undefined) return null;
  if (session === null) {
    return (
      <Alert
        severity="warning"
        action={<Button onClick={onNew}>{t('action.new')}</Button>}
        data-testid="session-missing"
      >
        {t('saved.missing', { id })}
      </Alert>
    );
  }

  const matters = mattersOf(session);
  const savePdf = async () => {
    setPdfMessage(null);
    try {
      const saved = await onSavePdf(session.counsellingId);
      setPdfMessage(
        !saved
          ? { ok: false, text: t('saved.notPrinted') }
          : {
              ok: true,
              text:
                saved.format === 'pdf'
                  ? t('saved.pdfSaved')
                  : t('saved.htmlSaved', { name: saved.name }),
            },
      );
    } catch (e) {
      setPdfMessage({ ok: false, text: t('saved.pdfFailed', { message: hostErrorText(e) }) });
    }
  };

  return (
    <Stack spacing={2} data-testid="saved-session">
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h3" component="h2" data-testid="saved-title">
          {t('saved.title', { id: session.counsellingId })}
        </Typography>
        <Typography color="text.secondary">
          {t('saved.meta', { date: session.on, clerk: session.clerk?.name ?? '' })}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ mt: 2, flexWrap: 'wrap', rowGap: 1 }}>
          <Button
            variant="contained"
            onClick={() => onIntake(session)}
            data-testid="start-intake"
            autoFocus
          >
            {t('action.intake')}
          </Button>
          <Button
            variant="outlined"
            startIcon={<PrintIcon />}
            onClick={() => onPrint(session)}
            data-testid="reprint"
          >
            {t('action.print')}
          </Button>
          <Button variant="outlined" onClick={() => void savePdf()} data-testid="save-pdf">
            {t('action.savePdf')}
          </Button>
          <Button variant="outlined" onClick={() => onCopy(session)} data-testid="copy-session">
            {t('action.copy')}
          </Button>
          <Button onClick={onNew} data-testid="new-session">
            {t('action.new')}
          </Button>
        </Stack>
        {pdfMessage && (
          <Alert severity={pdfMessage.ok ? 'success' : 'warning'} role="status" sx={{ mt: 2 }}>
            {pdfMessage.text}
          </Alert>
        )}
      </Paper>
      <Box sx={{ display: 'grid', gap: 2 }}>
        <QuestionList questions={questionsOf(matters)} answers={session.answers} missing={NONE} />
        {matters.map((m) => (
          <MatterChecklist key={m.code} matter={m} answers={session.answers} />
        ))}
        <ApplicantFields value={formOf(session)} />
      </Box>
    </Stack>
  );
}

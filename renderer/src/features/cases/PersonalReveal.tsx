// "Show full number" on the case page. Offered to the roles that need whole numbers at the counter
// (domain/maskReveal.ts); the data layer checks the stored role again and records every reveal
// in the log before the numbers are shown. Hiding them again records nothing: it shows less.
import { useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { useTranslation } from 'react-i18next';
import { currentActor, useSessionStore } from '../../app/stores/sessionStore';
import { revealPersonalData, type RevealRefusal } from '../../data/personalData';
import { appDb } from '../../data/stationDb';
import { mayRevealPersonalData } from '../../domain/maskReveal';

/**
 * Whether the case's numbers are shown in full, for this case and this user only: navigating to
 * another case, or another user signing in at the same station, masks them again.
 */
export function usePersonalReveal(caseId: string) {
  const userId = useSessionStore((s) => s.user?.id ?? null);
  const [shownFor, setShownFor] = useState<{ caseId: string; userId: string } | null>(null);
  const revealed = !!userId && shownFor?.caseId === caseId && shownFor.userId === userId;
  const setRevealed = (on: boolean) => setShownFor(on && userId ? { caseId, userId } : null);
  return { revealed, setRevealed };
}

export function PersonalReveal({
  caseId,
  revealed,
  onChange,
}: {
  caseId: string;
  revealed: boolean;
  onChange: (revealed: boolean) => void;
}) {
  const { t } = useTranslation('cases');
  const role = useSessionStore((s) => s.user?.role);
  const [problem, setProblem] = useState<RevealRefusal | 'failed' | null>(null);
  const [busy, setBusy] = useState(false);
  if (!role || !mayRevealPersonalData(role)) return null;

  if (revealed)
    return (
      <Button
        startIcon={<VisibilityOffIcon />}
        onClick={() => onChange(false)}
        data-testid="personal-hide"
      >
        {t('personal.hide')}
      </Button>
    );

  const reveal = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const r = await revealPersonalData(appDb(), currentActor(), caseId);
      if (r.ok) onChange(true);
      else setProblem(r.refusal);
    } catch {
      // Not recorded means not shown: the numbers stay masked.
      setProblem('failed');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      {problem && (
        <Typography color="error" role="alert" data-testid="personal-refusal">
          {t(`personal.refusal.${problem}`)}
        </Typography>
      )}
      <Button
        variant="outlined"
        startIcon={<VisibilityIcon />}
        disabled={busy}
        onClick={() => void reveal()}
        data-testid="personal-reveal"
      >
        {t('personal.reveal')}
      </Button>
    </Box>
  );
}

// A case waiting for its supplement: tick what the applicant handed in now. When everything is
// in, the case is pending its intake decision again and the form opens pre-filled from it.
import { useState } from 'react';
import { Alert, Button, Checkbox, FormControlLabel, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { itemKey, type CaseState } from '../../domain';
import { useCommand, useRefusalText } from '../shared/useCommand';

export function SupplementIn({
  state,
  onDone,
}: {
  state: CaseState;
  onDone: (s: CaseState) => void;
}) {
  const { t } = useTranslation('intake');
  const run = useCommand();
  const refusalText = useRefusalText();
  const outstanding = state.supplement?.outstanding ?? [];
  const [ticked, setTicked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const r = await run(
      { type: 'supplementReceived', caseId: state.caseId, items: ticked },
      state.version,
    );
    if (!r.ok) return setError(refusalText(r.refusal));
    setError(null);
    setTicked([]);
    if (r.state) onDone(r.state);
  };

  return (
    <Paper sx={{ p: 3 }} data-testid="supplement-in">
      <Typography variant="h3" component="h2" gutterBottom>
        {t('supplementIn.title', { caseNo: state.caseNo })}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('supplementIn.explain')}</Typography>
      <Stack>
        {outstanding.map((item) => (
          <FormControlLabel
            key={itemKey(item)}
            control={
              <Checkbox
                checked={ticked.includes(itemKey(item))}
                onChange={(e) =>
                  setTicked((s) =>
                    e.target.checked ? [...s, itemKey(item)] : s.filter((x) => x !== itemKey(item)),
                  )
                }
              />
            }
            label={item.name}
          />
        ))}
      </Stack>
      {error && (
        <Alert severity="error" role="alert" sx={{ my: 1 }}>
          {error}
        </Alert>
      )}
      <Button
        variant="contained"
        onClick={() => void submit()}
        disabled={ticked.length === 0}
        data-testid="supplement-in-submit"
      >
        {t('supplementIn.submit')}
      </Button>
    </Paper>
  );
}

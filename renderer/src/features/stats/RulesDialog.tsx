// Editing the 红黑榜 rules: thresholds in percent and counts, checked before they are saved.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { defaultRankingRules, type RankingRules } from '../../domain/statsRanking';
import { saveRankingRules } from '../../data/rankingRules';
import { appDb } from '../../data/stationDb';
import { currentActor } from '../../app/stores/sessionStore';

type Key =
  | 'minCases'
  | 'red.minOnTimeRate'
  | 'red.maxOverdue'
  | 'red.maxBadRatingRate'
  | 'red.size'
  | 'black.belowOnTimeRate'
  | 'black.overdueAtLeast'
  | 'black.badRatingRateAbove';
const KEYS: Key[] = [
  'minCases',
  'red.minOnTimeRate',
  'red.maxOverdue',
  'red.maxBadRatingRate',
  'red.size',
  'black.belowOnTimeRate',
  'black.overdueAtLeast',
  'black.badRatingRateAbove',
];
const isRate = (k: Key) => /Rate/.test(k);

function read(r: RankingRules, k: Key): number {
  const [a, b] = k.split('.') as [string, string | undefined];
  const v = b
    ? (r[a as 'red' | 'black'] as Record<string, number>)[b]
    : (r as unknown as Record<string, number>)[a];
  return v ?? 0;
}

function write(r: RankingRules, k: Key, v: number): RankingRules {
  const [a, b] = k.split('.') as [string, string | undefined];
  if (!b) return { ...r, [a]: v };
  const part = a as 'red' | 'black';
  return { ...r, [part]: { ...r[part], [b]: v } } as RankingRules;
}

export function RulesDialog({
  rules,
  onClose,
  onSaved,
}: {
  rules: RankingRules;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('stats');
  const [text, setText] = useState<Record<Key, string>>(
    () =>
      Object.fromEntries(
        KEYS.map((k) => [
          k,
          String(isRate(k) ? Math.round(read(rules, k) * 1000) / 10 : read(rules, k)),
        ]),
      ) as Record<Key, string>,
  );
  const [bad, setBad] = useState<string[]>([]);
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (from: Record<Key, string>) => {
    if (busy) return;
    let r = rules;
    for (const k of KEYS) {
      const n = Number(from[k]);
      r = write(r, k, isRate(k) ? n / 100 : n);
    }
    setBusy(true);
    setRefused(null);
    try {
      const result = await saveRankingRules(appDb(), currentActor(), r);
      if (result.ok) return onSaved();
      if (result.code === 'invalid') setBad(result.fields);
      else setRefused(t(`rules.refused.${result.code}`));
    } catch (e) {
      // Not saved: the dialog keeps what was typed.
      setRefused(t('rules.saveFailed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('rules.title')}</DialogTitle>
      <DialogContent>
        <Stack
          spacing={2}
          sx={{ pt: 1 }}
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            void save(text);
          }}
        >
          {bad.length > 0 && <Alert severity="error">{t('rules.invalid')}</Alert>}
          {refused && (
            <Alert severity="error" data-testid="rules-refused">
              {refused}
            </Alert>
          )}
          {KEYS.map((k, i) => (
            <TextField
              key={k}
              autoFocus={i === 0}
              label={t(`rules.${k}`)}
              value={text[k]}
              error={bad.includes(k)}
              onChange={(e) => setText((s) => ({ ...s, [k]: e.target.value }))}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            />
          ))}
          <button type="submit" hidden />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button
          onClick={() =>
            setText(
              Object.fromEntries(
                KEYS.map((k) => [
                  k,
                  String(
                    isRate(k) ? read(defaultRankingRules, k) * 100 : read(defaultRankingRules, k),
                  ),
                ]),
              ) as Record<Key, string>,
            )
          }
        >
          {t('rules.defaults')}
        </Button>
        <Button onClick={onClose}>{t('rules.cancel')}</Button>
        <Button
          variant="contained"
          disabled={busy}
          onClick={() => void save(text)}
          data-testid="rules-save"
        >
          {t('rules.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

// Certificate stock size per certificate: unconfirmed (docs/domain.md), so measured and entered.
import { useState } from 'react';
import { Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  certificateKindSchema,
  certificatePaperSchema,
  type Settings,
} from '../../../../electron/contract';
import { useSettingsStore } from '../../app/stores/settingsStore';
import {
  NumberField,
  Section,
  StatusLine,
  toNumber,
  useSaveWithStatus,
} from './PrintSettingsParts';

type Papers = Settings['certificatePapers'];
type Draft = Record<keyof Papers, { w: string; h: string }>;
const KINDS = certificateKindSchema.options;

const draftOf = (papers: Papers): Draft =>
  Object.fromEntries(
    KINDS.map((k) => [k, { w: String(papers[k].widthMm), h: String(papers[k].heightMm) }]),
  ) as Draft;

const parsed = (d: { w: string; h: string }) =>
  certificatePaperSchema.safeParse({ widthMm: toNumber(d.w), heightMm: toNumber(d.h) });

export function PrintSettingsPapers() {
  const { t } = useTranslation('printSettings');
  const papers = useSettingsStore((s) => s.settings.certificatePapers);
  const [draft, setDraft] = useState<Draft>(() => draftOf(papers));
  const { status, setStatus, save } = useSaveWithStatus();

  const onSave = async () => {
    const next = {} as Papers;
    for (const k of KINDS) {
      const p = parsed(draft[k]);
      if (!p.success) return setStatus({ ok: false, text: t('invalid') });
      next[k] = p.data;
    }
    await save({ certificatePapers: next });
  };

  return (
    <Section title={t('papers.title')} help={t('papers.help')} testId="print-papers">
      <Stack spacing={1.5}>
        {KINDS.map((k) => {
          const ok = parsed(draft[k]).success;
          const set = (part: 'w' | 'h') => (v: string) =>
            setDraft((d) => ({ ...d, [k]: { ...d[k], [part]: v } }));
          return (
            <Stack key={k} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Typography sx={{ width: 300, flexShrink: 0 }}>{t(`cert.${k}`)}</Typography>
              <NumberField
                label={t('papers.width')}
                value={draft[k].w}
                onChange={set('w')}
                valid={ok}
                unit={t('mm')}
                step={1}
                testId={`paper-${k}-width`}
              />
              <Typography aria-hidden>×</Typography>
              <NumberField
                label={t('papers.height')}
                value={draft[k].h}
                onChange={set('h')}
                valid={ok}
                unit={t('mm')}
                step={1}
                testId={`paper-${k}-height`}
              />
            </Stack>
          );
        })}
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {t('papers.range')}
      </Typography>
      <Button
        variant="contained"
        sx={{ mt: 2 }}
        onClick={() => void onSave()}
        data-testid="papers-save"
      >
        {t('save')}
      </Button>
      <StatusLine status={status} testId="papers-status" />
    </Section>
  );
}

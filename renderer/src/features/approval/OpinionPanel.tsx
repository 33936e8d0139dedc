// The opinion box of a step and its actions. Phrases are picked with a click or the keyboard and
// stay editable; Ctrl+Enter passes the step. Every action goes through useStepAction, with the
// case version the screen loaded.
import { useState } from 'react';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { isApprovalStep, type CaseState, type Role } from '../../domain';
import { DenyDialog, ReasonDialog, SuspendDialog } from './ActionDialogs';
import { passCommand } from './inboxModel';
import { availableActions, PHRASES, withPhrase, type StepActionKind } from './stepRules';
import type { StepAction } from './useStepAction';
import { isKey } from '../shared/shortcuts';

type Open = Exclude<StepActionKind, 'pass'> | null;

export function OpinionPanel({
  state,
  role,
  action,
}: {
  state: CaseState;
  role: Role;
  action: StepAction;
}) {
  const { t } = useTranslation(['approval', 'domain']);
  const [opinion, setOpinion] = useState('');
  const [open, setOpen] = useState<Open>(null);
  const kinds = availableActions(state, role);
  const step = isApprovalStep(state.status)
    ? state.status
    : state.status === 'suspended'
      ? state.suspendedFrom
      : null;
  const caseId = state.caseId;

  const pass = async () => {
    const cmd = passCommand(state, opinion.trim());
    if (cmd) await action.act(cmd);
  };
  const close = () => {
    setOpen(null);
    action.clearError();
  };
  const done = (ok: boolean) => ok && setOpen(null);
  const common = { error: action.error, busy: action.busy, onCancel: close };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="opinion-panel">
      <Typography variant="h2" sx={{ fontSize: '1.3rem', mb: 1.5 }}>
        {step ? t(`opinion.title.${step}`) : t('opinion.label')}
      </Typography>
      {isApprovalStep(state.status) && kinds.includes('pass') && (
        <Stack spacing={1.5}>
          <Typography color="text.secondary">{t('opinion.phrases')}</Typography>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }} data-testid="phrases">
            {PHRASES[state.status].map((id) => {
              const text = t(`phrase.${state.status}.${id}`);
              return (
                <Button
                  key={id}
                  size="small"
                  variant="outlined"
                  onClick={() => setOpinion((o) => withPhrase(o, text))}
                  data-testid={`phrase-${id}`}
                  sx={{ textAlign: 'left', textTransform: 'none', justifyContent: 'flex-start' }}
                >
                  {text}
                </Button>
              );
            })}
          </Box>
          <TextField
            multiline
            minRows={4}
            label={t('opinion.label')}
            value={opinion}
            onChange={(e) => setOpinion(e.target.value)}
            onKeyDown={(e) => {
              if (isKey('submit', e)) {
                e.preventDefault();
                void pass();
              }
            }}
            helperText={t('opinion.hint')}
            slotProps={{ htmlInput: { 'data-testid': 'opinion-text' } }}
          />
        </Stack>
      )}
      {action.error && !open && (
        <Alert severity="error" sx={{ mt: 1.5 }} data-testid="step-error">
          {action.error}
        </Alert>
      )}
      {action.notice && (
        <Alert severity="success" sx={{ mt: 1.5 }} data-testid="step-notice">
          {action.notice}
        </Alert>
      )}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 2 }}>
        {kinds.includes('pass') && isApprovalStep(state.status) && (
          <Button
            variant="contained"
            size="large"
            disabled={action.busy}
            onClick={() => void pass()}
            data-testid="action-pass"
          >
            {t(`action.pass.${state.status}`)}
          </Button>
        )}
        {kinds
          .filter((k): k is Exclude<StepActionKind, 'pass'> => k !== 'pass')
          .map((k) => (
            <Button
              key={k}
              variant="outlined"
              color={k === 'deny' ? 'error' : 'primary'}
              disabled={action.busy}
              onClick={() => {
                action.clearError();
                setOpen(k);
              }}
              data-testid={`action-${k}`}
            >
              {t(`action.${k}`)}
            </Button>
          ))}
      </Box>

      {open === 'return' && (
        <ReasonDialog
          {...common}
          open
          testId="dialog-return"
          title={t('dialog.return.title')}
          hint={
            state.status === 'approval' || state.status === 'verify'
              ? t('dialog.return.to', {
                  to: t(`status.${state.status === 'approval' ? 'verify' : 'review'}`, {
                    ns: 'domain',
                  }),
                })
              : undefined
          }
          onConfirm={async (reason) =>
            done(await action.act({ type: 'returnToPrevious', caseId, reason }))
          }
        />
      )}
      {open === 'suspend' && (
        <SuspendDialog
          {...common}
          open
          onConfirm={async ({ kind, reason, expectedDays }) =>
            done(
              await action.act(
                { type: 'suspend', caseId, kind, reason, expectedDays },
                { kind: 'suspension', expectedDays },
              ),
            )
          }
        />
      )}
      {open === 'resume' && (
        <ReasonDialog
          {...common}
          open
          optional
          testId="dialog-resume"
          title={t('dialog.resume.title')}
          label={t('dialog.resume.note')}
          onConfirm={async (note) =>
            done(
              await action.act(
                { type: 'resume', caseId, ...(note ? { note } : {}) },
                { kind: 'resumption' },
              ),
            )
          }
        />
      )}
      {open === 'extend' && (
        <ReasonDialog
          {...common}
          open
          testId="dialog-extend"
          title={t('dialog.extend.title')}
          hint={t('dialog.extend.hint')}
          onConfirm={async (reason) =>
            done(await action.act({ type: 'extend', caseId, reason }, { kind: 'extension' }))
          }
        />
      )}
      {open === 'deny' && (
        <DenyDialog
          {...common}
          open
          onConfirm={async ({ reason, legalBasis }) =>
            done(
              await action.act(
                { type: 'deny', caseId, reason, legalBasis },
                { kind: 'denial', legalBasis },
              ),
            )
          }
        />
      )}
    </Paper>
  );
}

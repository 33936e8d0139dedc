import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useDraftStore } from './draft';
import { DraftField } from './fields';
import { creditCodeState, idNumberState, type Problems } from './model';
import { OverrideDialog } from './OverrideDialog';

export function ApplicantSection({ problems, today }: { problems: Problems; today: string }) {
  const { t } = useTranslation(['intake', 'domain']);
  const d = useDraftStore((s) => s.draft);
  const set = useDraftStore((s) => s.set);
  const [overrideOpen, setOverrideOpen] = useState(false);
  const cc = creditCodeState(d.creditCode);
  const id = idNumberState(d.idNumber, today);

  const ccHelp = cc.parts
    ? t('applicant.creditCode.describe', {
        kind: t(`domain:creditType.${cc.parts.kind}`),
        division: cc.parts.division,
        org: cc.parts.organisationCode,
      })
    : undefined;
  const idHelp = id.parts
    ? t('applicant.idNumber.describe', {
        birth: id.parts.birthDate,
        sex: t(`sex.${id.parts.sex}`),
        division: id.parts.division,
      })
    : undefined;

  return (
    <Stack spacing={2}>
      <ToggleButtonGroup
        exclusive
        value={d.applicantKind}
        onChange={(_, v: 'enterprise' | 'person' | null) => v && set({ applicantKind: v })}
        aria-label={t('section.applicant')}
      >
        <ToggleButton value="enterprise" data-testid="intake-kind-enterprise">
          {t('applicant.enterprise')}
        </ToggleButton>
        <ToggleButton value="person" data-testid="intake-kind-person">
          {t('applicant.person')}
        </ToggleButton>
      </ToggleButtonGroup>
      <Stack direction="row" spacing={2}>
        <DraftField
          name="applicantName"
          label={t(`applicant.name.${d.applicantKind}`)}
          problems={problems}
          required
        />
        {d.applicantKind === 'enterprise' ? (
          <DraftField
            name="creditCode"
            label={t('applicant.creditCode')}
            problems={problems}
            help={ccHelp}
            upper
            required
          />
        ) : (
          <DraftField
            name="idNumber"
            label={t('applicant.idNumber')}
            problems={problems}
            help={idHelp}
            upper
            required
          />
        )}
      </Stack>
      {d.applicantKind === 'enterprise' && cc.problem === 'creditCodeCheck' && (
        <Alert
          severity={d.override ? 'info' : 'warning'}
          action={
            d.override ? (
              <Button color="inherit" onClick={() => set({ override: null })}>
                {t('override.remove')}
              </Button>
            ) : (
              <Button
                color="inherit"
                onClick={() => setOverrideOpen(true)}
                data-testid="override-open"
              >
                {t('override.open')}
              </Button>
            )
          }
        >
          {d.override
            ? t('override.recorded', {
                name: d.override.supervisorName,
                role: t(`domain:role.${d.override.supervisorRole}`),
                reason: d.override.reason,
              })
            : t('override.title')}
        </Alert>
      )}
      {d.applicantKind === 'enterprise' && (
        <DraftField
          name="legalRepresentative"
          label={t('applicant.legalRepresentative')}
          problems={problems}
        />
      )}
      <Stack direction="row" spacing={2}>
        <DraftField name="contactName" label={t('contact.name')} problems={problems} required />
        <DraftField name="contactPhone" label={t('contact.phone')} problems={problems} required />
      </Stack>
      <FormControlLabel
        control={
          <Checkbox
            checked={d.hasAgent}
            onChange={(e) => set({ hasAgent: e.target.checked })}
            slotProps={{ input: { 'aria-label': t('agent.has') } }}
            data-testid="intake-hasAgent"
          />
        }
        label={t('agent.has')}
      />
      {d.hasAgent && (
        <Box>
          <Stack direction="row" spacing={2}>
            <DraftField name="agentName" label={t('agent.name')} problems={problems} required />
            <DraftField
              name="agentIdNumber"
              label={t('agent.idNumber')}
              problems={problems}
              upper
              required
            />
            <DraftField name="agentPhone" label={t('agent.phone')} problems={problems} />
          </Stack>
        </Box>
      )}
      {overrideOpen && (
        <OverrideDialog
          onClose={() => setOverrideOpen(false)}
          onOverride={(override) => {
            set({ override });
            setOverrideOpen(false);
          }}
        />
      )}
    </Stack>
  );
}

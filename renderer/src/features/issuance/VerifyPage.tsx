// Verification of a certificate: scan (a scanner types the QR text and Enter) or type the
// payload or a number. The signature is checked with the office public key through Web Crypto,
// then the station's records say whether the certificate is current, voided or replaced.
import { useState } from 'react';
import { Alert, Box, Button, TextField, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { useTranslation } from 'react-i18next';
import { host } from '../../host';
import { appDb } from '../../data/stationDb';
import { useRouteStore } from '../../app/stores/routeStore';
import { verifyCertificate, type Verdict } from './verify';
import { isKey } from '../shared/shortcuts';

const SEVERITY: Record<Verdict['kind'], 'success' | 'warning' | 'error' | 'info'> = {
  genuine: 'success',
  genuineNotOnRecord: 'info',
  onRecord: 'success',
  voided: 'error',
  replaced: 'warning',
  notGenuine: 'error',
  notFound: 'warning',
};

export function VerifyPage() {
  const { t } = useTranslation('issuance');
  const go = useRouteStore((s) => s.go);
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);

  const check = async () => {
    if (!text.trim()) return;
    setVerdict(await verifyCertificate(appDb(), text, () => host.keysPublicKey({})));
  };

  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 900 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Button startIcon={<ArrowBackIcon />} onClick={() => go('issuance')}>
          {t('page.back')}
        </Button>
        <Typography variant="h1" sx={{ fontSize: '1.6rem' }}>
          {t('verify.title')}
        </Typography>
      </Box>
      <Typography color="text.secondary">{t('verify.hint')}</Typography>
      <TextField
        autoFocus
        multiline
        minRows={2}
        label={t('verify.input')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setVerdict(null);
        }}
        onKeyDown={(e) => {
          // Scanners end with Enter; Shift+Enter still makes a new line.
          if (isKey('enter', e)) {
            e.preventDefault();
            void check();
          }
        }}
        slotProps={{ htmlInput: { 'data-testid': 'verify-input', spellCheck: false } }}
      />
      <Box>
        <Button
          variant="contained"
          size="large"
          onClick={() => void check()}
          data-testid="verify-submit"
        >
          {t('verify.check')}
        </Button>
      </Box>
      {verdict && (
        <Alert
          severity={SEVERITY[verdict.kind]}
          role="status"
          data-testid="verify-result"
          data-verdict={verdict.kind}
        >
          <Typography sx={{ fontWeight: 700, fontSize: '1.2rem' }}>
            {t(`verify.verdict.${verdict.kind}`)}
          </Typography>
          {'number' in verdict && verdict.number && (
            <Typography>{t('verify.number', { number: verdict.number })}</Typography>
          )}
          {'holder' in verdict && verdict.holder && (
            <Typography>
              {t('verify.holder', { holder: verdict.holder, date: verdict.issuedOn })}
            </Typography>
          )}
          {'caseNo' in verdict && verdict.caseNo && (
            <Typography>{t('verify.caseNo', { caseNo: verdict.caseNo })}</Typography>
          )}
          {verdict.kind === 'voided' || verdict.kind === 'replaced' ? (
            <Typography>
              {t('verify.voidedOn', { on: verdict.voidedOn, reason: verdict.reason })}
            </Typography>
          ) : null}
          {verdict.kind === 'replaced' && (
            <Typography>{t('verify.replacedBy', { number: verdict.replacedBy })}</Typography>
          )}
          {verdict.kind === 'notGenuine' && (
            <Typography>{t(`verify.reason.${verdict.reason}`)}</Typography>
          )}
        </Alert>
      )}
    </Box>
  );
}

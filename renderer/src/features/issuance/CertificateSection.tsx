// The certificate on record: number, type, date; print again in the chosen mode (never a new
// number, recorded as a reprint); void with a reason (section chief or director); and every
// voided certificate kept in view.
import { useState, type ReactNode } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  TextField,
  Typography,
} from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import BlockIcon from '@mui/icons-material/Block';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../domain';
import { maskIdNumber } from '../../domain';
import { useCommand, useRefusalText } from '../shared/useCommand';
import { Facts, Section } from '../shared/Section';
import type { Notice } from './notice';

export function CertificateSection({
  state,
  version,
  onNotice,
  printChoice,
  onPrintAgain,
}: {
  state: CaseState;
  version: number;
  onNotice: (n: Notice) => void;
  /** How a reprint prints (套打 / 整页); shown while there is a certificate to print. */
  printChoice?: ReactNode;
  onPrintAgain: () => void;
}) {
  const { t } = useTranslation('issuance');
  const run = useCommand();
  const refusalText = useRefusalText();
  const [voiding, setVoiding] = useState(false);
  const [reason, setReason] = useState('');
  const cert = state.certificate;

  const voidIt = async () => {
    const r = await run({ type: 'certificateVoided', caseId: state.caseId, reason }, version);
    if (!r.ok) {
      onNotice({ severity: 'error', text: refusalText(r.refusal) });
    } else {
      onNotice({ severity: 'info', text: t('void.done', { number: cert?.number ?? '' }) });
    }
    setVoiding(false);
    setReason('');
  };

  const d = state.delivery;
  return (
    <Section
      id="issuance-certificate"
      title={t('cert.title')}
      actions={
        cert && (
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button
              startIcon={<PrintIcon />}
              variant="outlined"
              onClick={onPrintAgain}
              data-testid="cert-print-again"
            >
              {t('cert.printAgain')}
            </Button>
            <Button
              startIcon={<BlockIcon />}
              color="error"
              variant="outlined"
              onClick={() => setVoiding(true)}
              data-testid="cert-void"
            >
              {t('void.open')}
            </Button>
          </Box>
        )
      }
    >
      {cert && (
        <Facts
          testId="cert-facts"
          facts={[
            [t('cert.number'), <span data-testid="cert-number">{cert.number}</span>],
            [t('cert.issuedOn'), cert.issuedOn],
            [t('cert.numberSource'), cert.external ? t('cert.external') : t('cert.allocated')],
            [
              t('delivery.record'),
              d
                ? d.method === 'pickup'
                  ? t('delivery.pickedUp', {
                      name: d.recipientName,
                      id: maskIdNumber(d.recipientIdNumber),
                      on: d.on,
                    })
                  : t('delivery.posted', { carrier: d.carrier, no: d.trackingNo, on: d.on })
                : '',
            ],
          ]}
        />
      )}
      {cert && printChoice && <Box sx={{ mt: 2 }}>{printChoice}</Box>}
      {state.voidedCertificates.length > 0 && (
        <Box sx={{ mt: 1 }}>
          <Typography color="text.secondary">{t('cert.voidedList')}</Typography>
          <List dense data-testid="cert-voided">
            {state.voidedCertificates.map((v) => (
              <ListItem key={v.number}>
                {t('cert.voidedLine', { number: v.number, on: v.voidedOn, reason: v.reason })}
              </ListItem>
            ))}
          </List>
        </Box>
      )}
      <Dialog open={voiding} onClose={() => setVoiding(false)} fullWidth maxWidth="sm">
        <DialogTitle>{t('void.title', { number: cert?.number ?? '' })}</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 2 }}>{t('void.hint')}</Typography>
          <TextField
            autoFocus
            fullWidth
            multiline
            label={t('void.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'void-reason' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setVoiding(false)}>{t('common.cancel')}</Button>
          <Button
            color="error"
            variant="contained"
            onClick={() => void voidIt()}
            data-testid="void-confirm"
          >
            {t('void.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Section>
  );
}

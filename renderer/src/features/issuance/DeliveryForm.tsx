// Delivery of the certificate: collected at the window (who, ID number, whether an agent with
// an authorisation, when — prints the 送达回证) or posted (carrier, tracking number, address).
import { requestRatingFor } from '../rating/requestRating';
import { useState } from 'react';
import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { hallDateTime, type CaseState } from '../../domain';
import type { Delivery } from '../../domain/commands';
import { templates } from '../../print';
import { recordedDocument, type DocumentRow } from '../../data/documents';
import type { Station } from '../../data/station';
import { appDb } from '../../data/stationDb';
import { currentActor } from '../../app/stores/sessionStore';
import { useCommand, useRefusalText } from '../shared/useCommand';
import { renderForPrint, type PrintJob } from '../printing/printService';
import type { Notice } from './notice';
import { officeGaps, officeOf } from '../printing/office';

/** Now on the hall's wall clock (Beijing time), as the datetime field takes it. */
const nowLocal = () => hallDateTime(new Date());

export function DeliveryForm({
  state,
  version,
  station,
  onNotice,
  onPrint,
}: {
  state: CaseState;
  version: number;
  station: Station;
  onNotice: (n: Notice) => void;
  onPrint: (job: PrintJob) => void;
}) {
  const { t } = useTranslation('issuance');
  const run = useCommand();
  const refusalText = useRefusalText();
  const a = state.intake.applicant;
  const [method, setMethod] = useState<'pickup' | 'post'>(state.intake.delivery);
  const [name, setName] = useState(a.kind === 'person' ? a.name : state.intake.contact.name);
  // Typed from the collector's card at the counter: that is the check of who collects, and a
  // pre-filled number would also show the applicant's full ID number on screen.
  const [idNumber, setIdNumber] = useState('');
  const [proxy, setProxy] = useState(false);
  const [authorisation, setAuthorisation] = useState('');
  const [at, setAt] = useState(nowLocal);
  const [carrier, setCarrier] = useState('');
  const [trackingNo, setTrackingNo] = useState('');
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);

  /**
   * The 送达回证 from the delivery as recorded: who collected, with the ID number they showed, and
   * the number its dispatch recorded (`numbers`).
   */
  const serviceJob = async (
    recorded: CaseState,
    numbers: readonly DocumentRow[],
  ): Promise<PrintJob> => {
    const d = recorded.delivery?.method === 'pickup' ? recorded.delivery : null;
    const recipient = d ? d.recipientName : name.trim();
    const collector = d ? { name: d.recipientName, idNumber: d.recipientIdNumber } : null;
    const byProxy = d ? d.proxy : proxy;
    const proxyReason = d ? (d.proxyReason ?? '') : authorisation;
    const actor = currentActor();
    const docNumber = (await recordedDocument(appDb(), state.caseId, 'service', numbers)).number;
    const cert = state.certificate;
    const doc = await renderForPrint(templates.serviceRecord, {
      docNumber,
      office: officeOf(station),
      caseNumber: state.caseNo,
      documents: cert
        ? [{ name: t('delivery.certificateDoc'), number: cert.number, count: 1 }]
        : [{ name: state.matter.name, number: state.caseNo, count: 1 }],
      recipient: a.name,
      ...(collector ? { collector } : {}),
      ...(byProxy
        ? { proxy: { name: recipient, relation: t('delivery.agent'), reason: proxyReason } }
        : {}),
      place: station.officeName,
      servedAt: at,
      method: byProxy ? 'proxy' : 'direct',
      server: actor.name,
    });
    const gaps = officeGaps(station, ['service_record']);
    return {
      doc,
      ...(gaps.length > 0 ? { gaps } : {}),
      docType: 'service_record',
      title: t('delivery.serviceTitle', { number: docNumber }),
      caseId: state.caseId,
      kind: 'a4',
    };
  };

  const submit = async () => {
    setBusy(true);
    const delivery: Delivery =
      method === 'pickup'
        ? {
            method,
            recipientName: name.trim(),
            recipientIdNumber: idNumber.trim().toUpperCase(),
            proxy,
            ...(proxy ? { proxyReason: authorisation.trim() } : {}),
          }
        : {
            method,
            carrier: carrier.trim(),
            trackingNo: trackingNo.trim(),
            address: address.trim(),
          };
    const r = await run({ type: 'delivered', caseId: state.caseId, delivery }, version);
    setBusy(false);
    if (!r.ok) {
      onNotice({ severity: 'error', text: refusalText(r.refusal) });
      return;
    }
    // Collected at the window: the applicant rates on the window's rating device (一次一评).
    const asked = method === 'pickup' && r.state ? await requestRatingFor(r.state) : null;
    onNotice({
      severity: 'success',
      text: asked
        ? `${t('delivery.done')} ${t('rating:section.requested', { window: asked.window })}`
        : t('delivery.done'),
    });
    if (method === 'pickup' && r.state) onPrint(await serviceJob(r.state, r.documents));
  };

  const field = (id: string, label: string, value: string, set: (v: string) => void) => (
    <TextField
      label={label}
      value={value}
      onChange={(e) => set(e.target.value)}
      slotProps={{ htmlInput: { 'data-testid': `delivery-${id}` } }}
    />
  );

  return (
    <Box
      component="form"
      sx={{ display: 'grid', gap: 2 }}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ToggleButtonGroup
        exclusive
        value={method}
        onChange={(_, v: 'pickup' | 'post' | null) => v && setMethod(v)}
        aria-label={t('delivery.method')}
      >
        <ToggleButton value="pickup" data-testid="delivery-pickup">
          {t('delivery.pickup')}
        </ToggleButton>
        <ToggleButton value="post" data-testid="delivery-post">
          {t('delivery.post')}
        </ToggleButton>
      </ToggleButtonGroup>
      {method === 'pickup' ? (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { md: '1fr 1fr' } }}>
          {field('name', t('delivery.name'), name, setName)}
          {field('id', t('delivery.idNumber'), idNumber, setIdNumber)}
          <FormControlLabel
            control={
              <Checkbox
                checked={proxy}
                onChange={(e) => setProxy(e.target.checked)}
                slotProps={{ input: { 'data-testid': 'delivery-proxy' } as object }}
              />
            }
            label={t('delivery.proxy')}
          />
          {proxy &&
            field('authorisation', t('delivery.authorisation'), authorisation, setAuthorisation)}
          <TextField
            type="datetime-local"
            label={t('delivery.at')}
            value={at}
            onChange={(e) => setAt(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Box>
      ) : (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { md: '1fr 1fr' } }}>
          {field('carrier', t('delivery.carrier'), carrier, setCarrier)}
          {field('tracking', t('delivery.trackingNo'), trackingNo, setTrackingNo)}
          {field('address', t('delivery.address'), address, setAddress)}
        </Box>
      )}
      <Box>
        <Button
          type="submit"
          variant="contained"
          size="large"
          disabled={busy}
          data-testid="delivery-submit"
        >
          {method === 'pickup' ? t('delivery.submitPickup') : t('delivery.submitPost')}
        </Button>
      </Box>
    </Box>
  );
}

// Every paper rendered with its sample data, for the samples script and the PDF tests.
import {
  renderDocument,
  type DataOf,
  type RenderedDocument,
  type RenderOptions,
} from '../../renderer/src/print/render';
import { templates, type TemplateName } from '../../renderer/src/print/templates';
import * as s from '../../renderer/src/print/samples';
import { renderOverlay } from '../../renderer/src/print/overlay';
import { defaultOverlayLayouts, overlayValues } from '../../renderer/src/print/overlayLayouts';
import { renderCalibrationPage } from '../../renderer/src/print/calibration';
import type { CertificateKind } from '../../renderer/src/print/templates/Certificates';
import { nodeFontSource } from './nodeFontSource';

export const sampleData = {
  acceptanceNotice: s.acceptanceSample,
  supplementNotice: s.supplementSample,
  refusalNotice: s.refusalSample,
  receiptA4: s.receiptSample,
  receiptThermal: s.receiptSample,
  oneTimeNotice: s.oneTimeSample,
  specialProcedureNotice: s.specialSample,
  resumptionNotice: s.resumptionSample,
  extensionNotice: s.extensionSample,
  denialDecision: s.denialSample,
  serviceRecord: s.serviceSample,
  engineeringPermit: s.engineeringPermitSample,
  landUsePermit: s.landUsePermitSample,
  siteSelection: s.siteSelectionSample,
  ruralPermit: s.ruralPermitSample,
  supervisionLedger: s.supervisionLedgerSample,
  redBlackList: s.redBlackListSample,
  queueTicket: s.queueTicketSample,
} satisfies { [K in TemplateName]: DataOf<(typeof templates)[K]> };

export function renderSample(name: TemplateName, options: RenderOptions = {}): RenderedDocument {
  // The registry is heterogeneous; each entry's data type matches its template by construction.
  const template = templates[name] as (typeof templates)['acceptanceNotice'];
  const data = sampleData[name] as (typeof sampleData)['acceptanceNotice'];
  return renderDocument(template, data, { fontSource: nodeFontSource(), ...options });
}

export const certificateSamples: Record<
  CertificateKind,
  { id: string; values: Record<string, string> }
> = {
  engineering: {
    id: templates.engineeringPermit.id,
    values: overlayValues.engineering(s.engineeringPermitSample),
  },
  landUse: { id: templates.landUsePermit.id, values: overlayValues.landUse(s.landUsePermitSample) },
  siteSelection: {
    id: templates.siteSelection.id,
    values: overlayValues.siteSelection(s.siteSelectionSample),
  },
  rural: { id: templates.ruralPermit.id, values: overlayValues.rural(s.ruralPermitSample) },
};

export function renderOverlaySample(
  kind: CertificateKind,
  calibration = { dxMm: 0, dyMm: 0 },
): RenderedDocument {
  return renderOverlay(defaultOverlayLayouts[kind], certificateSamples[kind].values, calibration, {
    fontSource: nodeFontSource(),
  });
}

export function renderCalibrationSample(calibration = { dxMm: 0, dyMm: 0 }): RenderedDocument {
  return renderCalibrationPage(calibration, { fontSource: nodeFontSource() });
}

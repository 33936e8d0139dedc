// Every paper of the counter, by id. Features render one with renderDocument(templates.x, data).
import type { PrintTemplate } from '../render';
import { papers } from '../paper';
import { AcceptanceNotice } from './AcceptanceNotice';
import { SupplementNotice } from './SupplementNotice';
import { RefusalNotice } from './RefusalNotice';
import {
  DenialDecision,
  ExtensionNotice,
  ResumptionNotice,
  SpecialProcedureNotice,
} from './ProcedureNotices';
import { ServiceRecord, serviceCss } from './ServiceRecord';
import { ReceiptA4, ReceiptThermal, thermalCss } from './Receipts';
import { OneTimeNotice, oneTimeCss } from './OneTimeNotice';
import {
  certificateCss,
  EngineeringPermit,
  LandUsePermit,
  RuralPermit,
  SiteSelection,
} from './Certificates';
import { ledgerCss, rankingCss, RedBlackList, SupervisionLedger } from './Ledgers';
import { QueueTicket, queueTicketCss } from './QueueTicket';

const define = <D>(t: PrintTemplate<D>): PrintTemplate<D> => t;

export const templates = {
  acceptanceNotice: define({
    id: 'acceptance-notice',
    titleKey: 'acceptance.title',
    paper: papers.a4,
    Component: AcceptanceNotice,
  }),
  supplementNotice: define({
    id: 'supplement-notice',
    titleKey: 'supplement.title',
    paper: papers.a4,
    Component: SupplementNotice,
  }),
  refusalNotice: define({
    id: 'refusal-notice',
    titleKey: 'refusal.title',
    paper: papers.a4,
    Component: RefusalNotice,
  }),
  receiptA4: define({
    id: 'receipt-a4',
    titleKey: 'receipt.title',
    paper: papers.a4,
    Component: ReceiptA4,
  }),
  receiptThermal: define({
    id: 'receipt-80mm',
    titleKey: 'receipt.title',
    paper: papers.receipt80,
    css: thermalCss,
    Component: ReceiptThermal,
  }),
  oneTimeNotice: define({
    id: 'one-time-notice',
    titleKey: 'oneTime.title',
    paper: papers.a4,
    css: oneTimeCss,
    Component: OneTimeNotice,
  }),
  specialProcedureNotice: define({
    id: 'special-procedure-notice',
    titleKey: 'special.title',
    paper: papers.a4,
    Component: SpecialProcedureNotice,
  }),
  resumptionNotice: define({
    id: 'resumption-notice',
    titleKey: 'resumption.title',
    paper: papers.a4,
    Component: ResumptionNotice,
  }),
  extensionNotice: define({
    id: 'extension-notice',
    titleKey: 'extension.title',
    paper: papers.a4,
    Component: ExtensionNotice,
  }),
  denialDecision: define({
    id: 'denial-decision',
    titleKey: 'denial.title',
    paper: papers.a4,
    Component: DenialDecision,
  }),
  serviceRecord: define({
    id: 'service-record',
    titleKey: 'service.title',
    paper: papers.a4,
    css: serviceCss,
    Component: ServiceRecord,
  }),
  engineeringPermit: define({
    id: 'engineering-permit',
    titleKey: 'certificate.engineering.title',
    paper: papers.certificate,
    css: certificateCss,
    Component: EngineeringPermit,
  }),
  landUsePermit: define({
    id: 'land-use-permit',
    titleKey: 'certificate.landUse.title',
    paper: papers.certificate,
    css: certificateCss,
    Component: LandUsePermit,
  }),
  siteSelection: define({
    id: 'site-selection',
    titleKey: 'certificate.siteSelection.title',
    paper: papers.certificate,
    css: certificateCss,
    Component: SiteSelection,
  }),
  ruralPermit: define({
    id: 'rural-permit',
    titleKey: 'certificate.rural.title',
    paper: papers.certificate,
    css: certificateCss,
    Component: RuralPermit,
  }),
  supervisionLedger: define({
    id: 'supervision-ledger',
    titleKey: 'ledger.title',
    paper: papers.a4Landscape,
    css: ledgerCss,
    Component: SupervisionLedger,
  }),
  redBlackList: define({
    id: 'red-black-list',
    titleKey: 'ranking.title',
    paper: papers.a4,
    css: rankingCss,
    Component: RedBlackList,
  }),
  /** 排队小票: the kiosk's ticket on the 80 mm roll (issue 18). */
  queueTicket: define({
    id: 'queue-ticket-80mm',
    titleKey: 'ticket.title',
    paper: papers.receipt80,
    css: queueTicketCss,
    Component: QueueTicket,
  }),
};

export type TemplateName = keyof typeof templates;

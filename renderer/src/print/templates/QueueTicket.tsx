// 排队小票: the ticket the kiosk prints on the 80 mm roll (issue 18). Number large enough to read
// at arm's length, the business, how many wait ahead, the hall time and — where the office has a
// follow-the-queue page — a QR code that carries the ticket id only, never personal data.
import { usePrint } from '../context';
import { qrSvg } from '../qr';
import { Svg } from '../components/Official';
import type { QueueTicketData } from '../types';

export function QueueTicket({ data }: { data: QueueTicketData }) {
  const { t, dateTime } = usePrint();
  return (
    <div className="ticket">
      {data.officeName && <div className="q-office">{data.officeName}</div>}
      <h1 className="q-title">{t('ticket.title')}</h1>
      <div className="q-number">{data.number}</div>
      <div className="q-business">{t(`ticket.business.${data.business}`)}</div>
      {data.green && (
        <div className="q-green">
          <strong>{t('ticket.green')}</strong>
          <div>{t('ticket.greenShowPass')}</div>
        </div>
      )}
      <div className="q-rule" />
      <div className="q-row">
        <span className="q-label">{t('ticket.waitingAheadLabel')}</span>
        <span>{t('ticket.waitingAhead', { count: data.waitingAhead })}</span>
      </div>
      <div className="q-row">
        <span className="q-label">{t('ticket.issuedAt')}</span>
        <span>{dateTime(data.issuedAt)}</span>
      </div>
      <div className="q-rule" />
      {data.qrPayload && (
        <>
          <Svg className="q-center" markup={qrSvg(data.qrPayload, 24)} />
          <div className="q-center q-caption">{t('ticket.scan')}</div>
        </>
      )}
      <div className="q-small">{t('ticket.listen')}</div>
      <div className="q-small">{t('ticket.missed')}</div>
    </div>
  );
}

export const queueTicketCss = `
body{font-size:10pt;line-height:1.4}
.ticket{width:100%}
.q-office{text-align:center;font-size:9.5pt}
.q-title{text-align:center;font-size:12pt;font-weight:700;margin:1mm 0 1mm}
.q-number{text-align:center;font-size:40pt;font-weight:700;line-height:1.1;letter-spacing:0.04em}
.q-business{text-align:center;font-size:13pt;font-weight:700;margin:1mm 0 1mm}
.q-green{border:0.5mm solid #000;text-align:center;padding:1mm;margin:1mm 0;font-size:10pt}
.q-green strong{font-size:12pt;letter-spacing:0.1em}
html[lang=en] .q-green strong{letter-spacing:0}
.q-rule{border-top:0.3mm dashed #000;margin:1.5mm 0}
.q-row{display:flex;gap:2mm;justify-content:space-between}
.q-label{font-weight:700}
.q-center{display:flex;justify-content:center;text-align:center}
.q-caption{font-size:8.5pt;margin-bottom:1mm}
.q-small{font-size:8.5pt;margin-top:0.5mm}
`;

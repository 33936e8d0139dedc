// Issuing and printing one ticket at the kiosk: the FloorPort issues it (idempotent by request
// key, so a retry after a lost answer never takes a second number), then the ticket is rendered
// for the 80 mm roll and sent straight to the receipt printer — silently: a kiosk has nobody to
// answer a print dialog. Tickets are not case papers: nothing is archived or logged.
import { host, HostError } from '../../host';
import type { BusinessType, FloorFailure, FloorPort } from '../../domain/floor/types';
import type { IssuedTicket } from './screenModel';
import { renderDocumentInline } from '../../print/bundledFont';
import { templates, type RenderedDocument } from '../../print';
import type { QueueTicketData } from '../../print/types';
import { useSettingsStore } from '../../app/stores/settingsStore';

// The paper's data (pure, with the QR code's rules) lives beside the screens' model.
export { ticketData, type IssuedTicket } from './screenModel';

export async function issue(
  port: FloorPort,
  req: { business: BusinessType; green: boolean; requestKey: string },
): Promise<{ ok: true; value: IssuedTicket } | FloorFailure> {
  try {
    return await port.issueTicket(req);
  } catch (e) {
    return { ok: false, code: 'offline', message: e instanceof Error ? e.message : String(e) };
  }
}

export function renderTicket(
  data: QueueTicketData,
  locale: 'zh-CN' | 'en',
): Promise<RenderedDocument> {
  const font = useSettingsStore.getState().settings.printFont;
  return renderDocumentInline(templates.queueTicket, data, { font, locale });
}

/** Prints on the receipt printer (the system default where none is set). 'io' when it fails. */
export async function printTicket(
  doc: RenderedDocument,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const printer = useSettingsStore.getState().settings.printers.receipt;
  try {
    await host.printPrint({
      html: doc.html,
      paper: { widthMm: doc.paper.widthMm, heightMm: doc.paper.heightMm },
      ...(printer ? { deviceName: printer } : {}),
      silent: true,
      copies: 1,
    });
    return { ok: true };
  } catch (e) {
    return { ok: false, message: e instanceof HostError ? e.message : String(e) };
  }
}

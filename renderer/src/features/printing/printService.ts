// Printing a paper of the counter: render the template to standalone HTML (bundled font
// inlined), archive it through the host with its SHA-256 (linked to the case; the host keeps its
// PDF, or where it cannot make one the HTML as printed), then send it to the printer chosen for
// its kind of paper. Archive and print are separate steps so a
// failed print can be retried without archiving twice, and a reprint is recorded as such.
import type { ArchiveFormat, Paper as HostPaper } from '../../../../electron/contract';
import { host, HostError } from '../../host';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { renderDocumentInline } from '../../print/bundledFont';
import type { PrintTemplate, RenderedDocument } from '../../print';
import { currentActor } from '../../app/stores/sessionStore';
import { printRecord, recordPrint } from '../../data/prints';
import { appDb } from '../../data/stationDb';
import type { ContactField } from '../../data/station';

export type PaperKind = 'a4' | 'receipt';

export interface PrintJob {
  doc: RenderedDocument;
  docType: string;
  title: string;
  caseId?: string;
  kind: PaperKind;
  copies?: number;
  /** Overlay (套打): exact mm, no scaling; its offsets belong to `deviceName`'s calibration. */
  overlay?: boolean;
  /** A printer chosen for this job (e.g. the certificate printer); else the paper kind's. */
  deviceName?: string;
  /** Office facts not filled in, whose sentences this paper leaves out (the dialog warns). */
  gaps?: ContactField[];
}

export async function renderForPrint<D>(
  template: PrintTemplate<D>,
  data: D,
): Promise<RenderedDocument> {
  const font = useSettingsStore.getState().settings.printFont;
  return renderDocumentInline(template, data, { font });
}

const hostPaper = (doc: RenderedDocument): HostPaper => ({
  widthMm: doc.paper.widthMm,
  heightMm: doc.paper.heightMm,
});

/**
 * Stores the paper in the host's archive (as PDF where the host can make one) and records the
 * print (with the HTML, so a reprint is the same paper) in the event log. Returns the archive
 * id and what the archive kept, or the error.
 */
export async function archive(
  job: PrintJob,
  reprintOf?: string,
): Promise<{ id: string; sha256: string; format: ArchiveFormat } | { error: HostError }> {
  try {
    const put = await host.archivePut({
      caseId: job.caseId,
      docType: job.docType,
      title: job.title,
      html: job.doc.html,
      paper: hostPaper(job.doc),
      reprintOf,
    });
    await recordPrint(appDb(), {
      archiveId: put.id,
      sha256: put.sha256,
      caseId: job.caseId ?? null,
      docType: job.docType,
      title: job.title,
      kind: job.kind,
      overlay: job.overlay ?? false,
      deviceName: job.deviceName ?? null,
      html: job.doc.html,
      paper: hostPaper(job.doc),
      reprintOf: reprintOf ?? null,
      printedAt: new Date().toISOString(),
      by: currentActor(),
      format: put.format,
    });
    return { id: put.id, sha256: put.sha256, format: put.format };
  } catch (e) {
    return { error: e instanceof HostError ? e : new HostError('internal', String(e)) };
  }
}

/** The job that reprints an archived paper exactly as it was first printed. */
export async function reprintJob(archiveId: string): Promise<PrintJob | undefined> {
  const r = await printRecord(appDb(), archiveId);
  if (!r) return undefined;
  return {
    doc: { html: r.html, paper: r.paper },
    docType: r.docType,
    title: r.title,
    caseId: r.caseId ?? undefined,
    kind: r.kind,
    ...(r.overlay ? { overlay: true } : {}),
    ...(r.deviceName ? { deviceName: r.deviceName } : {}),
  };
}

/** Sends the document to the printer for its kind of paper. Throws HostError on failure. */
export async function sendToPrinter(job: PrintJob): Promise<void> {
  const { printers } = useSettingsStore.getState().settings;
  const deviceName = (job.deviceName ?? printers[job.kind]) || undefined;
  await host.printPrint({
    html: job.doc.html,
    paper: hostPaper(job.doc),
    deviceName,
    ...(job.overlay ? { overlay: true } : {}),
    // Receipts go straight to the receipt printer when one is configured; A4 shows the dialog.
    silent: job.kind === 'receipt' && !!deviceName,
    copies: job.copies ?? 1,
  });
}

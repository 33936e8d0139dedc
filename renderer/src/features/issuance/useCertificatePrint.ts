// Printing the case's certificate in the mode the clerk chose: at issue (an original) and again
// later (a reprint of the first print, same number). Jobs go to the one PrintDialog, which
// archives each once and retries a failed print without archiving again.
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../domain';
import type { Station } from '../../data/station';
import { printsOfCase } from '../../data/prints';
import { appDb } from '../../data/stationDb';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { reprintJob, type PrintJob } from '../printing/printService';
import { certificateJob, type CertificateValues } from './certificateData';
import { overlayCertificateJob } from './certificatePrint';
import { printsOfCertificate, type CertificatePrintMode } from './printMode';
import type { Notice } from './notice';

export type CertificateJobs = { jobs: PrintJob[]; reprintOf?: string };

export function useCertificatePrint(
  station: Station | null | undefined,
  mode: CertificatePrintMode,
  onJobs: (j: CertificateJobs) => void,
  onNotice: (n: Notice) => void,
) {
  const { t } = useTranslation('issuance');
  const language = useSettingsStore((s) => s.settings.language);

  const print = async (s: CaseState, values: CertificateValues, reprintOf?: string) => {
    const cert = s.certificate;
    if (!cert || !station) return;
    if (mode === 'full') {
      const title = t('print.certificateTitle', { number: cert.number });
      onJobs({ jobs: [await certificateJob(s, cert, values, station, title)], reprintOf });
      return;
    }
    const r = await overlayCertificateJob(s, cert.number, values, station, {
      settings: useSettingsStore.getState().settings,
      title: t('print.overlayTitle', { number: cert.number }),
      locale: language,
      outline: true,
    });
    if (r.ok) onJobs({ jobs: [r.job], reprintOf });
    else
      onNotice({
        severity: 'error',
        text: t(`printMode.refusal.${r.refusal}`, { number: cert.number }),
      });
  };

  /**
   * Prints the recorded certificate again: never a new number; recorded as a reprint. `values` is
   * what was issued; null for an early certificate whose values were never recorded.
   */
  const reprint = async (s: CaseState, values: CertificateValues | null) => {
    const cert = s.certificate;
    if (!cert) return;
    const prints = printsOfCertificate(await printsOfCase(appDb(), s.caseId), cert.number);
    const original = prints.original?.archiveId;
    // 整页: the archived paper, byte for byte. 套打 is rendered again: the values are the same,
    // but the printer's calibration may have been corrected since (often why it is reprinted).
    if (mode === 'full' && original && prints.lastFullPage) {
      const job = await reprintJob(prints.lastFullPage.archiveId);
      if (job) return onJobs({ jobs: [job], reprintOf: original });
    }
    // Never print other words under an issued number: without the issued values only the
    // archived full page can be reprinted.
    if (!values)
      return onNotice({
        severity: 'error',
        text: t('print.valuesUnknown', { number: cert.number }),
      });
    await print(s, values, original);
  };

  return { print, reprint };
}

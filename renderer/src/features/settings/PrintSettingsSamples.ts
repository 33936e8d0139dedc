// Sample values of each certificate for the overlay preview (the print samples' data).
import type { CertificateKindSetting } from '../../../../electron/contract';
import { overlayValues } from '../../print/overlayLayouts';
import {
  engineeringPermitSample,
  landUsePermitSample,
  ruralPermitSample,
  siteSelectionSample,
} from '../../print/samples';

export function overlaySampleValues(kind: CertificateKindSetting): Record<string, string> {
  switch (kind) {
    case 'engineering':
      return overlayValues.engineering(engineeringPermitSample);
    case 'landUse':
      return overlayValues.landUse(landUsePermitSample);
    case 'siteSelection':
      return overlayValues.siteSelection(siteSelectionSample);
    case 'rural':
      return overlayValues.rural(ruralPermitSample);
  }
}

// The print mode of one certificate on this station: derived from the settings (layout,
// certificate printer, the remembered choice) each render, so an administrator's change in
// 打印设置 shows at once; choosing remembers the choice in the station's settings for the next
// certificate of that kind.
import { useSettingsStore } from '../../app/settingsStore';
import type { CertificateKind } from '../../print/templates/Certificates';
import {
  initialPrintMode,
  overlayReadiness,
  rememberedModesOf,
  rememberPatch,
  type CertificatePrintMode,
} from './printMode';

export function usePrintMode(kind: CertificateKind) {
  const settings = useSettingsStore((s) => s.settings);
  const save = useSettingsStore((s) => s.save);
  const readiness = overlayReadiness(settings, kind);
  const mode = initialPrintMode(readiness, rememberedModesOf(settings)[kind]);

  const choose = (next: CertificatePrintMode) => {
    // A failed save only loses the memory of the choice, never the print.
    save(rememberPatch(settings, kind, next)).catch(() => undefined);
  };
  return { mode, readiness, choose };
}

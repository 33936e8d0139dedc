// The print mode of one certificate on this station: derived from the settings (layout,
// certificate printer, the remembered choice) each render, so an administrator's change in
// 打印设置 shows at once. The clerk's choice holds on this screen at once — the print never waits
// for, or depends on, the settings write that remembers it for the next certificate of that kind.
import { useState } from 'react';
import { useSettingsStore } from '../../app/stores/settingsStore';
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
  const [chosen, setChosen] = useState<Partial<Record<CertificateKind, CertificatePrintMode>>>({});
  const [rememberFailed, setRememberFailed] = useState(false);
  const readiness = overlayReadiness(settings, kind);
  // Without a layout 套打 is impossible, whatever was chosen.
  const mode = initialPrintMode(readiness, chosen[kind] ?? rememberedModesOf(settings)[kind]);

  const choose = (next: CertificatePrintMode) => {
    setChosen((c) => ({ ...c, [kind]: next }));
    setRememberFailed(false);
    save(rememberPatch(settings, kind, next)).catch(() => setRememberFailed(true));
  };
  return { mode, readiness, choose, rememberFailed };
}
